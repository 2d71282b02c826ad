import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One caller's request counter for the current fixed window, shared by every API instance
 * (`RateLimitRepository`). The table is UNLOGGED (see its migration): a crash resets the counters.
 */
@Entity({ name: 'api_rate_limits' })
export class RateLimitEntity {
  /** The caller, endpoint and kind of request counted together. */
  @PrimaryColumn('text') key!: string;
  @Column('int') hits!: number;
  @Column('timestamptz', { name: 'window_ends_at' }) windowEndsAt!: Date;
}
