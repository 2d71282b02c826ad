/**
 * Documents of a candidacy (spec §3): the letter of commitment and supporting documents.
 * PDF, images and office formats, checked by their bytes (document-content.ts); 20 MB per file,
 * 100 MB per candidacy [product decision];
 * each file stored once under its SHA-256 in a configurable folder (QC_DOCUMENTS_DIR).
 * Downloads are authorised exactly like the candidacy.
 */
import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Req, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { memoryStorage } from 'multer';
import { DataSource } from 'typeorm';
import { dataDir } from '@qualicoop/platform';
import { AuthedRequest, Roles } from '../auth/auth.guard';
import { CandidacyReadsService } from '../candidacies/candidacy-reads.service';
import { ProblemException } from '../common/problem';
import { checkDocumentContent } from './document-content';

export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_CANDIDACY_BYTES = 100 * 1024 * 1024;
const KINDS = ['letter_of_commitment', 'supporting'];
const uuid = (what: string) => new ParseUUIDPipe({ exceptionFactory: () => new ProblemException(404, `${what}.NOT_FOUND`, "Cette ressource n'existe pas.") });

export const documentsDir = () => process.env.QC_DOCUMENTS_DIR ?? join(dataDir(), 'documents');

interface DocumentRow {
  id: string;
  kind: string;
  filename: string;
  content_type: string;
  size_bytes: string;
  sha256: string;
  storage_key: string;
  uploaded_at: Date;
}

const view = (d: DocumentRow) => ({ id: d.id, kind: d.kind, filename: d.filename, contentType: d.content_type, sizeBytes: Number(d.size_bytes), sha256: d.sha256, uploadedAt: d.uploaded_at });

@ApiTags('documents')
@ApiBearerAuth()
@Controller('candidacies/:id/documents')
export class DocumentsController {
  constructor(
    private readonly ds: DataSource,
    private readonly reads: CandidacyReadsService,
  ) {}

  @Post()
  @Roles('coop')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file', 'kind'], properties: { file: { type: 'string', format: 'binary' }, kind: { type: 'string', enum: KINDS } } } })
  @ApiOperation({ summary: 'Upload a document (multipart: file, kind); returns its id and SHA-256' })
  @ApiResponse({ status: 413, description: 'More than 20 MB for the file, or 100 MB for the candidacy' })
  @ApiResponse({
    status: 415,
    description:
      'The bytes are not an accepted format or not the one the extension names (DOCUMENT.TYPE_NOT_ALLOWED, DOCUMENT.CONTENT_NOT_ALLOWED, ' +
      'DOCUMENT.CONTENT_MISMATCH, DOCUMENT.DECLARED_TYPE_MISMATCH, DOCUMENT.EMPTY, DOCUMENT.PDF_INCOMPLETE); nothing is stored',
  })
  @UseInterceptors(FileInterceptor('file', { storage: memoryStorage(), limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 5 } }))
  async upload(@Param('id', uuid('CANDIDACY')) id: string, @UploadedFile() file: Express.Multer.File | undefined, @Body() body: Record<string, unknown>, @Req() req: AuthedRequest) {
    await this.reads.get(id, req.caller);
    const errors = [];
    if (!file) errors.push({ field: 'file', code: 'DOCUMENT.FILE_REQUIRED', message: 'Joignez un fichier (champ « file »).' });
    if (typeof body.kind !== 'string' || !KINDS.includes(body.kind)) errors.push({ field: 'kind', code: 'DOCUMENT.INVALID_KIND', message: `kind : ${KINDS.join(' ou ')}` });
    if (errors.length || !file) throw new ProblemException(400, 'REQUEST.VALIDATION_FAILED', 'Document refusé.', errors);
    // The bytes decide, not the name or the declared type: a disguised file is refused and nothing is stored.
    const verdict = await checkDocumentContent(file.originalname, file.mimetype, file.buffer);
    if (!verdict.ok) throw new ProblemException(verdict.status, verdict.code, verdict.detail, [verdict.error]);
    const [{ total }] = (await this.ds.query('SELECT COALESCE(SUM(size_bytes), 0)::bigint AS total FROM documents WHERE candidacy_id = $1', [id])) as [{ total: string }];
    if (Number(total) + file.size > MAX_CANDIDACY_BYTES) {
      throw new ProblemException(413, 'DOCUMENT.CANDIDACY_QUOTA_EXCEEDED', 'Les documents de la candidature dépasseraient 100 Mo au total.');
    }
    const sha256 = createHash('sha256').update(file.buffer).digest('hex');
    storeOnce(sha256, file.buffer);
    const [row] = (await this.ds.query(
      `INSERT INTO documents (id, candidacy_id, kind, filename, content_type, size_bytes, sha256, storage_key, uploaded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8) RETURNING *`,
      [randomUUID(), id, body.kind, file.originalname.slice(0, 255), verdict.mediaType, file.size, sha256, req.caller.sub],
    )) as DocumentRow[];
    return view(row!);
  }

  @Get()
  @Roles('coop', 'federation', 'committee')
  @ApiOperation({ summary: "The candidacy's documents" })
  async list(@Param('id', uuid('CANDIDACY')) id: string, @Req() req: AuthedRequest) {
    await this.reads.get(id, req.caller);
    const rows = (await this.ds.query('SELECT * FROM documents WHERE candidacy_id = $1 ORDER BY uploaded_at, id', [id])) as DocumentRow[];
    return rows.map(view);
  }

  @Get(':documentId')
  @Roles('coop', 'federation', 'committee')
  @ApiOperation({ summary: 'Download a document (authorised like the candidacy)' })
  async download(@Param('id', uuid('CANDIDACY')) id: string, @Param('documentId', uuid('DOCUMENT')) documentId: string, @Req() req: AuthedRequest, @Res({ passthrough: true }) res: Response) {
    await this.reads.get(id, req.caller);
    const [doc] = (await this.ds.query('SELECT * FROM documents WHERE id = $1 AND candidacy_id = $2', [documentId, id])) as DocumentRow[];
    if (!doc) throw new ProblemException(404, 'DOCUMENT.NOT_FOUND', "Ce document n'existe pas.");
    res.setHeader('Content-Type', doc.content_type);
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(doc.filename)}`);
    res.setHeader('X-Content-SHA256', doc.sha256);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    return new StreamableFile(createReadStream(join(documentsDir(), doc.storage_key)));
  }
}

/** Content-addressed: the same bytes are stored once; written to a temp name then renamed (atomic). */
function storeOnce(sha256: string, bytes: Buffer): void {
  const dir = documentsDir();
  const target = join(dir, sha256);
  if (existsSync(target)) return;
  mkdirSync(dir, { recursive: true });
  const temp = join(dir, `.${sha256}.${randomUUID()}`);
  writeFileSync(temp, bytes);
  renameSync(temp, target);
}
