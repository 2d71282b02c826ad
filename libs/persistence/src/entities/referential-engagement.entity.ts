import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The referential (spec §2), one row per engagement and version. */
@Entity({ name: 'referential_engagements' })
export class ReferentialEngagementEntity {
  @PrimaryColumn('text') version!: string;
  @PrimaryColumn('text') id!: string;
  @Column('text') axis!: string;
  @Column('text', { name: 'axis_title' }) axisTitle!: string;
  @Column('text') title!: string;
}
