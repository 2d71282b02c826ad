import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An uploaded document of a candidacy; its bytes are stored once under their SHA-256 (`storageKey`). */
@Entity({ name: 'documents' })
export class DocumentEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'candidacy_id' }) candidacyId!: string;
  @Column('text') kind!: string;
  @Column('text') filename!: string;
  /** The media type the bytes proved, never the one the client declared. */
  @Column('text', { name: 'content_type' }) contentType!: string;
  /** bigint: `pg` returns it as a string. */
  @Column('bigint', { name: 'size_bytes' }) sizeBytes!: string;
  @Column('text') sha256!: string;
  @Column('text', { name: 'storage_key' }) storageKey!: string;
  @Column('text', { name: 'uploaded_by' }) uploadedBy!: string;
  @Column('timestamptz', { name: 'uploaded_at', default: () => 'now()' }) uploadedAt!: Date;
}
