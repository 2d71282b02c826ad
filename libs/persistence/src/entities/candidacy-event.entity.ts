import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The event store: append-only. (candidacy_id, cycle, sequence) is unique and the sequence is
 * assigned by the workflow, so a retried append activity inserts nothing new.
 */
@Entity({ name: 'candidacy_events' })
export class CandidacyEventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' }) position!: string;
  @Column('uuid', { name: 'candidacy_id' }) candidacyId!: string;
  @Column('text', { name: 'cooperative_id' }) cooperativeId!: string;
  @Column('int') cycle!: number;
  @Column('int') sequence!: number;
  @Column('text') type!: string;
  @Column('timestamptz', { name: 'occurred_at' }) occurredAt!: Date;
  @Column('text', { name: 'actor_id', nullable: true }) actorId!: string | null;
  @Column('jsonb') data!: Record<string, unknown>;
  @Column('timestamptz', { name: 'recorded_at', default: () => 'now()' }) recordedAt!: Date;
}
