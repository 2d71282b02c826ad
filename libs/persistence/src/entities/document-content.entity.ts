import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The bytes of uploaded documents, stored once under their SHA-256 (ADR 14): `documents.sha256`
 * points here. The migration keeps the content out of line, uncompressed (STORAGE EXTERNAL).
 */
@Entity({ name: 'document_contents' })
@Check('document_contents_sha256_check', `sha256 ~ '^[0-9a-f]{64}$'`)
export class DocumentContentEntity {
  @PrimaryColumn('text') sha256!: string;
  /** bigint: `pg` returns it as a string. */
  @Column('bigint', { name: 'size_bytes' }) sizeBytes!: string;
  @Column('bytea') content!: Buffer;
  @Column('timestamptz', { name: 'stored_at', default: () => 'now()' }) storedAt!: Date;
}
