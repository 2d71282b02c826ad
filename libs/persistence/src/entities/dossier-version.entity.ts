import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { Dossier } from '@qualicoop/domain';

/**
 * Every saved version of a dossier, immutable. The workflow holds only the version number and
 * its SHA-256; a submitted version is never rewritten.
 */
@Entity({ name: 'dossier_versions' })
export class DossierVersionEntity {
  @PrimaryColumn('uuid', { name: 'candidacy_id' }) candidacyId!: string;
  @PrimaryColumn('int') version!: number;
  /** As saved: a draft may be incomplete; the API checked its shape. */
  @Column('jsonb') content!: Dossier;
  @Column('text') sha256!: string;
  @Column('text', { name: 'saved_by' }) savedBy!: string;
  @CreateDateColumn({ name: 'saved_at', type: 'timestamptz' }) savedAt!: Date;
  /** The request that stored it (caller and Idempotency-Key), when it had a key: its retries find it. */
  @Column('text', { name: 'request_key', nullable: true }) requestKey!: string | null;
}
