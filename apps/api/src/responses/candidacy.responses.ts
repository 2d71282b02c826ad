/** What the candidacy endpoints answer: the read model, its history, its dossier, its reports and documents. */
import { DossierSchema, type VisitFinding } from '@qualicoop/domain';
import { z } from 'zod';
import { CivilDateSchema, count, EventTypeSchema, InstantSchema, StageSchema } from './common.responses';

/**
 * The domain's whole `CandidacyState` (libs/domain/src/lifecycle/state.ts), as the projection
 * folded it: only its stable head is spelled out here; the rest follows the domain's type.
 */
export const CandidacyStateSchema = z
  .looseObject({ candidacyId: z.uuid(), cooperativeId: z.string(), cycle: count(), stage: StageSchema })
  .meta({
    id: 'CandidacyState',
    description:
      "The domain's CandidacyState (libs/domain/src/lifecycle/state.ts): stage, deadlines, decisions, checkpoints, visit, label… " +
      'Its parts follow the lifecycle; a client typed from the domain reads them.',
  });

/** A candidacy's read model (`candidacyView`). */
export const CandidacySchema = z
  .strictObject({
    id: z.uuid(),
    cooperativeId: z.string(),
    workflowId: z.string(),
    cycle: count(),
    stage: StageSchema,
    closed: z.boolean(),
    openedAt: InstantSchema,
    stageSince: InstantSchema,
    nextDeadline: z.strictObject({ at: InstantSchema, what: z.string().nullable() }).nullable(),
    labelExpiresOn: CivilDateSchema.nullable(),
    dossierVersion: count().nullable(),
    lastSequence: count(),
    state: CandidacyStateSchema,
  })
  .meta({ id: 'Candidacy', description: "A candidacy's read model" });

export const CandidacyDetailSchema = CandidacySchema.extend({
  visitor: z
    .strictObject({ id: z.string(), name: z.string() })
    .nullable()
    .meta({ description: 'Who visits, once the visit is planned' }),
  workflowUrl: z.url().nullable().optional().meta({
    description: "Federation only: the workflow in the operators' Temporal UI (null when none is configured)",
  }),
}).meta({ id: 'CandidacyDetail', description: 'A candidacy, with its visitor' });

export const CandidacyOpeningSchema = z
  .strictObject({
    id: z.uuid(),
    cooperativeId: z.string(),
    code: z.literal('CANDIDACY.OPENING'),
    detail: z.string(),
  })
  .meta({
    id: 'CandidacyOpening',
    description: 'Opened, not yet visible in the read models: GET the Location shortly',
  });

/** What an action answers: the candidacy after it, and the events it recorded. */
export const CandidacyAfterActionSchema = CandidacySchema.extend({
  events: z.array(z.strictObject({ sequence: count(), type: EventTypeSchema })),
}).meta({ id: 'CandidacyAfterAction', description: 'The candidacy after the action, and the events it recorded' });

/** A domain event as stored: its `type`, `at` and `by`, and the fields of its type. */
export const DomainEventSchema = z
  .looseObject({ type: EventTypeSchema, at: InstantSchema, by: z.string() })
  .meta({ id: 'DomainEvent', description: "One of the domain's events (libs/domain/src/lifecycle/domain-events.ts)" });

export const HistoryEntrySchema = z
  .strictObject({
    cycle: count(),
    sequence: count(),
    type: EventTypeSchema,
    occurredAt: InstantSchema,
    actorId: z.string().nullable(),
    data: DomainEventSchema,
  })
  .meta({ id: 'HistoryEntry' });

export const DossierVersionSchema = z
  .strictObject({ version: count(), sha256: z.string(), savedAt: InstantSchema, dossier: DossierSchema })
  .meta({ id: 'DossierVersion', description: 'A saved version of the dossier' });

export const SavedDraftSchema = z
  .strictObject({ dossierVersion: count(), sha256: z.string(), stage: StageSchema })
  .meta({ id: 'SavedDraft' });

export const SavedRenewalDossierSchema = z
  .strictObject({ dossierVersion: count(), sha256: z.string(), savedAt: InstantSchema })
  .meta({ id: 'SavedRenewalDossier' });

/** What the cooperative or the visitor sent (ProgressReportDto, VisitReportDto), as stored. */
export const ReportContentSchema = z
  .looseObject({
    checkpoint: count().optional(),
    indicators: z
      .array(z.strictObject({ engagementId: z.string(), indicatorName: z.string(), value: z.number() }))
      .optional(),
    actions: z
      .array(z.strictObject({ action: z.string(), status: z.enum(['not_started', 'in_progress', 'done']) }))
      .optional(),
    comment: z.string().optional(),
    findingsSummary: z.string().optional(),
    findings: z.record(z.string(), z.enum(['on_track', 'partly', 'not_met'] satisfies VisitFinding[])).optional(),
  })
  .meta({ id: 'ReportContent' });

export const FiledReportSchema = z
  .strictObject({
    id: z.uuid(),
    kind: z.enum(['progress', 'mid_term', 'visit']),
    cycle: count(),
    checkpoint: count().nullable(),
    late: z.boolean(),
    content: ReportContentSchema,
    filedBy: z.string(),
    filedAt: InstantSchema,
  })
  .meta({ id: 'FiledReport', description: "A report the candidacy's history names" });

export const DocumentSchema = z
  .strictObject({
    id: z.uuid(),
    kind: z.enum(['letter_of_commitment', 'supporting']),
    filename: z.string(),
    contentType: z.string().meta({ description: 'The media type the bytes proved' }),
    sizeBytes: count(),
    sha256: z.string(),
    uploadedAt: InstantSchema,
  })
  .meta({ id: 'Document', description: 'An uploaded document of the candidacy' });
