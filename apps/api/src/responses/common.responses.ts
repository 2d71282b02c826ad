/**
 * The pieces every answer's schema shares (ADR 11, amendment): instants, civil dates, the
 * domain's stages and event types, pages. Registered with an `id`, each becomes one component.
 */
import { AgendaKind, DomainEventType, STAGES } from '@qualicoop/domain';
import { z } from 'zod';

/** An instant, as `Date.prototype.toJSON` writes it (UTC, `Z`). */
export const InstantSchema = z.iso
  .datetime()
  .meta({ id: 'Instant', description: 'An instant, ISO 8601 in UTC', example: '2027-03-15T09:30:00.000Z' });

/** A civil date (Paris): label expiries, checkpoint dates. */
export const CivilDateSchema = z.iso
  .date()
  .meta({ id: 'CivilDate', description: 'A civil date (Europe/Paris), YYYY-MM-DD', example: '2030-06-30' });

export const StageSchema = z.enum(STAGES).meta({ id: 'Stage', description: "A candidacy's stage in its lifecycle" });

/** Every event type of the domain, checked both ways against `DomainEventType` below. */
const EVENT_TYPES = [
  'CandidacyOpened',
  'CycleStarted',
  'DraftSaved',
  'DossierSubmitted',
  'PlacedOnAgenda',
  'AgendaClosed',
  'CompletenessRecorded',
  'ComplementRequested',
  'ComplementAnswered',
  'AdmissibilityRecorded',
  'CandidacyLapsed',
  'ProgressReportFiled',
  'CheckpointAdviceGiven',
  'CheckpointOverdue',
  'HelpRequested',
  'HelpRequestAnswered',
  'ReadinessDeclared',
  'ImplementationWindowEnded',
  'VisitScheduled',
  'VisitReportFiled',
  'LabelGranted',
  'ExtensionGranted',
  'LabelRefused',
  'MidTermReportFiled',
  'MidTermConfirmed',
  'LabelWithdrawn',
  'RenewalRequested',
  'LabelRenewed',
  'RenewalRefused',
  'LabelExpired',
  'CandidacyWithdrawn',
  'LabelRenounced',
  'ReminderSent',
] as const satisfies readonly DomainEventType[];
// A new event type in the domain must be listed above: this line stops compiling otherwise.
const _everyEventType: readonly (typeof EVENT_TYPES)[number][] = [] as DomainEventType[];

export const EventTypeSchema = z.enum(EVENT_TYPES).meta({ id: 'EventType', description: 'A domain event type' });

const AGENDA_KINDS = ['dossier', 'complement', 'visit_report', 'mid_term', 'renewal'] as const satisfies AgendaKind[];
const _everyAgendaKind: readonly (typeof AGENDA_KINDS)[number][] = [] as AgendaKind[];

export const AgendaKindSchema = z
  .enum(AGENDA_KINDS)
  .meta({ id: 'AgendaKind', description: 'What a committee agenda item is for' });

export const count = () => z.int().min(0);

/** A page of a list: `{ items, total, limit, offset }`. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.strictObject({ items: z.array(item), total: count(), limit: count(), offset: count() });
