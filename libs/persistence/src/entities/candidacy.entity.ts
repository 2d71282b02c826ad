import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CandidacyState } from '@qualicoop/domain';

/** Read model of a candidacy: a projection of its events, rebuildable at any time. */
@Entity({ name: 'candidacies' })
export class CandidacyEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('text', { name: 'cooperative_id' }) cooperativeId!: string;
  @Column('text', { name: 'workflow_id' }) workflowId!: string;
  @Column('int') cycle!: number;
  @Column('text') stage!: string;
  @Column('boolean') closed!: boolean;
  @Column('timestamptz', { name: 'opened_at' }) openedAt!: Date;
  @Column('timestamptz', { name: 'stage_since' }) stageSince!: Date;
  @Column('timestamptz', { name: 'next_deadline_at', nullable: true }) nextDeadlineAt!: Date | null;
  @Column('text', { name: 'next_deadline_label', nullable: true }) nextDeadlineLabel!: string | null;
  @Column('date', { name: 'label_expires_on', nullable: true }) labelExpiresOn!: string | null;
  @Column('int', { name: 'dossier_version', nullable: true }) dossierVersion!: number | null;
  @Column('int', { name: 'last_sequence' }) lastSequence!: number;
  /** The checkpoint reports overdue and unfiled (the domain's `overdueCheckpoints`), or null. */
  @Column('jsonb', { name: 'overdue_checkpoints', nullable: true }) overdueCheckpoints!: Array<{
    checkpoint: number;
    deadline: { date: string; dueAt: string };
  }> | null;
  /** The domain's state, as the projection folded it from the events. */
  @Column('jsonb') state!: CandidacyState;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
