import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Read model of the federation's inbox: one task the domain lists on a candidacy (see federation-tasks.ts). */
@Entity({ name: 'federation_tasks' })
export class FederationTaskEntity {
  @PrimaryColumn('uuid', { name: 'candidacy_id' }) candidacyId!: string;
  /** The task's rank among the candidacy's tasks, in the domain's order. */
  @PrimaryColumn('smallint') position!: number;
  @Column('text', { name: 'what_fr' }) whatFr!: string;
  @Column('timestamptz', { name: 'due_at', nullable: true }) dueAt!: Date | null;
  /** The domain's `TaskAction`: the command that does it, or the candidacy to look at. */
  @Column('jsonb', { nullable: true }) action!: Record<string, unknown> | null;
  /** Listed once the "expiring soon" horizon reaches this date; null: whatever the date. */
  @Column('date', { name: 'listed_from_horizon', nullable: true }) listedFromHorizon!: string | null;
}
