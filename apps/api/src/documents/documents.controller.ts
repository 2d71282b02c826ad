/**
 * Documents of a candidacy (spec §3): the letter of commitment and supporting documents.
 * PDF, images and office formats, checked by their bytes (document-content.ts); 20 MB per file,
 * 100 MB per candidacy [product decision];
 * each file stored once under its SHA-256 in the document store every API instance shares (ADR 14).
 * Downloads are authorised exactly like the candidacy.
 */
import {
  Body,
  Controller,
  Get,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
  Req,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { memoryStorage } from 'multer';
import { DocumentEntity, DocumentRepository, type DocumentStore } from '@qualicoop/persistence';
import { AuthedRequest, Roles } from '../auth/auth.guard';
import { CandidacyReadsService } from '../candidacies/candidacy-reads.service';
import { problem } from '../common/error-catalogue';
import { DOCUMENT_STORE } from '../common/infrastructure.module';
import { arrayOf, schemaRef } from '../schema-components';
import { ACCEPTED_FORMATS, checkDocumentContent } from './document-content';

export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_CANDIDACY_BYTES = 100 * 1024 * 1024;
const KINDS = ['letter_of_commitment', 'supporting'];
const uuid = (notFound: 'CANDIDACY.NOT_FOUND' | 'DOCUMENT.NOT_FOUND') =>
  new ParseUUIDPipe({ exceptionFactory: () => problem(notFound) });

/** A download is served as the media type its bytes proved at upload: one of the accepted formats. */
const DOWNLOAD_CONTENT = Object.fromEntries(
  [...new Set(ACCEPTED_FORMATS.map((f) => f.mediaType))].map((t) => [
    t,
    { schema: { type: 'string', format: 'binary' } },
  ]),
);

const view = (d: DocumentEntity) => ({
  id: d.id,
  kind: d.kind,
  filename: d.filename,
  contentType: d.contentType,
  sizeBytes: Number(d.sizeBytes),
  sha256: d.sha256,
  uploadedAt: d.uploadedAt,
});

@ApiTags('documents')
@ApiBearerAuth()
@Controller('candidacies/:id/documents')
export class DocumentsController {
  constructor(
    private readonly documents: DocumentRepository,
    @Inject(DOCUMENT_STORE) private readonly store: DocumentStore,
    private readonly reads: CandidacyReadsService,
  ) {}

  @Post()
  @Roles('coop')
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file', 'kind'],
      properties: { file: { type: 'string', format: 'binary' }, kind: { type: 'string', enum: KINDS } },
    },
  })
  @ApiOperation({ summary: 'Upload a document (multipart: file, kind); returns its id and SHA-256' })
  @ApiCreatedResponse({ schema: schemaRef('Document') })
  @ApiResponse({ status: 413, description: 'More than 20 MB for the file, or 100 MB for the candidacy' })
  @ApiResponse({
    status: 415,
    description:
      'The bytes are not an accepted format or not the one the extension names (DOCUMENT.TYPE_NOT_ALLOWED, DOCUMENT.CONTENT_NOT_ALLOWED, ' +
      'DOCUMENT.CONTENT_MISMATCH, DOCUMENT.DECLARED_TYPE_MISMATCH, DOCUMENT.EMPTY, DOCUMENT.PDF_INCOMPLETE); nothing is stored',
  })
  @UseInterceptors(
    FileInterceptor('file', { storage: memoryStorage(), limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 5 } }),
  )
  async upload(
    @Param('id', uuid('CANDIDACY.NOT_FOUND')) id: string,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Body() body: Record<string, unknown>,
    @Req() req: AuthedRequest,
  ) {
    await this.reads.get(id, req.caller);
    const errors = [];
    const kind = typeof body.kind === 'string' && KINDS.includes(body.kind) ? body.kind : undefined;
    if (!file)
      errors.push({ field: 'file', code: 'DOCUMENT.FILE_REQUIRED', message: 'Joignez un fichier (champ « file »).' });
    if (!kind) errors.push({ field: 'kind', code: 'DOCUMENT.INVALID_KIND', message: `kind : ${KINDS.join(' ou ')}` });
    if (errors.length || !file || !kind) throw problem('REQUEST.VALIDATION_FAILED', { errors });
    // The bytes decide, not the name or the declared type: a disguised file is refused and nothing is stored.
    const verdict = await checkDocumentContent(file.originalname, file.mimetype, file.buffer);
    if (!verdict.ok) throw problem(verdict.code, { params: { sentence: verdict.detail }, errors: [verdict.error] });
    if ((await this.documents.totalBytes(id)) + file.size > MAX_CANDIDACY_BYTES) {
      throw problem('DOCUMENT.CANDIDACY_QUOTA_EXCEEDED');
    }
    // The bytes first, then the record: a record never points at bytes that are not there (bytes
    // without a record, after a failure in between, are harmless and stored once anyway).
    const sha256 = await this.store.save(file.buffer);
    const stored = await this.documents.add({
      candidacyId: id,
      kind,
      filename: file.originalname,
      contentType: verdict.mediaType,
      sizeBytes: file.size,
      sha256,
      uploadedBy: req.caller.sub,
    });
    return view(stored);
  }

  @Get()
  @Roles('coop', 'federation', 'committee')
  @ApiOperation({ summary: "The candidacy's documents" })
  @ApiOkResponse({ schema: arrayOf('Document') })
  async list(@Param('id', uuid('CANDIDACY.NOT_FOUND')) id: string, @Req() req: AuthedRequest) {
    await this.reads.get(id, req.caller);
    return (await this.documents.list(id)).map(view);
  }

  @Get(':documentId')
  @Roles('coop', 'federation', 'committee')
  @ApiOperation({ summary: 'Download a document (authorised like the candidacy)' })
  @ApiOkResponse({ description: 'The bytes, as the media type they proved at upload', content: DOWNLOAD_CONTENT })
  async download(
    @Param('id', uuid('CANDIDACY.NOT_FOUND')) id: string,
    @Param('documentId', uuid('DOCUMENT.NOT_FOUND')) documentId: string,
    @Req() req: AuthedRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    await this.reads.get(id, req.caller);
    const doc = await this.documents.find(id, documentId);
    if (!doc) throw problem('DOCUMENT.NOT_FOUND');
    const bytes = await this.store.read(doc.storageKey);
    if (!bytes) throw problem('DOCUMENT.CONTENT_MISSING');
    res.setHeader('Content-Type', doc.contentType);
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(doc.filename)}`);
    res.setHeader('X-Content-SHA256', doc.sha256);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    return new StreamableFile(bytes);
  }
}
