import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The committee calendar (spec §4.1): a default quarterly calendar, movable by staff. */
@Entity({ name: 'committee_sessions' })
export class CommitteeSessionEntity {
  @PrimaryColumn('text') id!: string;
  /** 'standard' or 'demo': demo candidacies use a calendar in demo time. */
  @Column('text') calendar!: string;
  @Column('timestamptz', { name: 'session_date' }) sessionDate!: Date;
  @Column('timestamptz', { name: 'cutoff_at' }) cutoffAt!: Date;
  @Column('text', { array: true }) members!: string[];
}
