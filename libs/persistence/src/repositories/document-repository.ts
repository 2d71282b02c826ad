/** The documents' records; their bytes live in the document store, addressed by SHA-256. */
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DocumentEntity } from '../entities/document.entity';

export type NewDocument = Pick<
  DocumentEntity,
  'candidacyId' | 'kind' | 'filename' | 'contentType' | 'sha256' | 'uploadedBy'
> & { sizeBytes: number };

export class DocumentRepository {
  constructor(private readonly ds: DataSource) {}

  async totalBytes(candidacyId: string): Promise<number> {
    const [{ total }] = await this.ds.query<[{ total: string }]>(
      'SELECT COALESCE(SUM(size_bytes), 0)::bigint AS total FROM documents WHERE candidacy_id = $1',
      [candidacyId],
    );
    return Number(total);
  }

  /** Stored under its SHA-256 (`storageKey`); the filename is cut to 255 characters. */
  async add(doc: NewDocument): Promise<DocumentEntity> {
    const [row] = await this.ds.query<DocumentEntity[]>(
      `INSERT INTO documents (id, candidacy_id, kind, filename, content_type, size_bytes, sha256, storage_key, uploaded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8)
       RETURNING id, candidacy_id AS "candidacyId", kind, filename, content_type AS "contentType", size_bytes AS "sizeBytes", sha256,
                 storage_key AS "storageKey", uploaded_by AS "uploadedBy", uploaded_at AS "uploadedAt"`,
      [
        randomUUID(),
        doc.candidacyId,
        doc.kind,
        doc.filename.slice(0, 255),
        doc.contentType,
        doc.sizeBytes,
        doc.sha256,
        doc.uploadedBy,
      ],
    );
    return row!;
  }

  list(candidacyId: string): Promise<DocumentEntity[]> {
    return this.ds
      .getRepository(DocumentEntity)
      .find({ where: { candidacyId }, order: { uploadedAt: 'ASC', id: 'ASC' } });
  }

  find(candidacyId: string, id: string): Promise<DocumentEntity | null> {
    return this.ds.getRepository(DocumentEntity).findOneBy({ id, candidacyId });
  }
}
