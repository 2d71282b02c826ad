/**
 * One candidacy cycle as a durable workflow. The rules live in the pure decider
 * (@qualicoop/domain); this file owns time and durability:
 * - actor commands arrive as Updates; the validator runs `decide` so a refused command never
 *   enters the history, and the handler persists the events before it answers;
 * - every deadline and reminder the state implies is a timer with a French summary, re-armed
 *   whenever the state changes; a fired timer becomes a system command, hence an event;
 * - a renewal continues-as-new into the next cycle.
 */
import * as wf from '@temporalio/workflow';
import {
  ACTOR_COMMANDS,
  Actor,
  CandidacyState,
  Command,
  decide,
  DomainError,
  DomainEvent,
  errors,
  evolve,
  isClosed,
  needsCommitteeAgenda,
  pendingTimers,
  PendingTimer,
  ParisTimeRule,
  searchableDates,
  withParisTime,
} from '@qualicoop/domain';
import {
  CandidacyActivities,
  CandidacyInput,
  CandidacyResult,
  commandUpdate,
  CommandRequest,
  CommandResponse,
  RecordedEvent,
  SEARCH_ATTRIBUTES,
  sessionMovedSignal,
  stateQuery,
} from '@qualicoop/contracts';

const activities = wf.proxyActivities<CandidacyActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
});

/**
 * Changes that alter the commands a workflow emits are gated by a patch id, so that runs started
 * under older code replay unchanged (docs/adr/0005-versioning-running-candidacies.md).
 */
export const PATCHES = {
  /** v2: the next committee session is looked up by a local activity (read-mostly, idempotent). */
  sessionLookupAsLocalActivity: 'session-lookup-as-local-activity',
  /** v3: Paris wall-clock times from the EU summer-time rule (the sandbox made @date-fns/tz read UTC). */
  parisTimeRule: 'paris-time-rule',
  /** v4: the QcNextDeadline search attribute is the next thing due, not the next deadline timer. */
  nextDeadlineIsDueDate: 'next-deadline-is-due-date',
} as const;

const localActivities = wf.proxyLocalActivities<CandidacyActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds', backoffCoefficient: 2 },
});

const SYSTEM: Actor = { role: 'system', id: 'system' };

export async function candidacyWorkflow(input: CandidacyInput): Promise<CandidacyResult> {
  let state: CandidacyState | undefined = undefined;
  let sequence = 0;
  let changes = 0;
  let persisting: Promise<void> = Promise.resolve();
  const now = () => new Date(workflowTime()).toISOString();
  // Runs started before v3 keep computing Paris times as they did, so they replay unchanged: the
  // rule goes into the command that opens the candidacy or starts its cycle, and the policy keeps it.
  const timeRule: ParisTimeRule = wf.patched(PATCHES.parisTimeRule) ? 'eu-rule' : 'legacy-tzdate';

  /** Decides and applies a command atomically (no await in between), then persists in order. */
  async function execute(command: Command, actor: Actor): Promise<CommandResponse> {
    const events = decideOrFail(command, state, { now: now(), actor });
    const recorded: RecordedEvent[] = events.map((event: DomainEvent) => {
      state = evolve(state, event);
      sequence += 1;
      return {
        candidacyId: input.candidacyId,
        cooperativeId: input.cooperativeId,
        cycle: input.cycle,
        sequence,
        event,
      };
    });
    changes += 1;
    const after = current();
    upsertSearchAttributes(after);
    // Appends are chained so the event store and the read model see the events in order.
    const appended = persisting.then(() => (recorded.length ? activities.recordEvents(recorded) : undefined));
    persisting = appended.catch(() => undefined);
    await appended;
    return { state: after, events: recorded.map((r) => ({ sequence: r.sequence, type: r.event.type })) };
  }

  wf.setHandler(stateQuery, () => current());
  for (const type of ACTOR_COMMANDS) {
    wf.setHandler(commandUpdate(type), ({ command, actor }) => execute(commandNamed(type, command), actor), {
      validator: ({ command, actor }: CommandRequest) => {
        decideOrFail(commandNamed(type, command), state, { now: now(), actor }); // throws the refusal
      },
    });
  }

  wf.setHandler(sessionMovedSignal, async (session) => {
    const agenda = state?.agenda;
    if (!agenda || agenda.closed || agenda.sessionId !== session.sessionId) return;
    // A cut-off moved into the past is refused by the decider: the item stays where it was.
    await execute({ type: 'PlaceOnAgenda', ...session }, SYSTEM).catch((e: unknown) => {
      if (!(e instanceof wf.ApplicationFailure)) throw e;
      wf.log.warn('session move refused', { sessionId: session.sessionId, code: e.type });
    });
  });

  if (input.carried) {
    state = { ...input.carried, policy: withParisTime(input.carried.policy, timeRule) };
    await execute({ type: 'StartCycle', cycle: input.cycle }, SYSTEM);
  } else {
    await execute(
      {
        type: 'OpenCandidacy',
        candidacyId: input.candidacyId,
        cooperativeId: input.cooperativeId,
        cycle: input.cycle,
        policy: withParisTime(input.policy, timeRule),
      },
      input.openedBy,
    );
  }

  while (!isClosed(current())) {
    const s = current();
    if (needsCommitteeAgenda(s)) {
      const lookup = wf.patched(PATCHES.sessionLookupAsLocalActivity) ? localActivities : activities;
      const session = await lookup.nextCommitteeSession({ now: now(), policy: input.policy });
      // The cut-off may pass while we asked (demo time): then simply ask again.
      await execute({ type: 'PlaceOnAgenda', ...session }, SYSTEM).catch(
        ignoreRefusal('LIFECYCLE.AGENDA_CUTOFF_PASSED'),
      );
      continue;
    }
    const next = earliest(pendingTimers(s));
    const seen = changes;
    if (!next) {
      await wf.condition(() => changes !== seen);
      continue;
    }
    const delay = Date.parse(next.dueAt) - workflowTime();
    const changed = delay > 0 ? await wf.condition(() => changes !== seen, delay, { summary: next.summaryFr }) : false;
    if (!changed && changes === seen) await fire(next);
  }

  await wf.condition(wf.allHandlersFinished);
  await persisting;
  const final = current();
  if (final.stage === 'renewed') {
    return wf.continueAsNew<typeof candidacyWorkflow>({
      ...input,
      cycle: input.cycle + 1,
      carried: final,
      openedBy: SYSTEM,
    });
  }
  return { candidacyId: input.candidacyId, cycle: input.cycle, stage: final.stage, closedAt: now() };

  /** The state; set by the first command, which runs before any handler can be called. */
  function current(): CandidacyState {
    if (!state) throw new Error(`candidacy ${input.candidacyId}: no state before its first event`);
    return state;
  }

  async function fire(timer: PendingTimer): Promise<void> {
    // pendingTimers and decide agree by construction (tested); a refusal here is a bug: fail
    // the workflow task so it is retried after a fix, rather than spin or skip silently.
    await execute(timer.command, SYSTEM).catch((e: unknown) => {
      throw e instanceof wf.ApplicationFailure ? new Error(`timer ${timer.key} refused: ${e.type} ${e.message}`) : e;
    });
  }
}

/** An Update's name is its command's type: a body naming another type is refused, never re-typed. */
function commandNamed(type: Command['type'], command: Command): Command {
  if (command.type === type) return command;
  throw refusal(
    errors.invalid(`La commande « ${String(command.type)} » ne peut pas être envoyée comme « ${type} ».`, {
      field: 'type',
    }),
  );
}

/** The decider's refusals cross the Update boundary as ApplicationFailures typed by their code. */
function refusal(e: DomainError): wf.ApplicationFailure {
  return wf.ApplicationFailure.create({
    type: e.code,
    message: e.message,
    nonRetryable: true,
    details: [e.details ?? null],
  });
}

function decideOrFail(
  command: Command,
  state: CandidacyState | undefined,
  ctx: { now: string; actor: Actor },
): DomainEvent[] {
  try {
    return decide(command, state, ctx);
  } catch (e) {
    throw e instanceof DomainError ? refusal(e) : e;
  }
}

function ignoreRefusal(code: string) {
  return (e: unknown) => {
    if (e instanceof wf.ApplicationFailure && e.type === code) return undefined;
    throw e;
  };
}

/**
 * Inside a workflow, Temporal makes `Date.now()` deterministic: it returns the time of the
 * current workflow task, replayed identically. This is the only place we read it.
 */
function workflowTime(): number {
  // eslint-disable-next-line no-restricted-properties
  return Date.now();
}

function earliest(timers: PendingTimer[]): PendingTimer | undefined {
  return [...timers].sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.key.localeCompare(b.key))[0];
}

function upsertSearchAttributes(state: CandidacyState): void {
  const { nextDeadline, labelExpiry } = searchableDates(
    state,
    wf.patched(PATCHES.nextDeadlineIsDueDate) ? 'due' : 'timer',
  );
  wf.upsertSearchAttributes({
    [SEARCH_ATTRIBUTES.stage.name]: [state.stage],
    [SEARCH_ATTRIBUTES.cooperative.name]: [state.cooperativeId],
    [SEARCH_ATTRIBUTES.cycle.name]: [state.cycle],
    ...(nextDeadline ? { [SEARCH_ATTRIBUTES.nextDeadline.name]: [new Date(nextDeadline)] } : {}),
    ...(labelExpiry ? { [SEARCH_ATTRIBUTES.labelExpiry.name]: [new Date(labelExpiry)] } : {}),
  });
}
