import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The API's record of a write sent with an `Idempotency-Key`: in progress (no status) or its response. */
@Entity({ name: 'api_idempotency' })
export class IdempotencyRecordEntity {
  @PrimaryColumn('text') caller!: string;
  @PrimaryColumn('text') key!: string;
  @Column('text') method!: string;
  @Column('text') path!: string;
  @Column('int', { nullable: true }) status!: number | null;
  @Column('jsonb', { nullable: true }) body!: unknown;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt!: Date;
}
