/** Given/when/then helpers for the lifecycle unit tests (named *.spec.ts so the build leaves it out). */
import type { Actor, Command } from './commands';
import { decide } from './decide';
import { DomainError } from './errors';
import type { DomainEvent } from './domain-events';
import { evolve } from './evolve';
import { STANDARD_POLICY, type Policy } from './policy';
import type { CandidacyState } from './state';

export const COOP: Actor = { role: 'coop', id: 'u-coop', cooperativeId: 'coop-1' };
export const OTHER_COOP: Actor = { role: 'coop', id: 'u-other', cooperativeId: 'coop-2' };
export const FEDERATION: Actor = { role: 'federation', id: 'u-fed' };
export const COMMITTEE: Actor = { role: 'committee', id: 'm-chair' };
export const VISITOR: Actor = { role: 'committee', id: 'm-visitor' };
export const SYSTEM: Actor = { role: 'system', id: 'system' };

export const SESSION_JUNE = {
  sessionId: 'session-2026-06',
  sessionDate: '2026-06-09T08:00:00.000Z',
  cutoffAt: '2026-05-18T22:00:00.000Z',
};
export const SESSION_SEPT = {
  sessionId: 'session-2026-09',
  sessionDate: '2026-08-31T08:00:00.000Z',
  cutoffAt: '2026-08-09T22:00:00.000Z',
};
export const ADMITTED_AT = '2026-08-31T10:00:00.000Z';

export class Story {
  state: CandidacyState | undefined;
  readonly history: DomainEvent[] = [];

  constructor(readonly policy: Policy = STANDARD_POLICY) {}

  /** Decides and applies; throws the refusal. */
  run(command: Command, actor: Actor, now: string): DomainEvent[] {
    const events = decide(command, this.state, { now, actor });
    for (const event of events) {
      this.state = evolve(this.state, event);
      this.history.push(event);
    }
    return events;
  }

  /** The refusal's code (fails the test if the command is accepted). */
  refusal(command: Command, actor: Actor, now: string): string {
    try {
      decide(command, this.state, { now, actor });
    } catch (e) {
      if (e instanceof DomainError) {
        expect(e.message).toMatch(/\S/);
        return e.code;
      }
      throw e;
    }
    throw new Error(`${command.type} was accepted`);
  }

  get s(): CandidacyState {
    if (!this.state) throw new Error('no state');
    return this.state;
  }
}

export function opened(policy: Policy = STANDARD_POLICY, at = '2026-03-01T09:00:00.000Z'): Story {
  const story = new Story(policy);
  story.run({ type: 'OpenCandidacy', candidacyId: 'cand-1', cooperativeId: 'coop-1', cycle: 1, policy }, COOP, at);
  return story;
}

export function submitted(): Story {
  const story = opened();
  story.run({ type: 'SaveDraft', dossierVersion: 1 }, COOP, '2026-03-01T10:00:00.000Z');
  story.run({ type: 'SubmitDossier', dossierVersion: 2, dossierHash: 'sha-2' }, COOP, '2026-03-02T10:00:00.000Z');
  return story;
}

export function underReview(session = SESSION_SEPT, placedAt = '2026-08-01T10:00:00.000Z'): Story {
  const story = submitted();
  story.run({ type: 'PlaceOnAgenda', ...session }, SYSTEM, placedAt);
  story.run({ type: 'CloseAgenda', sessionId: session.sessionId }, SYSTEM, session.cutoffAt);
  return story;
}

/** Admissible on 2026-08-31T10:00Z (session of September 2026). */
export function admitted(): Story {
  const story = underReview();
  const decision = { sessionId: SESSION_SEPT.sessionId, motivation: 'Dossier solide' };
  story.run({ type: 'RecordCompleteness', complete: true, ...decision }, COMMITTEE, ADMITTED_AT);
  story.run({ type: 'RecordAdmissibility', admissible: true, ...decision }, COMMITTEE, ADMITTED_AT);
  return story;
}

export const SESSION_AWARD = {
  sessionId: 'session-2027-12',
  sessionDate: '2027-12-14T09:00:00.000Z',
  cutoffAt: '2027-11-22T23:00:00.000Z',
};
export const AWARDED_AT = '2027-12-14T11:00:00.000Z';

/** Ready early, visited on 2027-10-05, report on the agenda of December 2027, agenda closed. */
export function awaitingAward(): Story {
  const story = admitted();
  story.run({ type: 'DeclareReadiness' }, COOP, '2027-09-01T08:00:00.000Z');
  story.run(
    { type: 'ScheduleVisit', visitorId: VISITOR.id, visitDate: '2027-10-05' },
    FEDERATION,
    '2027-09-02T08:00:00.000Z',
  );
  story.run(
    { type: 'FileVisitReport', reportId: 'vr-1', findingsSummary: 'En bonne voie' },
    VISITOR,
    '2027-10-06T08:00:00.000Z',
  );
  story.run({ type: 'PlaceOnAgenda', ...SESSION_AWARD }, SYSTEM, '2027-10-06T08:00:01.000Z');
  story.run({ type: 'CloseAgenda', sessionId: SESSION_AWARD.sessionId }, SYSTEM, SESSION_AWARD.cutoffAt);
  return story;
}

/** Label granted on 2027-12-14: expires 2030-12-16 (14 Dec 2030 is a Saturday). */
export function labelled(): Story {
  const story = awaitingAward();
  story.run(
    { type: 'DecideAward', outcome: 'granted', sessionId: SESSION_AWARD.sessionId, motivation: 'Moyens réunis' },
    COMMITTEE,
    AWARDED_AT,
  );
  return story;
}
