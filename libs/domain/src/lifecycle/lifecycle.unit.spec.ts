import { ACTOR_COMMANDS, SYSTEM_COMMANDS } from './commands';
import { decide } from './decide';
import { DomainError } from './errors';
import type { DomainEvent } from './domain-events';
import { evolve } from './evolve';
import { needsCommitteeAgenda } from './decide-submission';
import { STANDARD_POLICY } from './policy';
import { isClosed } from './state';
import { pendingTimers } from './pending-timers';
import { admitted, COOP, FEDERATION, labelled, opened, Story, submitted, SYSTEM } from './lifecycle.helpers.spec';

/** What the workflow does when nobody acts: fire the earliest timer, at its time, until none is left. */
function letTimeRun(story: Story, until: (s: Story) => boolean): string[] {
  const fired: string[] = [];
  for (let i = 0; i < 100 && !until(story); i++) {
    const [next] = pendingTimers(story.s);
    if (!next) break;
    const now = Date.parse(next.dueAt) > Date.parse(story.s.updatedAt) ? next.dueAt : story.s.updatedAt;
    story.run(next.command, SYSTEM, now);
    fired.push(next.key);
  }
  return fired;
}

describe('the candidacy lifecycle as a whole', () => {
  it('a silent coop: reminders once each, checkpoints flagged overdue, the window ends at 18 months', () => {
    const story = admitted();
    const fired = letTimeRun(story, (s) => s.s.stage !== 'implementation');
    expect(fired).toEqual([
      'reminder:checkpoint-6:30d',
      'reminder:checkpoint-6:7d',
      'deadline:checkpoint-6-overdue',
      'reminder:checkpoint-12:30d',
      'reminder:checkpoint-12:7d',
      'deadline:checkpoint-12-overdue',
      'reminder:visit-to-plan-1:60d',
      'deadline:implementation-1',
    ]);
    expect(story.s.stage).toBe('visit_to_plan');
    expect(story.s.checkpoints.every((c) => c.overdue)).toBe(true);
    expect(new Set(story.s.remindersSent).size).toBe(story.s.remindersSent.length);
  });

  it('a label nobody renews: three renewal reminders, then it expires', () => {
    const story = labelled();
    story.run({ type: 'FileMidTermReport', reportId: 'mt' }, COOP, '2029-05-01T08:00:00.000Z');
    expect(needsCommitteeAgenda(story.s)).toBe(true);
    const fresh = labelled();
    const fired = letTimeRun(fresh, (s) => isClosed(s.state));
    expect(fired).toEqual([
      'reminder:mid-term:30d',
      'reminder:renewal:6m',
      'reminder:renewal:3m',
      'reminder:renewal:1m',
      'deadline:label-expiry',
    ]);
    expect(fresh.s.stage).toBe('expired');
  });

  it('replaying the history gives the same state; sequence counts the events', () => {
    const story = labelled();
    const replayed = story.history.reduce<ReturnType<typeof evolve> | undefined>(
      (s, e: DomainEvent) => evolve(s, e),
      undefined,
    );
    expect(replayed).toEqual(story.s);
    expect(story.s.sequence).toBe(story.history.length);
    expect(story.history.every((e) => typeof e.at === 'string' && typeof e.by === 'string')).toBe(true);
  });

  it('refuses every command before the candidacy is opened', () => {
    expect(() =>
      decide({ type: 'SaveDraft', dossierVersion: 1 }, undefined, { now: '2026-03-01T00:00:00.000Z', actor: COOP }),
    ).toThrow(expect.objectContaining({ code: 'LIFECYCLE.NO_CANDIDACY' }));
  });

  it('refuses an unknown command type', () => {
    expect(opened().refusal({ type: 'Hack' } as never, COOP, '2026-03-02T00:00:00.000Z')).toBe(
      'LIFECYCLE.INVALID_COMMAND',
    );
    expect(opened().refusal({ type: 'toString' } as never, COOP, '2026-03-02T00:00:00.000Z')).toBe(
      'LIFECYCLE.INVALID_COMMAND',
    );
  });

  it('a coop opens a candidacy only for its own cooperative', () => {
    const story = new Story();
    const open = {
      type: 'OpenCandidacy' as const,
      candidacyId: 'c',
      cooperativeId: 'coop-2',
      cycle: 1,
      policy: STANDARD_POLICY,
    };
    expect(story.refusal(open, COOP, '2026-03-01T00:00:00.000Z')).toBe('LIFECYCLE.OTHER_COOPERATIVE');
    expect(story.refusal({ ...open, cycle: 0 }, FEDERATION, '2026-03-01T00:00:00.000Z')).toBe(
      'LIFECYCLE.INVALID_COMMAND',
    );
    expect(story.refusal({ ...open, label: labelled().s.label! }, FEDERATION, '2026-03-01T00:00:00.000Z')).toBe(
      'LIFECYCLE.INVALID_COMMAND',
    );
  });

  it('only the system sends timer and agenda commands', () => {
    const story = submitted();
    for (const type of SYSTEM_COMMANDS) {
      expect(ACTOR_COMMANDS).not.toContain(type);
      const code = story.refusal({ type } as never, COOP, '2026-03-03T00:00:00.000Z');
      expect(code).toBe('LIFECYCLE.ROLE_NOT_ALLOWED');
    }
    expect(ACTOR_COMMANDS).toContain('SubmitDossier');
    expect(ACTOR_COMMANDS).not.toContain('OpenCandidacy');
  });

  it('a refusal is a DomainError with a stable code and a French message', () => {
    try {
      decide({ type: 'DeclareReadiness' }, opened().s, { now: '2026-03-02T00:00:00.000Z', actor: COOP });
      throw new Error('accepted');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect(e).toMatchObject({
        name: 'DomainError',
        code: 'LIFECYCLE.NOT_ALLOWED_IN_STAGE',
        details: { stage: 'draft' },
      });
      expect((e as Error).message).toBe('Impossible de se déclarer prête pour la visite au stade « brouillon »');
    }
  });

  it('the workflow knows when to look for a committee session', () => {
    expect(needsCommitteeAgenda(opened().s)).toBe(false);
    expect(needsCommitteeAgenda(submitted().s)).toBe(true);
    expect(needsCommitteeAgenda(admitted().s)).toBe(false);
  });
});
