/** The API's connections: PostgreSQL (through the persistence library's repositories) and the Temporal client. */
import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import {
  CandidacyRepository,
  Database,
  DocumentRepository,
  DocumentStore,
  DossierRepository,
  IdempotencyRepository,
  ReadModels,
  RegisterRepository,
  ReportRepository,
} from '@qualicoop/persistence';
import { loadConfig, RuntimeConfig, temporalConnectionOptions } from '@qualicoop/platform';
import { ApiMetrics } from '../metrics/api-metrics';
import { temporalCallMetrics } from '../metrics/temporal-call-metrics';

export const CONFIG = Symbol('config');
/** Where documents' bytes live (`DocumentStore`: PostgreSQL today, ADR 14). */
export const DOCUMENT_STORE = Symbol('DocumentStore');

/** Each repository of the database, injectable by its class. */
const REPOSITORIES = [
  { provide: CandidacyRepository, inject: [Database], useFactory: (db: Database) => db.candidacies },
  { provide: DossierRepository, inject: [Database], useFactory: (db: Database) => db.dossiers },
  { provide: DocumentRepository, inject: [Database], useFactory: (db: Database) => db.documents },
  { provide: DOCUMENT_STORE, inject: [Database], useFactory: (db: Database): DocumentStore => db.documentContents },
  { provide: ReportRepository, inject: [Database], useFactory: (db: Database) => db.reports },
  { provide: RegisterRepository, inject: [Database], useFactory: (db: Database) => db.register },
  { provide: IdempotencyRepository, inject: [Database], useFactory: (db: Database) => db.idempotency },
  { provide: ReadModels, inject: [Database], useFactory: (db: Database) => db.reads },
];

@Injectable()
export class Closer implements OnApplicationShutdown {
  constructor(
    private readonly db: Database,
    @Inject(Connection) private readonly connection: Connection,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
    await this.db.close();
  }
}

@Global()
@Module({
  providers: [
    { provide: CONFIG, useFactory: () => loadConfig() },
    {
      provide: Database,
      inject: [CONFIG],
      useFactory: (config: RuntimeConfig) =>
        Database.open(config.databaseUrl, 'quali-coop-api', { statementTimeoutMs: config.sqlStatementTimeoutMs }),
    },
    ...REPOSITORIES,
    {
      provide: Connection,
      inject: [CONFIG],
      useFactory: (config: RuntimeConfig) => Connection.connect(temporalConnectionOptions(config)),
    },
    ApiMetrics,
    {
      provide: Client,
      inject: [CONFIG, Connection, ApiMetrics],
      useFactory: (config: RuntimeConfig, connection: Connection, metrics: ApiMetrics) =>
        new Client({
          connection,
          namespace: config.temporalNamespace,
          interceptors: { workflow: [temporalCallMetrics(metrics)] },
        }),
    },
    Closer,
  ],
  exports: [CONFIG, Database, Client, ApiMetrics, ...REPOSITORIES.map((r) => r.provide)],
})
export class InfrastructureModule {}
