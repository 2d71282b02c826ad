/**
 * Determinism guard: the recorded histories of every path (test/fixtures/histories, written by
 * `QC_RECORD_HISTORIES=1 npm run test:workflow`) replay against the current workflow code.
 * A change that would break running candidacies fails here, before it reaches them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { HISTORY_FIXTURES, workflowBundle } from '../support/workflow-harness';

/** `<code version>/<suite>.<cooperative>.<run>.history.pb` */
const fixtures = readdirSync(HISTORY_FIXTURES, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.history.pb'))
  .sort();

function* histories() {
  for (const file of fixtures) {
    const history = temporal.api.history.v1.History.decode(readFileSync(join(HISTORY_FIXTURES, file)));
    yield { workflowId: file, history };
  }
}

it('has recorded histories of every path', () => {
  expect(fixtures.length).toBeGreaterThanOrEqual(20);
  for (const suite of ['happy-path', 'dossier-paths', 'label-paths'])
    expect(fixtures.some((f) => f.startsWith(`v1/${suite}.`))).toBe(true);
});

it('replays every recorded history with the current workflow code', async () => {
  const failures: string[] = [];
  let replayed = 0;
  for await (const result of Worker.runReplayHistories({ workflowBundle: await workflowBundle() }, histories())) {
    replayed += 1;
    if (result.error) failures.push(`${result.workflowId}: ${result.error.message}`);
  }
  expect(failures).toEqual([]);
  expect(replayed).toBe(fixtures.length);
});

it('gates each patched change: v1 runs replay without markers, v2 runs record the session lookup, v3 runs the Paris time rule, v4 the next deadline as due date', () => {
  const patchIds = (file: string) =>
    (temporal.api.history.v1.History.decode(readFileSync(join(HISTORY_FIXTURES, file))).events ?? [])
      .filter((e) => e.markerRecordedEventAttributes?.markerName === 'core_patch')
      .flatMap((e) => Object.values(e.markerRecordedEventAttributes?.details ?? {}))
      .flatMap((p) => p.payloads ?? [])
      .map((p) => Buffer.from(p.data ?? []).toString('utf8'));
  const happy = (v: string) => fixtures.filter((f) => f.startsWith(`${v}/happy-path.`));
  expect(happy('v1').flatMap(patchIds)).toEqual([]);
  for (const v of ['v2', 'v3', 'v4']) expect(happy(v).length).toBeGreaterThan(0);
  const v2 = happy('v2').flatMap(patchIds).join(' ');
  const v3 = happy('v3').flatMap(patchIds).join(' ');
  const v4 = happy('v4').flatMap(patchIds).join(' ');
  expect(v2).not.toContain('paris-time-rule');
  expect(v3).toContain('paris-time-rule');
  expect(v3).toContain('session-lookup-as-local-activity');
  expect(v3).not.toContain('next-deadline-is-due-date');
  expect(v4).toContain('next-deadline-is-due-date');
});
