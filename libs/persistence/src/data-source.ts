import { DataSource } from 'typeorm';
import { CandidacyEventEntity } from './entities/candidacy-event.entity';
import { CandidacyEntity } from './entities/candidacy.entity';
import { CommitteeSessionEntity } from './entities/committee-session.entity';
import { CooperativeEntity } from './entities/cooperative.entity';
import { DossierVersionEntity } from './entities/dossier-version.entity';
import { NotificationEntity } from './entities/notification.entity';
import { ReferentialEngagementEntity } from './entities/referential-engagement.entity';
import { DocumentEntity } from './entities/document.entity';
import { DocumentContentEntity } from './entities/document-content.entity';
import { IdempotencyRecordEntity } from './entities/idempotency-record.entity';
import { PersonEntity } from './entities/person.entity';
import { ReportEntity } from './entities/report.entity';
import { FederationTaskEntity } from './entities/federation-task.entity';
import { RateLimitEntity } from './entities/rate-limit.entity';
import { InitialSchema1763900000000 } from './migrations/1763900000000-initial-schema';
import { ApiTables1763900000001 } from './migrations/1763900000001-api-tables';
import { FederationAttention1763900000002 } from './migrations/1763900000002-federation-attention';
import { RulesFromTheDomain1763900000003 } from './migrations/1763900000003-rules-from-the-domain';
import { DocumentContents1763900000004 } from './migrations/1763900000004-document-contents';
import { SharedRateLimits1763900000005 } from './migrations/1763900000005-shared-rate-limits';
import { FederationTasks1763900000006 } from './migrations/1763900000006-federation-tasks';
import { OpenCandidaciesByDeadline1763900000007 } from './migrations/1763900000007-open-candidacies-by-deadline';
import { RequestKeys1763900000008 } from './migrations/1763900000008-request-keys';

export const ENTITIES = [
  CooperativeEntity,
  ReferentialEngagementEntity,
  CandidacyEventEntity,
  CandidacyEntity,
  DossierVersionEntity,
  NotificationEntity,
  CommitteeSessionEntity,
  PersonEntity,
  DocumentEntity,
  DocumentContentEntity,
  ReportEntity,
  IdempotencyRecordEntity,
  FederationTaskEntity,
  RateLimitEntity,
];
export const MIGRATIONS = [
  InitialSchema1763900000000,
  ApiTables1763900000001,
  FederationAttention1763900000002,
  RulesFromTheDomain1763900000003,
  DocumentContents1763900000004,
  SharedRateLimits1763900000005,
  FederationTasks1763900000006,
  OpenCandidaciesByDeadline1763900000007,
  RequestKeys1763900000008,
];

/**
 * The schema changes only through migrations; `synchronize` stays off. A statement timeout, when
 * given, bounds every statement of the pool (PostgreSQL cancels it: error 57014).
 */
export function createDataSource(
  url: string,
  applicationName = 'quali-coop',
  { statementTimeoutMs }: { statementTimeoutMs?: number } = {},
): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    applicationName,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsRun: false,
    logging: ['error'],
    extra: {
      max: 10,
      connectionTimeoutMillis: 5000,
      ...(statementTimeoutMs ? { statement_timeout: statementTimeoutMs } : {}),
    },
  });
}
