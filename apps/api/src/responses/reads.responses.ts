/** What the read side answers: lists, inboxes, agendas, KPIs (libs/persistence/src/reads, apps/api/src/reads). */
import { z } from 'zod';
import { AgendaKindSchema, CivilDateSchema, count, InstantSchema, pageOf, StageSchema } from './common.responses';

const nextDeadline = z.strictObject({ at: InstantSchema, what: z.string().nullable() }).nullable();

export const CandidacyListItemSchema = z
  .strictObject({
    id: z.uuid(),
    cooperativeId: z.string(),
    cooperativeName: z.string(),
    cycle: count(),
    stage: StageSchema,
    stageLabel: z.string(),
    stageSince: InstantSchema,
    nextDeadline,
    labelExpiresOn: CivilDateSchema.nullable(),
    closed: z.boolean(),
  })
  .meta({ id: 'CandidacyListItem' });

export const CandidacyPageSchema = pageOf(CandidacyListItemSchema).meta({ id: 'CandidacyPage' });

export const InboxItemSchema = z
  .strictObject({
    candidacyId: z.uuid(),
    cooperativeId: z.string(),
    cooperativeName: z.string(),
    stage: StageSchema,
    stageLabel: z.string(),
    what: z.string().meta({ description: 'What is due, in French' }),
    dueBy: InstantSchema.nullable(),
    overdue: z.boolean(),
    action: z.string().nullable().meta({ description: 'The API path to call (with `method`), or null' }),
    method: z.enum(['GET', 'POST']).nullable(),
    sessionId: z.string().optional().meta({ description: 'Committee items: the session in which to decide' }),
  })
  .meta({ id: 'InboxItem', description: 'Something due by the caller, and the API call that does it' });

export const InboxSchema = z
  .strictObject({
    role: z.enum(['coop', 'federation', 'committee']),
    items: z.array(InboxItemSchema),
    total: count(),
    limit: count(),
    offset: count(),
    bySession: z
      .array(
        z.strictObject({
          sessionId: z.string(),
          sessionDate: InstantSchema.nullable(),
          items: z.array(InboxItemSchema),
        }),
      )
      .optional()
      .meta({ description: 'Committee only: the decisions to take, by session (not paginated)' }),
  })
  .meta({ id: 'Inbox' });

const agendaSession = z.strictObject({
  id: z.string(),
  calendar: z.string(),
  sessionDate: InstantSchema,
  cutoffAt: InstantSchema,
  agendaClosed: z.boolean(),
});

export const SessionAgendaSchema = z
  .strictObject({
    session: agendaSession.nullable(),
    items: z.array(
      z.strictObject({
        candidacyId: z.uuid(),
        cooperativeId: z.string(),
        cooperativeName: z.string(),
        cycle: count(),
        kind: AgendaKindSchema,
        kindLabel: z.string(),
        stage: StageSchema,
        stageLabel: z.string(),
        placedAt: InstantSchema.nullable(),
        onAgenda: z.boolean(),
        agendaClosed: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'SessionAgenda', description: "A committee session's agenda" });

const rate = () => z.number().min(0).max(1);
const named = { candidacyId: z.uuid(), cooperativeId: z.string(), cooperativeName: z.string() };

export const KpisSchema = z
  .strictObject({
    asOf: InstantSchema,
    engagementRate: z.strictObject({ activeCooperatives: count(), engaged: count(), rate: rate(), target: rate() }),
    engagementHistory: z.array(
      z.strictObject({
        month: z.string().regex(/^\d{4}-\d{2}$/),
        activeCooperatives: count(),
        engaged: count(),
        rate: rate(),
      }),
    ),
    funnel: z.array(
      z.strictObject({
        stage: StageSchema,
        stageLabel: z.string(),
        closed: z.boolean(),
        count: count(),
        medianDaysInStage: z.number().min(0).nullable(),
      }),
    ),
    overdueCheckpoints: z.strictObject({
      count: count(),
      items: z.array(
        z.strictObject({ ...named, checkpoint: count(), deadline: CivilDateSchema, dueAt: InstantSchema }),
      ),
    }),
    labelsExpiringWithin6Months: z.strictObject({
      count: count(),
      items: z.array(
        z.strictObject({
          ...named,
          stage: StageSchema,
          labelExpiresOn: CivilDateSchema,
          renewalRequested: z.boolean(),
        }),
      ),
    }),
    committeeWorkload: z.array(
      z.strictObject({
        sessionId: z.string(),
        calendar: z.string(),
        sessionDate: InstantSchema,
        cutoffAt: InstantSchema,
        items: count(),
      }),
    ),
  })
  .meta({ id: 'Kpis', description: "The federation's indicators (spec §5)" });

export const EngagementPopularitySchema = z
  .strictObject({
    dossiers: count(),
    engagements: z.array(
      z.strictObject({
        engagementId: z.string(),
        axis: z.string(),
        title: z.string(),
        count: count(),
        indicators: z.array(z.strictObject({ name: z.string(), count: count() })),
      }),
    ),
  })
  .meta({ id: 'EngagementPopularity' });
