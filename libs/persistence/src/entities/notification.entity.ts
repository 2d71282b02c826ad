import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * Notification outbox: one row per (event, recipient kind), keyed so a retried projection never
 * queues a message twice. A sender delivers pending rows and marks them sent.
 */
@Entity({ name: 'notifications' })
export class NotificationEntity {
  @PrimaryColumn('text') key!: string;
  @Column('uuid', { name: 'candidacy_id' }) candidacyId!: string;
  @Column('text') kind!: string;
  @Column('text') recipient!: string;
  @Column('text') subject!: string;
  @Column('text') body!: string;
  @Column('text', { default: 'pending' }) status!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column('timestamptz', { name: 'sent_at', nullable: true }) sentAt!: Date | null;
}
