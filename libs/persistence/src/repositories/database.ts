/**
 * The application database as the API sees it: one connection pool and the repositories over
 * it. SQL lives in this library only; the API holds a `Database` and calls its repositories.
 */
import { DataSource } from 'typeorm';
import { createDataSource } from '../data-source';
import { CandidacyRepository } from './candidacy-repository';
import { DocumentRepository } from './document-repository';
import { PostgresDocumentStore } from './document-store';
import { DossierRepository } from './dossier-repository';
import { IdempotencyRepository } from './idempotency-repository';
import { RateLimitRepository } from './rate-limit-repository';
import { ReadModels } from './read-models';
import { RegisterRepository } from './register-repository';
import { ReportRepository } from './report-repository';

export class Database {
  readonly candidacies: CandidacyRepository;
  readonly dossiers: DossierRepository;
  readonly documents: DocumentRepository;
  readonly documentContents: PostgresDocumentStore;
  readonly reports: ReportRepository;
  readonly register: RegisterRepository;
  readonly idempotency: IdempotencyRepository;
  readonly reads: ReadModels;
  readonly rateLimits: RateLimitRepository;

  private constructor(private readonly ds: DataSource) {
    this.candidacies = new CandidacyRepository(ds);
    this.dossiers = new DossierRepository(ds);
    this.documents = new DocumentRepository(ds);
    this.documentContents = new PostgresDocumentStore(ds);
    this.reports = new ReportRepository(ds);
    this.register = new RegisterRepository(ds);
    this.idempotency = new IdempotencyRepository(ds);
    this.reads = new ReadModels(ds);
    this.rateLimits = new RateLimitRepository(ds);
  }

  static async open(
    url: string,
    applicationName: string,
    opts: { statementTimeoutMs?: number } = {},
  ): Promise<Database> {
    return new Database(await createDataSource(url, applicationName, opts).initialize());
  }

  /** Whether the database answers. */
  ping(): Promise<boolean> {
    return this.ds.query('SELECT 1').then(
      () => true,
      () => false,
    );
  }

  close(): Promise<void> {
    return this.ds.destroy();
  }
}
