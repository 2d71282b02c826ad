import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * Every saved version of a dossier, immutable. The workflow holds only the version number and
 * its SHA-256; a submitted version is never rewritten.
 */
@Entity({ name: 'dossier_versions' })
export class DossierVersionEntity {
  @PrimaryColumn('uuid', { name: 'candidacy_id' }) candidacyId!: string;
  @PrimaryColumn('int') version!: number;
  @Column('jsonb') content!: Record<string, unknown>;
  @Column('text') sha256!: string;
  @Column('text', { name: 'saved_by' }) savedBy!: string;
  @CreateDateColumn({ name: 'saved_at', type: 'timestamptz' }) savedAt!: Date;
}
