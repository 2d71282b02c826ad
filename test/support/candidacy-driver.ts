/**
 * Drives one candidacy workflow in a test as its actors would: Updates for commands, the state
 * Query, time skipped to a given instant, and the events read back from the event store.
 */
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { randomUUID } from 'node:crypto';
import {
  CANDIDACY_WORKFLOW_TYPE,
  CandidacyInput,
  candidacyWorkflowId,
  commandUpdate,
  CommandResponse,
  stateQuery,
  TASK_QUEUE,
} from '@qualicoop/contracts';
import { Actor, CandidacyState, Command, Policy, STANDARD_POLICY } from '@qualicoop/domain';
import { Harness } from './workflow-harness';

export const COMMITTEE: Actor = { role: 'committee', id: 'member-committee' };
export const VISITOR: Actor = { role: 'committee', id: 'member-visitor' };
export const FEDERATION: Actor = { role: 'federation', id: 'staff-federation' };

export interface StoredEvent {
  cycle: number;
  sequence: number;
  type: string;
  occurred_at: Date;
  data: Record<string, any>;
}

type Body<T extends Command['type']> = Omit<Extract<Command, { type: T }>, 'type'>;

export class CandidacyDriver {
  readonly coop: Actor;
  /** The run of cycle 1 (later cycles continue-as-new under the same workflow id). */
  firstRunId = '';

  private constructor(
    readonly h: Harness,
    readonly cooperativeId: string,
    readonly candidacyId: string,
  ) {
    this.coop = { role: 'coop', id: `user-${cooperativeId}`, cooperativeId };
  }

  static async open(h: Harness, cooperativeId: string, policy: Policy = STANDARD_POLICY): Promise<CandidacyDriver> {
    const d = new CandidacyDriver(h, cooperativeId, randomUUID());
    h.drivers.push(d);
    const input: CandidacyInput = { candidacyId: d.candidacyId, cooperativeId, cycle: 1, policy, openedBy: d.coop };
    const handle = await h.env.client.workflow.start(CANDIDACY_WORKFLOW_TYPE, {
      taskQueue: TASK_QUEUE,
      workflowId: d.workflowId,
      args: [input],
    });
    d.firstRunId = handle.firstExecutionRunId;
    await d.until((s) => s?.stage === 'draft');
    return d;
  }

  get workflowId(): string {
    return candidacyWorkflowId(this.cooperativeId);
  }

  handle() {
    return this.h.env.client.workflow.getHandle(this.workflowId);
  }

  do<T extends Command['type']>(type: T, body: Body<T>, actor: Actor = this.coop): Promise<CommandResponse> {
    return this.handle().executeUpdate(commandUpdate(type), {
      args: [{ command: { type, ...body } as Command, actor }],
    });
  }

  /** The refusal's domain code, or a failure if the command was accepted. */
  async refusal<T extends Command['type']>(
    type: T,
    body: Body<T>,
    actor: Actor = this.coop,
  ): Promise<{ code: string; message: string }> {
    try {
      await this.do(type, body, actor);
    } catch (e) {
      const cause = e instanceof WorkflowUpdateFailedError ? e.cause : undefined;
      if (cause instanceof ApplicationFailure) return { code: cause.type ?? '', message: cause.message };
      throw e;
    }
    throw new Error(`${type} was accepted, a refusal was expected`);
  }

  state(): Promise<CandidacyState> {
    return this.handle().query(stateQuery);
  }

  async now(): Promise<number> {
    return this.h.env.currentTimeMs();
  }

  /** Skips time to `instant` (no-op if already past), then lets the workflow catch up. */
  async advanceTo(instant: string): Promise<void> {
    const delta = Date.parse(instant) - (await this.now());
    if (delta > 0) await this.h.env.sleep(delta);
  }

  /** Polls the live state (real time, short) until `predicate` holds. */
  async until(
    predicate: (s: CandidacyState | undefined) => boolean,
    what = 'the expected state',
  ): Promise<CandidacyState> {
    let last: CandidacyState | undefined;
    for (let i = 0; i < 200; i++) {
      last = await this.state().catch(() => undefined);
      if (predicate(last)) return last!;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`timed out waiting for ${what}; last stage: ${last?.stage}`);
  }

  /** Submits a dossier version and waits until it is on a session's agenda. */
  async submit(version = 1): Promise<CandidacyState> {
    await this.do('SaveDraft', { dossierVersion: version });
    await this.do('SubmitDossier', { dossierVersion: version, dossierHash: `sha-${version}` });
    return this.until((s) => s?.stage === 'on_agenda', 'the dossier on an agenda');
  }

  /** Waits for the current item to be on an agenda, skips past its cut-off; returns the session id. */
  async throughCutoff(): Promise<string> {
    const s = await this.until((x) => Boolean(x?.agenda && !x.agenda.closed), 'an open agenda');
    await this.advanceTo(new Date(Date.parse(s.agenda!.cutoffAt) + 60_000).toISOString());
    await this.until((x) => Boolean(x?.agenda?.closed), 'the agenda closed');
    return s.agenda!.sessionId;
  }

  /**
   * The event store's events, once it holds every event the workflow has decided: the workflow
   * counts an event when it decides it, the recording activity stores it a moment later (longer
   * on a loaded machine), so reading the store right after a query would race with it.
   */
  async events(): Promise<StoredEvent[]> {
    const { cycle, sequence } = await this.state();
    let stored: StoredEvent[] = [];
    for (let i = 0; i < 200; i++) {
      stored = await this.h.ds.query(
        'SELECT cycle, sequence, type, occurred_at, data FROM candidacy_events WHERE candidacy_id = $1 ORDER BY cycle, sequence',
        [this.candidacyId],
      );
      if (stored.filter((e) => e.cycle === cycle).length >= sequence) return stored;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(
      `the event store holds ${stored.length} events; the workflow decided ${sequence} in cycle ${cycle}`,
    );
  }

  async reminders(): Promise<Array<{ key: string; at: string }>> {
    return (await this.events())
      .filter((e) => e.type === 'ReminderSent')
      .map((e) => ({ key: e.data.key, at: e.data.at }));
  }

  async result(): Promise<{ stage: string; cycle: number }> {
    return this.handle().result();
  }
}

const decision = (sessionId: string) => ({ sessionId, motivation: 'Décision motivée du comité' });

/** Drives a fresh candidacy to a stage along the shortest path, for the tests of later stages. */
export const reach = {
  async underReview(d: CandidacyDriver): Promise<string> {
    await d.submit();
    return d.throughCutoff();
  },
  async implementation(d: CandidacyDriver): Promise<CandidacyState> {
    const session = await reach.underReview(d);
    await d.do('RecordCompleteness', { complete: true, ...decision(session) }, COMMITTEE);
    return (await d.do('RecordAdmissibility', { admissible: true, ...decision(session) }, COMMITTEE)).state;
  },
  async visitScheduled(d: CandidacyDriver): Promise<CandidacyState> {
    await reach.implementation(d);
    await d.do('DeclareReadiness', {});
    const visitDate = new Date((await d.now()) + 30 * 86_400_000).toISOString().slice(0, 10);
    return (await d.do('ScheduleVisit', { visitorId: VISITOR.id, visitDate }, FEDERATION)).state;
  },
  async awardDecision(d: CandidacyDriver): Promise<string> {
    const s = await reach.visitScheduled(d);
    await d.advanceTo(`${s.visit!.date}T16:00:00.000Z`);
    await d.do('FileVisitReport', { reportId: 'visit-report', findingsSummary: 'Visite réalisée.' }, VISITOR);
    return d.throughCutoff();
  },
  async labelled(d: CandidacyDriver): Promise<CandidacyState> {
    const session = await reach.awardDecision(d);
    return (await d.do('DecideAward', { outcome: 'granted', ...decision(session) }, COMMITTEE)).state;
  },
  decision,
};
