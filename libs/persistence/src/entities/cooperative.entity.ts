import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** The federation's register of cooperatives. */
@Entity({ name: 'cooperatives' })
export class CooperativeEntity {
  @PrimaryColumn('text') id!: string;
  @Column('text') name!: string;
  @Column('text') region!: string;
  @Column('text') email!: string;
  @Column('boolean', { default: true }) active!: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
