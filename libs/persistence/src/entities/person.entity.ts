import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The people who act and receive e-mails: a cooperative's staff, the federation's, committee members. */
@Entity({ name: 'people' })
export class PersonEntity {
  @PrimaryColumn('text') id!: string;
  @Column('text') role!: 'coop' | 'federation' | 'committee';
  @Column('text', { name: 'cooperative_id', nullable: true }) cooperativeId!: string | null;
  @Column('text') name!: string;
  @Column('text') email!: string;
  @Column('boolean', { default: true }) active!: boolean;
}
