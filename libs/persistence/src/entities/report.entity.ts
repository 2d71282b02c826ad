import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A report a command names by id: checkpoint progress, visit, mid-term (its content as sent). */
@Entity({ name: 'reports' })
export class ReportEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'candidacy_id' }) candidacyId!: string;
  @Column('text') kind!: string;
  @Column('jsonb') content!: Record<string, unknown>;
  @Column('text', { name: 'filed_by' }) filedBy!: string;
  @Column('timestamptz', { name: 'filed_at', default: () => 'now()' }) filedAt!: Date;
  /** The request that stored it (caller and Idempotency-Key), when it had a key: its retries find it. */
  @Column('text', { name: 'request_key', nullable: true }) requestKey!: string | null;
}
