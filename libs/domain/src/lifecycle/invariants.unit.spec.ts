/**
 * Fuzzing of the decider (spec §6). Random histories start with OpenCandidacy (a fresh candidacy,
 * or a renewed cycle holding its label), then mix three kinds of steps: a command that fits the
 * stage (with its usual actor most of the time), any command by any actor (other cooperative,
 * unassigned visitor…) with looser payloads, and the workflow firing one of `pendingTimers` at or
 * after its due time (or replaying one already fired, as after a restart). In half the runs the
 * workflow also fires every due timer before each command. Time only moves forward, by minutes to
 * months. After every step the invariants are checked, partly against an oracle that reads nothing
 * but the events. States, commands and events are deep-frozen, so a mutation by `decide` or
 * `evolve` fails too. Nothing is printed: a failure reports the shrunk history, one line per
 * command. For a longer hunt: FUZZ_RUNS=20000 npx jest --selectProjects unit -- lifecycle/invariants
 *
 * Failure messages start with the number of the invariant broken:
 * 1. decide returns events or throws a DomainError with a known code and a French message, nothing else;
 * 2. a refused command leaves the state unchanged (the state changes only by evolving returned events);
 * 3. a closed stage refuses every command and never reopens (`renewed` only starts the next cycle);
 * 4. no decision without the preceding one (admissibility after a complete completeness since the last
 *    submission, award after a visit report, mid-term decision after the mid-term report…), and never
 *    two decisions of a kind on one agenda item;
 * 5. `sequence` counts the events of the cycle, and their `at` never goes back;
 * 6. each reminder is sent once, and pendingTimers and decide agree: a listed timer's command is accepted
 *    at or after its dueAt and refused before, and decide accepts a timer command only when it is listed;
 * 7. evolve never throws on the events decide returns;
 * 8. every text people read — each refusal, each e-mail (subject and body) an event sends, each timer
 *    summary and reminder subject — reads as French (`frenchTextProblems`: nothing said twice, no stray
 *    punctuation, no technical value).
 * §6.x: the spec's other invariants (one candidacy, a coop acts only on its own, the history rebuilds the state).
 */
import fc from 'fast-check';
import { addDays, parisDateOf, parisInstant } from '../calendar/calendar';
import { COMMAND_ROLES, type Actor, type Command, type CommandType } from './commands';
import { decide } from './decide';
import type { DomainEvent, DomainEventType } from './domain-events';
import { DomainError, LIFECYCLE_ERROR_CODES } from './errors';
import { evolve } from './evolve';
import { frenchTextProblems } from '../french-text';
import { notificationsFor } from '../notifications';
import { timelineEntry } from '../timeline';
import { COMMITTEE, COOP, FEDERATION, OTHER_COOP, SYSTEM, VISITOR } from './lifecycle.helpers.spec';
import { pendingTimers } from './pending-timers';
import { DEMO_POLICY, demoMonthMs, STANDARD_POLICY, type Policy } from './policy';
import { labelFrom, overdueDeadline, renewalWindowOpensAt } from './schedule';
import {
  isClosed,
  LABEL_STAGES,
  STAGES,
  type AgendaKind,
  type CandidacyState,
  type LabelState,
  type Stage,
} from './state';

const NUM_RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const MAX_STEPS = 60;
/** Commands still sent once the candidacy is closed (all must be refused). */
const CLOSED_STEPS = 5;
/** Guided steps off the main command that withdraw (before the award) or renounce (label held). */
const EXIT_PERCENT = 5;
const RENOUNCE_PERCENT = 12;
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const MONTH_MS = 30 * DAY_MS;
const START_MS = Date.parse('2026-01-01T00:00:00.000Z');

const COOP_WITHOUT_ID: Actor = { role: 'coop', id: 'u-anonymous' };
const OTHER_MEMBER: Actor = { role: 'committee', id: 'm-other' };
const ACTORS: readonly Actor[] = [
  COOP,
  OTHER_COOP,
  COOP_WITHOUT_ID,
  FEDERATION,
  COMMITTEE,
  VISITOR,
  OTHER_MEMBER,
  SYSTEM,
];
const VISITOR_IDS = [VISITOR.id, OTHER_MEMBER.id, COMMITTEE.id];
const COMMAND_TYPES = Object.keys(COMMAND_ROLES) as CommandType[];
/** The commands the workflow sends when a timer fires. */
const TIMER_COMMANDS: readonly CommandType[] = [
  'CloseAgenda',
  'LapseCandidacy',
  'MarkCheckpointOverdue',
  'EndImplementationWindow',
  'ExpireLabel',
  'SendReminder',
];

const VARIANT_POLICY: Policy = {
  ...STANDARD_POLICY,
  version: 'variant',
  checkpointMonths: [9, 3],
  extensionsAllowed: 2,
  extensionMaxMonths: 3,
  complementDays: 30,
};
/** Short deadlines (reminders already past when armed), no extension, renewal window open from the grant. */
const EDGE_POLICY: Policy = {
  ...STANDARD_POLICY,
  version: 'edge',
  checkpointMonths: [1],
  complementDays: 10,
  extensionsAllowed: 0,
  labelMonths: 12,
  midTermMonths: 1,
  renewalWindowMonths: 14,
  checkpointOverdueDays: 0,
  sessionCutoffDays: 1,
};
const POLICIES: readonly Policy[] = [STANDARD_POLICY, VARIANT_POLICY, DEMO_POLICY, EDGE_POLICY];

// ---------------------------------------------------------------------------------------------
// Generated input: the random numbers a history is made of (they shrink towards the first,
// most plausible choice of every option).

interface Step {
  /** Calendar minutes (scaled down under the demo policy). */
  advance: number;
  dice: number[];
}

interface Run {
  policy: number;
  /** Seconds after START_MS. */
  start: number;
  /** A renewed cycle opened with its label (granted this many months before), or a fresh candidacy. */
  renewedLabelAge: number | null;
  opener: number;
  /** Per-run mix, in percent: guided steps, timer steps (the rest are random commands). */
  guided: number;
  timer: number;
  /** Percent of guided steps that take the stage's main command. */
  focus: number;
  /** Like the workflow: before each command, fire (in order) the timers already due. */
  workflow: boolean;
  steps: Step[];
}

const advanceArb = fc.oneof(
  { arbitrary: fc.constant(0), weight: 1 },
  { arbitrary: fc.integer({ min: 1, max: 600 }), weight: 3 },
  { arbitrary: fc.integer({ min: 1, max: 30 * 1440 }), weight: 3 },
  { arbitrary: fc.integer({ min: 1, max: 8 }).map((months) => months * 30 * 1440), weight: 1 },
);

const runArb: fc.Arbitrary<Run> = fc.record({
  policy: fc.nat({ max: POLICIES.length - 1 }),
  start: fc.nat({ max: 3 * 365 * 86_400 }),
  renewedLabelAge: fc.oneof(
    { arbitrary: fc.constant(null), weight: 4 },
    { arbitrary: fc.nat({ max: 30 }), weight: 2 },
    { arbitrary: fc.integer({ min: 27, max: 31 }), weight: 1 }, // near the renewal window
  ),
  opener: fc.nat({ max: 2 }),
  guided: fc.integer({ min: 35, max: 80 }),
  timer: fc.integer({ min: 10, max: 35 }),
  focus: fc.integer({ min: 40, max: 90 }),
  workflow: fc.boolean(),
  steps: fc.array(
    fc.record({ advance: advanceArb, dice: fc.array(fc.nat({ max: 1_000_000 }), { minLength: 24, maxLength: 24 }) }),
    {
      minLength: 15,
      maxLength: MAX_STEPS,
      size: 'max',
    },
  ),
});

/** Reads a step's random numbers one by one; 0 (what they shrink to) is always the first option. */
class Dice {
  private i = 0;
  constructor(private readonly values: readonly number[]) {}
  int(n: number): number {
    const value = this.values[this.i++] ?? 0;
    return n <= 1 ? 0 : value % n;
  }
  pick<T>(options: readonly T[]): T {
    return options[this.int(options.length)] as T;
  }
  /** True `percent`% of the time, and when shrunk. */
  usually(percent: number): boolean {
    return this.int(100) < percent;
  }
}

// ---------------------------------------------------------------------------------------------
// Statistics, for the last test.

const stats = {
  runs: 0,
  commands: 0,
  accepted: 0,
  refused: 0,
  timersFired: 0,
  timerChecks: 0,
  stages: new Set<Stage>(),
  codes: new Set<string>(),
  events: new Set<DomainEventType>(),
  notificationKinds: new Set<string>(),
  textsChecked: 0,
};

/** 8. A text people read, checked where it is produced. */
function textProblem(text: string): string | undefined {
  stats.textsChecked++;
  const problems = frenchTextProblems(text);
  return problems.length ? `${problems.join('; ')} in « ${text} »` : undefined;
}

// ---------------------------------------------------------------------------------------------
// Helpers.

const iso = (ms: number): string => new Date(ms).toISOString();
/** Like the calendar's ids (session-2027-03), one per instant: session-20270309T0900000. */
const sessionIdOf = (instant: string): string => `session-${instant.replace(/[-:.Z]/g, '')}`;

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

const FRENCH =
  /(\b(le|la|les|l'|de|du|des|d'|un|une|est|à|au|aux|ne|n'|pas|doit|être|cette|ce|pour|inconnue?|requise?|aucune?)\b)|[éèêàçôûî]/i;

function frenchMessageProblem(message: unknown): string | undefined {
  if (typeof message !== 'string' || message.trim() === '') return 'empty message';
  if (!FRENCH.test(message)) return 'message is not French';
  const problems = frenchTextProblems(message);
  return problems.length ? problems.join('; ') : undefined;
}

const DECISIONS: Partial<Record<DomainEventType, { group: string; kinds: readonly AgendaKind[] }>> = {
  CompletenessRecorded: { group: 'completeness', kinds: ['dossier', 'complement'] },
  AdmissibilityRecorded: { group: 'admissibility', kinds: ['dossier', 'complement'] },
  LabelGranted: { group: 'award', kinds: ['visit_report'] },
  ExtensionGranted: { group: 'award', kinds: ['visit_report'] },
  LabelRefused: { group: 'award', kinds: ['visit_report'] },
  MidTermConfirmed: { group: 'mid-term', kinds: ['mid_term'] },
  LabelWithdrawn: { group: 'mid-term', kinds: ['mid_term'] },
  LabelRenewed: { group: 'renewal', kinds: ['renewal'] },
  RenewalRefused: { group: 'renewal', kinds: ['renewal'] },
};

/** Events after which the candidacy is no longer on the agenda item it was on. */
const CONSUMES_AGENDA: readonly DomainEventType[] = [
  'ComplementRequested',
  'AdmissibilityRecorded',
  'LabelGranted',
  'ExtensionGranted',
  'LabelRefused',
  'MidTermConfirmed',
  'LabelWithdrawn',
  'LabelRenewed',
  'RenewalRefused',
  'CandidacyWithdrawn',
  'LabelRenounced',
];

interface AgendaItemSeen {
  kind: AgendaKind;
  sessionId: string;
  closed: boolean;
  consumed: boolean;
  decisions: Set<string>;
}

/**
 * What the events alone say may happen next (invariants 4, 5, 6a). Throws a message on violation.
 * Reset at each cycle (CandidacyOpened, CycleStarted).
 */
class Oracle {
  cycleEvents = 0;
  private lastAt = -Infinity;
  private lastType: DomainEventType | undefined;
  private reminders = new Set<string>();
  private completeSince: string | undefined; // session of a complete=true since the last submission
  private admissible = false;
  private hasLabel = false;
  private visitScheduled = false;
  private visitReport = false;
  private midTermReport = false;
  private renewalRequested = false;
  private finalAward = false;
  private filedCheckpoints = new Set<number>();
  private item: AgendaItemSeen | undefined;

  observe(e: DomainEvent): void {
    const at = Date.parse(e.at);
    if (!(at >= this.lastAt)) throw new Error(`${e.type}.at ${e.at} is before the previous event`);
    this.lastAt = at;
    if (e.type === 'CandidacyOpened' || e.type === 'CycleStarted') {
      if (e.type === 'CandidacyOpened' && this.lastType !== undefined) throw new Error('a second CandidacyOpened');
      if (e.type === 'CycleStarted' && this.lastType !== 'LabelRenewed')
        throw new Error(`CycleStarted after ${this.lastType}`);
      this.resetCycle(e.type === 'CycleStarted' || e.label !== undefined);
    } else {
      this.cycleEvents++;
    }
    this.lastType = e.type;

    const decision = DECISIONS[e.type];
    if (decision && 'sessionId' in e) {
      const item = this.item;
      if (!item || item.consumed) throw new Error(`${e.type} without an agenda item`);
      if (!item.closed) throw new Error(`${e.type} before the agenda of ${item.sessionId} was closed`);
      if (item.sessionId !== e.sessionId)
        throw new Error(`${e.type} in session ${e.sessionId}, on the agenda of ${item.sessionId}`);
      if (!decision.kinds.includes(item.kind)) throw new Error(`${e.type} on a ${item.kind} agenda item`);
      if (item.decisions.has(decision.group))
        throw new Error(`a second ${decision.group} decision on the same agenda item`);
      if (!('motivation' in e) || e.motivation.trim() === '') throw new Error(`${e.type} without motivation`);
      item.decisions.add(decision.group);
    }

    switch (e.type) {
      case 'DossierSubmitted':
      case 'ComplementAnswered':
        this.completeSince = undefined;
        break;
      case 'PlacedOnAgenda':
        if (this.item && !this.item.consumed && this.item.closed)
          throw new Error('PlacedOnAgenda moves a closed agenda item');
        this.item = { kind: e.kind, sessionId: e.sessionId, closed: false, consumed: false, decisions: new Set() };
        break;
      case 'AgendaClosed':
        if (!this.item || this.item.consumed || this.item.closed || this.item.sessionId !== e.sessionId) {
          throw new Error(`AgendaClosed(${e.sessionId}) without an open agenda item of that session`);
        }
        this.item.closed = true;
        break;
      case 'CompletenessRecorded':
        if (e.complete) this.completeSince = e.sessionId;
        break;
      case 'AdmissibilityRecorded':
        if (this.completeSince !== e.sessionId) {
          throw new Error(
            'AdmissibilityRecorded without CompletenessRecorded(complete) in that session since the last submission',
          );
        }
        if (this.admissible) throw new Error('a second AdmissibilityRecorded');
        this.admissible = e.admissible;
        this.visitScheduled = false;
        this.visitReport = false;
        break;
      case 'ProgressReportFiled':
      case 'CheckpointOverdue':
      case 'ReadinessDeclared':
      case 'ImplementationWindowEnded':
        if (!this.admissible) throw new Error(`${e.type} before admissibility`);
        if (e.type === 'ProgressReportFiled') this.filedCheckpoints.add(e.checkpoint);
        break;
      case 'CheckpointAdviceGiven':
        if (!this.filedCheckpoints.has(e.checkpoint))
          throw new Error(`advice on checkpoint ${e.checkpoint} before its report`);
        break;
      case 'VisitScheduled':
        if (!this.admissible) throw new Error('VisitScheduled before admissibility');
        this.visitScheduled = true;
        break;
      case 'VisitReportFiled':
        if (!this.visitScheduled) throw new Error('VisitReportFiled without a visit scheduled');
        this.visitReport = true;
        break;
      case 'LabelGranted':
      case 'LabelRefused':
      case 'ExtensionGranted':
        if (!this.visitReport)
          throw new Error(`${e.type} without a VisitReportFiled since admissibility or the last extension`);
        if (this.finalAward) throw new Error(`${e.type} after a final award decision`);
        if (e.type === 'ExtensionGranted') {
          this.visitScheduled = false;
          this.visitReport = false;
        } else {
          this.finalAward = true;
          this.hasLabel = e.type === 'LabelGranted';
        }
        break;
      case 'MidTermReportFiled':
        if (!this.hasLabel) throw new Error('MidTermReportFiled without a label');
        this.midTermReport = true;
        break;
      case 'MidTermConfirmed':
      case 'LabelWithdrawn':
        if (!this.midTermReport) throw new Error(`${e.type} without MidTermReportFiled`);
        break;
      case 'RenewalRequested':
        if (!this.hasLabel) throw new Error('RenewalRequested without a label');
        this.renewalRequested = true;
        break;
      case 'LabelRenewed':
      case 'RenewalRefused':
        if (!this.renewalRequested) throw new Error(`${e.type} without RenewalRequested`);
        break;
      case 'LabelExpired':
      case 'LabelRenounced':
        if (!this.hasLabel) throw new Error(`${e.type} without a label`);
        break;
      case 'ReminderSent':
        if (this.reminders.has(e.key)) throw new Error(`reminder ${e.key} sent twice`);
        this.reminders.add(e.key);
        break;
      default:
        break;
    }
    if (CONSUMES_AGENDA.includes(e.type) && this.item) this.item.consumed = true;
  }

  private resetCycle(withLabel: boolean): void {
    this.cycleEvents = 1;
    this.reminders = new Set();
    this.completeSince = undefined;
    this.admissible = false;
    this.hasLabel = withLabel;
    this.visitScheduled = false;
    this.visitReport = false;
    this.midTermReport = false;
    this.renewalRequested = false;
    this.finalAward = withLabel;
    this.filedCheckpoints = new Set();
    this.item = undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// The simulation of one history.

type Via = 'open' | 'guided' | 'random' | 'timer' | 'replay';

/** The commands that move a stage on, the main one first (leaving is left to EXIT_PERCENT and random steps). */
function guidedTypes(s: CandidacyState, now: number): CommandType[] {
  const agenda = s.agenda;
  const agendaThen = (decision: CommandType): CommandType =>
    !agenda ? 'PlaceOnAgenda' : agenda.closed ? decision : 'CloseAgenda';
  switch (s.stage) {
    case 'draft':
      return ['SubmitDossier', 'SaveDraft', 'RequestHelp'];
    case 'submitted':
      return ['PlaceOnAgenda', 'AnswerHelpRequest', 'RecordCompleteness'];
    case 'on_agenda':
      return ['CloseAgenda', 'PlaceOnAgenda', 'RecordCompleteness'];
    case 'under_review':
      return s.completeness?.complete && s.completeness.sessionId === agenda?.sessionId
        ? ['RecordAdmissibility', 'RecordCompleteness']
        : ['RecordCompleteness', 'RecordAdmissibility'];
    case 'awaiting_complement':
      return ['AnswerComplement', 'LapseCandidacy', 'RecordAdmissibility'];
    case 'implementation':
      return [
        'DeclareReadiness',
        'FileProgressReport',
        'AdviseOnCheckpoint',
        'RequestHelp',
        'AnswerHelpRequest',
        'EndImplementationWindow',
        'MarkCheckpointOverdue',
        'DecideAward',
      ];
    case 'visit_to_plan':
      return ['ScheduleVisit', 'AdviseOnCheckpoint', 'DecideAward'];
    case 'visit_scheduled':
      return ['FileVisitReport', 'ScheduleVisit', 'DecideAward'];
    case 'visit_done':
      return [agendaThen('DecideAward'), 'DecideAward', 'FileVisitReport'];
    case 'award_decision':
      return ['DecideAward'];
    case 'labelled':
      return s.label?.midTerm.reportFiledAt ||
        (!s.renewal && now >= Date.parse(renewalWindowOpensAt(s.label as LabelState, s)))
        ? ['RequestRenewal', 'ExpireLabel', 'FileMidTermReport', 'DecideMidTerm']
        : ['FileMidTermReport', 'RequestRenewal', 'DecideMidTerm', 'ExpireLabel'];
    case 'mid_term_review':
      return [agendaThen('DecideMidTerm'), 'DecideMidTerm', 'RequestRenewal', 'ExpireLabel'];
    case 'renewal_requested':
      return [agendaThen('DecideRenewal'), 'DecideRenewal', 'ExpireLabel'];
    case 'renewed':
      return ['StartCycle'];
    default:
      return [];
  }
}

/** Who normally sends a command. */
function expectedActor(type: CommandType, s: CandidacyState): Actor {
  if (type === 'FileVisitReport') return { role: 'committee', id: s.visit?.visitorId ?? VISITOR.id };
  const role = COMMAND_ROLES[type][0];
  return role === 'coop' ? COOP : role === 'federation' ? FEDERATION : role === 'committee' ? COMMITTEE : SYSTEM;
}

function firstOpenCheckpoint(s: CandidacyState) {
  return s.checkpoints.find((c) => !c.reportFiledAt && !c.overdue) ?? s.checkpoints.find((c) => !c.reportFiledAt);
}

/** When a command normally becomes possible (the guided steps often wait for it). */
function targetTime(type: CommandType, s: CandidacyState): string | undefined {
  const cp = firstOpenCheckpoint(s);
  switch (type) {
    case 'CloseAgenda':
      return s.agenda?.cutoffAt;
    case 'RecordCompleteness':
    case 'RecordAdmissibility':
    case 'DecideAward':
    case 'DecideMidTerm':
    case 'DecideRenewal':
      return s.agenda?.sessionDate;
    case 'LapseCandidacy':
      return s.complement?.deadline.dueAt;
    case 'EndImplementationWindow':
      return s.implementationDeadline?.dueAt;
    case 'MarkCheckpointOverdue':
      return cp && overdueDeadline(cp, s).dueAt;
    case 'FileProgressReport':
      return cp?.opensAt;
    case 'FileVisitReport':
      return s.visit && parisInstant(s.visit.date, 10);
    case 'RequestRenewal':
      return s.label && renewalWindowOpensAt(s.label, s);
    case 'ExpireLabel':
      return s.label?.expiresOn.dueAt;
    default:
      return undefined;
  }
}

interface TraceLine {
  via: Via;
  now: string;
  actor: Actor;
  command: Command;
  outcome: string;
}

class Simulation {
  readonly policy: Policy;
  private readonly scale: number;
  state: CandidacyState | undefined;
  private now: number;
  readonly history: DomainEvent[] = [];
  private readonly oracle = new Oracle();
  private readonly trace: TraceLine[] = [];
  private readonly sessions: string[] = [];
  /** Timer commands already fired, for replays. */
  private readonly fired: Command[] = [];

  constructor(private readonly run: Run) {
    this.policy = deepFreeze(structuredClone(POLICIES[run.policy] ?? STANDARD_POLICY));
    this.scale = this.policy.timeScale === 'demo' ? demoMonthMs(this.policy) / MONTH_MS : 1;
    this.now = START_MS + run.start * 1000;
  }

  play(): void {
    this.open();
    let afterClosure = 0;
    for (const step of this.run.steps) {
      // A few commands on a closed candidacy are enough; `renewed` goes on into the next cycle.
      if (isClosed(this.state) && this.state?.stage !== 'renewed' && ++afterClosure > CLOSED_STEPS) break;
      this.step(step);
    }
    this.finish();
  }

  private fail(message: string): never {
    const lines = this.trace.map(
      (t, i) =>
        `  ${String(i).padStart(2)} ${t.now} [${t.via}] ${t.actor.role}:${t.actor.id}${t.actor.cooperativeId ? `@${t.actor.cooperativeId}` : ''} ` +
        `${JSON.stringify(t.command, (key, value: unknown) => (key === 'policy' ? (value as Policy).version : value))} → ${t.outcome}`,
    );
    throw new Error(
      `${message}\npolicy ${this.policy.version}, stage ${this.state?.stage}, history:\n${lines.join('\n')}`,
    );
  }

  private open(): void {
    const { policy, run } = this;
    const actor = [COOP, FEDERATION, SYSTEM][run.opener] ?? COOP;
    const label =
      run.renewedLabelAge === null
        ? undefined
        : labelFrom(iso(this.now - Math.round(run.renewedLabelAge * MONTH_MS * this.scale)), {
            policy,
          } as CandidacyState);
    const cycle = label ? 2 : 1;
    const command: Command = {
      type: 'OpenCandidacy',
      candidacyId: 'cand-1',
      cooperativeId: 'coop-1',
      cycle,
      policy,
      ...(label ? { label } : {}),
    };
    this.execute(command, actor, this.now, 'open');
    if (!this.state) this.fail('the opening OpenCandidacy was refused');
  }

  private step(step: Step): void {
    const s = this.state as CandidacyState;
    const d = new Dice(step.dice);
    const advanced = this.now + Math.round(step.advance * MINUTE_MS * this.scale);
    const roll = d.int(100);
    let via: Via = roll < this.run.guided ? 'guided' : roll < this.run.guided + this.run.timer ? 'timer' : 'random';

    if (via === 'timer') {
      const timers = pendingTimers(s);
      // Mostly the earliest (as the workflow would), sometimes any of them: a jump ahead in time.
      const timer = d.usually(70) ? timers[0] : d.pick(timers);
      if (this.fired.length > 0 && (!timer || !d.usually(85))) {
        // The workflow restarted and fires again a timer it already fired.
        this.execute(d.pick(this.fired), SYSTEM, advanced, 'replay');
        return;
      }
      if (timer) {
        const at = Math.max(this.now, Date.parse(timer.dueAt)) + (d.usually(70) ? 0 : advanced - this.now);
        if (this.run.workflow) {
          this.fireDueTimers(at);
          return;
        }
        stats.timersFired++;
        this.fired.push(timer.command);
        this.execute(timer.command, SYSTEM, at, 'timer', timer.key);
        return;
      }
      via = 'guided';
    }
    // On a closed candidacy, guided steps send any command, well formed, by its usual actor.
    const types =
      via !== 'guided' ? [] : isClosed(s) && s.stage !== 'renewed' ? COMMAND_TYPES : guidedTypes(s, advanced);
    if (types.length === 0) via = 'random';

    let type: CommandType | 'Unknown';
    let actor: Actor;
    let at = advanced;
    if (via === 'guided') {
      const holdsLabel = LABEL_STAGES.includes(s.stage);
      const exit = holdsLabel ? 'RenounceLabel' : 'Withdraw';
      const exitPercent = holdsLabel ? RENOUNCE_PERCENT : EXIT_PERCENT;
      type =
        types === COMMAND_TYPES
          ? d.pick(types)
          : d.usually(this.run.focus)
            ? (types[0] as CommandType)
            : d.usually(100 - exitPercent)
              ? d.pick(types)
              : exit;
      actor = d.usually(85) ? expectedActor(type, s) : d.pick(ACTORS);
      const target = targetTime(type, s);
      if (target !== undefined && d.usually(60))
        at = Math.max(advanced, Date.parse(target) + (d.usually(50) ? 0 : d.int(3 * DAY_MS * this.scale)));
    } else {
      type = d.usually(97) ? d.pick(COMMAND_TYPES) : 'Unknown';
      actor = d.pick(ACTORS);
    }
    if (this.run.workflow) this.fireDueTimers(at);
    this.execute(this.build(type, this.state ?? s, d, at, via === 'guided'), actor, at, via);
  }

  /** What the workflow does before handling a command at `until`: fire the due timers, earliest first. */
  private fireDueTimers(until: number): void {
    for (let i = 0; i < 20; i++) {
      const [next] = pendingTimers(this.state as CandidacyState).filter((t) => Date.parse(t.dueAt) <= until);
      if (!next) return;
      stats.timersFired++;
      this.fired.push(next.command);
      this.execute(next.command, SYSTEM, Math.max(this.now, Date.parse(next.dueAt)), 'timer', next.key);
    }
    this.fail('the timers kept firing');
  }

  /** A command of `type` with plausible payloads (looser when not `plausible`). */
  private build(type: CommandType | 'Unknown', s: CandidacyState, d: Dice, now: number, plausible: boolean): Command {
    const ok = d.usually(plausible ? 92 : 65);
    const text = (value: string): string => (ok ? value : d.pick([value, '', '   ']));
    const version = (): number => {
      const known = s.dossierVersion ?? 0;
      return ok ? known + d.int(3) : d.pick([known - 1, -1, 1.5, known, known + 1]);
    };
    const checkpoint = (filed: boolean): number => {
      const listed = s.checkpoints.filter(
        (c) => Boolean(c.reportFiledAt) === filed && (filed ? !c.adviceGivenAt : true),
      );
      return ok && listed.length > 0
        ? d.pick(listed).checkpoint
        : d.pick([...s.policy.checkpointMonths, 3, 6, 9, 12, 24, 0]);
    };
    const decision = () => ({
      sessionId: this.sessionIdFor(s, d, now),
      motivation: text('Décision motivée du comité'),
    });
    switch (type) {
      case 'Unknown':
        return { type: d.pick(['Hack', 'toString', '__proto__', 'constructor', '']) } as unknown as Command;
      case 'OpenCandidacy':
        return {
          type,
          candidacyId: text('cand-2'),
          cooperativeId: d.pick(['coop-1', 'coop-2']),
          cycle: d.int(4),
          policy: this.policy,
        };
      case 'StartCycle':
        return { type, cycle: s.cycle + (ok ? 1 : d.pick([0, 2, -1])) };
      case 'SaveDraft':
        return { type, dossierVersion: version(), ...(d.usually(50) ? { dossierHash: text(`sha-${d.int(99)}`) } : {}) };
      case 'SubmitDossier':
      case 'AnswerComplement':
        return { type, dossierVersion: version(), dossierHash: text(`sha-${d.int(99)}`) };
      case 'PlaceOnAgenda':
        return { type, ...this.newSession(d, now, ok) };
      case 'CloseAgenda':
        return { type, sessionId: this.sessionIdFor(s, d, now) };
      case 'RecordCompleteness': {
        const complete = d.usually(65);
        const missing = ok
          ? ['Attestation du commissaire aux comptes']
          : d.pick([[], ['  '], ['Plan de financement', '']]);
        return { type, complete, ...(complete && d.usually(80) ? {} : { missing }), ...decision() };
      }
      case 'RecordAdmissibility':
        return { type, admissible: d.usually(80), ...decision() };
      case 'LapseCandidacy':
      case 'DeclareReadiness':
      case 'EndImplementationWindow':
      case 'ExpireLabel':
        return { type };
      case 'FileProgressReport':
        return { type, checkpoint: checkpoint(false), reportId: text(`report-${d.int(9)}`) };
      case 'AdviseOnCheckpoint':
        return { type, checkpoint: checkpoint(true), advice: text('Avis favorable de la Fédération') };
      case 'MarkCheckpointOverdue':
        return { type, checkpoint: checkpoint(false) };
      case 'RequestHelp': {
        const fresh = `help-${s.helpRequests.length + 1}`;
        return {
          type,
          helpRequestId: ok ? fresh : d.pick([fresh, 'help-1', '']),
          question: text('Comment remplir l’axe B ?'),
        };
      }
      case 'AnswerHelpRequest': {
        const open = s.helpRequests.filter((h) => !h.answeredAt).map((h) => h.helpRequestId);
        const id =
          ok && open.length > 0
            ? d.pick(open)
            : d.pick(['help-1', 'help-2', 'help-9', ...s.helpRequests.map((h) => h.helpRequestId)]);
        return { type, helpRequestId: id, answer: text('Voici la réponse de la Fédération') };
      }
      case 'ScheduleVisit': {
        const today = parisDateOf(iso(now));
        const offset = this.policy.timeScale === 'demo' ? d.int(2) : d.int(60);
        const visitDate = ok
          ? addDays(today, offset)
          : d.pick([addDays(today, -1 - d.int(30)), '2027-02-30', '12/03/2027', addDays(today, offset)]);
        return { type, visitorId: ok ? d.pick(VISITOR_IDS) : d.pick([...VISITOR_IDS, '']), visitDate };
      }
      case 'FileVisitReport':
        return {
          type,
          reportId: text('visit-report-1'),
          findingsSummary: text('Engagements en bonne voie'),
          ...(d.usually(50) ? {} : { findings: { A1: d.pick(['on_track', 'partly', 'not_met'] as const) } }),
        };
      case 'DecideAward': {
        const outcome = d.pick(['granted', 'extension', 'refused'] as const);
        const max = s.policy.extensionMaxMonths;
        const extensionMonths = ok ? 1 + d.int(max) : d.pick([0, max + 1, 1.5, undefined, max]);
        return {
          type,
          outcome,
          ...(outcome === 'extension' || !ok ? { extensionMonths } : {}),
          ...decision(),
        };
      }
      case 'FileMidTermReport':
        return { type, reportId: text('mid-term-1') };
      case 'DecideMidTerm':
        return { type, outcome: d.usually(50) ? 'confirmed' : 'withdrawn', ...decision() };
      case 'RequestRenewal':
        return { type, dossierVersion: version() };
      case 'DecideRenewal':
        return { type, outcome: d.usually(65) ? 'renewed' : 'refused', ...decision() };
      case 'Withdraw':
      case 'RenounceLabel':
        return { type, reason: text('Choix de la coopérative') };
      case 'SendReminder': {
        const timers = pendingTimers(s);
        const keys = [
          ...timers.filter((t) => t.kind === 'reminder').map((t) => t.key),
          ...s.remindersSent,
          ...timers.map((t) => t.key),
          'reminder:unknown',
          'reminder:renewal:6m',
        ];
        return { type, key: d.pick(keys) };
      }
      default: {
        const never: never = type;
        return never;
      }
    }
  }

  /** The agenda's session most of the time, else one placed earlier or one never placed. */
  private sessionIdFor(s: CandidacyState, d: Dice, now: number): string {
    const r = d.int(10);
    if (s.agenda && r < 8) return s.agenda.sessionId;
    if (r < 9 && this.sessions.length > 0) return d.pick(this.sessions);
    return sessionIdOf(iso(now + 40 * DAY_MS * this.scale));
  }

  /** A committee session; its id names its date, so a session id always means the same dates. */
  private newSession(
    d: Dice,
    now: number,
    valid: boolean,
  ): { sessionId: string; sessionDate: string; cutoffAt: string } {
    const cutoffDays = this.policy.sessionCutoffDays;
    const ahead = valid ? cutoffDays + 2 + d.int(60) : d.int(cutoffDays + 60) - 10;
    let sessionDate: string;
    let cutoffAt: string;
    if (this.policy.timeScale === 'demo') {
      const day = DAY_MS * this.scale;
      sessionDate = iso(now + Math.round(ahead * day));
      cutoffAt = iso(now + Math.round((ahead - cutoffDays) * day));
    } else {
      const date = addDays(parisDateOf(iso(now)), ahead);
      sessionDate = parisInstant(date, 10);
      cutoffAt = parisInstant(addDays(date, -cutoffDays));
    }
    if (!valid && d.usually(15))
      return { sessionId: `${sessionIdOf(sessionDate)}-inverted`, sessionDate: cutoffAt, cutoffAt: sessionDate };
    const sessionId = sessionIdOf(sessionDate);
    if (!this.sessions.includes(sessionId)) this.sessions.push(sessionId);
    return { sessionId, sessionDate, cutoffAt };
  }

  /** decide, then evolve, checking invariants 1–7. */
  private execute(command: Command, actor: Actor, at: number, via: Via, timerKey?: string): void {
    if (at < this.now) this.fail(`the generator went back in time (${iso(at)} < ${iso(this.now)})`);
    this.now = at;
    const before = this.state;
    const ctx = { now: iso(at), actor };
    deepFreeze(command);
    const snapshot = JSON.stringify(before);
    const line: TraceLine = { via, now: ctx.now, actor, command, outcome: '…' };
    this.trace.push(line);
    stats.commands++;

    let events: DomainEvent[];
    try {
      events = decide(command, before, ctx);
    } catch (error) {
      // 1. only DomainErrors, with a known code and a French message.
      if (!(error instanceof DomainError)) {
        line.outcome = `THREW ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
        this.fail('1. decide threw something other than a DomainError');
      }
      line.outcome = `refused ${error.code}: ${error.message}`;
      this.checkRefusal(error);
      // 2. a refusal changes nothing.
      if (JSON.stringify(this.state) !== snapshot || this.state !== before)
        this.fail('2. a refused command changed the state');
      // 6. what pendingTimers lists, decide accepts once due.
      if (via === 'timer') this.fail(`6. the pending timer ${timerKey} was refused at ${ctx.now}`);
      if (via === 'open') this.fail('the opening command was refused');
      stats.refused++;
      this.afterStep();
      return;
    }

    line.outcome = `${events.map((e) => e.type).join(', ')}`;
    if (!Array.isArray(events) || events.length === 0)
      this.fail('1. decide accepted the command but returned no event');
    if (JSON.stringify(before) !== snapshot) this.fail('2. decide changed the state it was given');
    if (!COMMAND_ROLES[command.type].includes(actor.role)) this.fail(`${command.type} accepted from a ${actor.role}`);
    // §6.4: a coop acts only on its own candidacy; §6.1: one candidacy.
    const cooperativeId =
      before?.cooperativeId ?? (command.type === 'OpenCandidacy' ? command.cooperativeId : undefined);
    if (actor.role === 'coop' && actor.cooperativeId !== cooperativeId)
      this.fail('§6.4 a coop acted on another cooperative’s candidacy');
    if (command.type === 'OpenCandidacy' && before) this.fail('§6.1 a second OpenCandidacy was accepted');
    if (command.type === 'FileVisitReport' && actor.id !== before?.visit?.visitorId)
      this.fail('the visit report was filed by another member than the visitor');
    // 3. a closed stage refuses everything; the only way on from `renewed` is the next cycle.
    if (before && isClosed(before)) {
      const next = events[0];
      const startsNextCycle =
        before.stage === 'renewed' &&
        command.type === 'StartCycle' &&
        events.length === 1 &&
        next?.type === 'CycleStarted' &&
        next.cycle === before.cycle + 1;
      if (!startsNextCycle) this.fail(`3. a closed candidacy (${before.stage}) accepted ${command.type}`);
    }

    if (before) this.checkTimerCommandListed(command, before, at);

    let state = before;
    for (const event of events) {
      deepFreeze(event);
      if (event.at !== ctx.now || event.by !== actor.id)
        this.fail(`5. ${event.type} carries at=${event.at} by=${event.by}`);
      try {
        this.oracle.observe(event);
      } catch (violation) {
        this.fail(`4. ${(violation as Error).message}`);
      }
      const previous = state;
      try {
        state = evolve(state, event);
      } catch (error) {
        this.fail(`7. evolve threw on ${event.type}: ${String(error)}`);
      }
      deepFreeze(state);
      stats.events.add(event.type);
      for (const n of notificationsFor(event, state, 'Coop’HLM Atlantique Habitat')) {
        stats.notificationKinds.add(n.kind);
        const problem = textProblem(n.subject) ?? textProblem(n.body);
        if (problem) this.fail(`8. the ${n.kind} e-mail of ${event.type}: ${problem}`);
      }
      const entry = timelineEntry(event, state.policy);
      const told = textProblem(entry.what);
      if (told) this.fail(`8. the timeline entry of ${event.type}: ${told}`);
      this.history.push(event);
      if (state.sequence !== this.oracle.cycleEvents)
        this.fail(`5. sequence ${state.sequence}, ${this.oracle.cycleEvents} events applied in the cycle`);
      if (state.updatedAt !== event.at) this.fail('5. updatedAt is not the last event’s at');
      if (previous && isClosed(previous) && state.cycle === previous.cycle)
        this.fail(`3. a closed cycle (${previous.stage}) reopened as ${state.stage}`);
      if (isClosed(state) && state.closedAt === undefined) this.fail('3. a closed candidacy has no closedAt');
    }
    this.state = state;
    stats.accepted++;
    this.afterStep();
  }

  /**
   * 6. pendingTimers and decide agree: every pending timer is a reminder not yet sent or a deadline,
   * its command is accepted at its dueAt (or now, when later) and long after, and refused just before.
   */
  private afterStep(): void {
    const s = this.state;
    if (!s) return;
    stats.stages.add(s.stage);
    for (const timer of pendingTimers(s)) {
      const problem = [timer.summaryFr, timer.subjectFr, timer.subjectDue?.whatFr]
        .flatMap((t) => (t === undefined ? [] : [textProblem(t)]))
        .find(Boolean);
      if (problem) this.fail(`8. timer ${timer.key}: ${problem}`);
      if (timer.kind === 'reminder' && s.remindersSent.includes(timer.key))
        this.fail(`6. the sent reminder ${timer.key} is still pending`);
      const due = Date.parse(timer.dueAt);
      for (const at of [Math.max(this.now, due), Math.max(this.now, due) + 400 * DAY_MS * this.scale]) {
        stats.timerChecks++;
        try {
          decide(timer.command, s, { now: iso(at), actor: SYSTEM });
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          this.fail(
            `6. pendingTimers lists ${timer.key} (due ${timer.dueAt}) but decide refuses it at ${iso(at)}: ${reason}`,
          );
        }
      }
      if (due - 1 >= Math.max(this.now, Date.parse(s.updatedAt)) && this.acceptedAt(timer.command, s, due - 1)) {
        this.fail(`6. ${timer.key} (due ${timer.dueAt}) is already accepted at ${iso(due - 1)}`);
      }
    }
  }

  private acceptedAt(command: Command, s: CandidacyState, at: number): boolean {
    try {
      decide(command, s, { now: iso(at), actor: SYSTEM });
      return true;
    } catch (error) {
      this.checkRefusal(error, `${command.type} at ${iso(at)}`);
      return false;
    }
  }

  /** 1. A refusal is a DomainError with a known code and a French message. */
  private checkRefusal(error: unknown, what = 'decide'): asserts error is DomainError {
    if (!(error instanceof DomainError)) {
      this.fail(
        `1. ${what} threw something other than a DomainError: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
      );
    }
    if (!(LIFECYCLE_ERROR_CODES as readonly string[]).includes(error.code))
      this.fail(`1. ${what}: unknown error code ${error.code}`);
    const problem = frenchMessageProblem(error.message);
    if (problem) this.fail(`1. ${what}: ${problem} (${error.code}: ${error.message})`);
    stats.codes.add(error.code);
  }

  /** 6. The other way round: decide accepts a timer's command only when pendingTimers lists it as due. */
  private checkTimerCommandListed(command: Command, before: CandidacyState, at: number): void {
    if (!TIMER_COMMANDS.includes(command.type)) return;
    const listed = pendingTimers(before).find((t) => JSON.stringify(t.command) === JSON.stringify(command));
    if (!listed) this.fail(`6. ${command.type} accepted though no pending timer has this command`);
    if (Date.parse(listed.dueAt) > at)
      this.fail(`6. ${command.type} accepted before its timer is due (${listed.dueAt})`);
  }

  /** §6.3: the history alone rebuilds the state. */
  private finish(): void {
    const replayed = this.history.reduce<CandidacyState | undefined>((s, e) => evolve(s, e), undefined);
    if (JSON.stringify(replayed) !== JSON.stringify(this.state))
      this.fail('§6.3 replaying the history does not give the state');
  }
}

function runProperty(): void {
  fc.assert(
    fc.property(runArb, (run) => {
      stats.runs++;
      new Simulation(run).play();
    }),
    { numRuns: NUM_RUNS },
  );
}

describe('invariants of the lifecycle decider (spec §6), on random histories', () => {
  it(
    'after every step: only DomainErrors (known code, French message); a refusal changes nothing; ' +
      'a closed stage refuses everything (but StartCycle from renewed, into the next cycle) and never reopens; ' +
      'no decision without the preceding one nor twice on an agenda item; sequence and times in order; ' +
      'each reminder once and every pending timer accepted when due; evolve never throws',
    () => {
      runProperty();
    },
  );

  it(`ran ${NUM_RUNS} histories (OpenCandidacy + up to ${MAX_STEPS} steps each), > 5000 commands, reaching every stage`, () => {
    if (stats.runs === 0) runProperty(); // when run alone (-t)
    expect(stats.runs).toBe(NUM_RUNS);
    expect(stats.commands).toBeGreaterThan(5000);
    expect(stats.accepted).toBeGreaterThan(1000);
    expect(stats.refused).toBeGreaterThan(1000);
    expect(stats.timersFired).toBeGreaterThan(300);
    expect(stats.timerChecks).toBeGreaterThan(5000);
    expect([...STAGES].filter((stage) => !stats.stages.has(stage))).toEqual([]);
    expect(stats.codes.size).toBeGreaterThan(20);
    expect(stats.events.size).toBeGreaterThan(25);
    // 8. every kind of e-mail was rendered and read
    expect([...stats.notificationKinds].sort()).toEqual([
      'agenda_closed',
      'checkpoint_overdue',
      'label_expired',
      'reminder',
      'stage_changed',
    ]);
    expect(stats.textsChecked).toBeGreaterThan(10_000);
  });
});
