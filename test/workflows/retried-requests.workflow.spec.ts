/**
 * A request retried with its Idempotency-Key finds what its first attempt stored, so that the
 * workflow is sent the very same command (ADR 17): the cluster's fault test once saw a draft
 * saved twice under one Update id with two versions, and the candidacy could not be replayed.
 */
import { randomUUID } from 'node:crypto';
import { sampleDossier } from '@qualicoop/domain';
import { DossierRepository, ReportRepository } from '@qualicoop/persistence';
import { Harness, startHarness } from '../support/workflow-harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

it('a dossier saved again by the same request is the version its first attempt stored', async () => {
  const dossiers = new DossierRepository(h.ds);
  const candidacy = randomUUID();
  const first = await dossiers.save(candidacy, sampleDossier(), 'user-coop', 'user-coop:key-1');
  const retried = await dossiers.save(candidacy, sampleDossier(), 'user-coop', 'user-coop:key-1');
  expect(retried).toMatchObject({ version: first.version, sha256: first.sha256 });
  const next = await dossiers.save(candidacy, sampleDossier(), 'user-coop', 'user-coop:key-2');
  expect(next.version).toBe(first.version + 1);
  const withoutKey = await dossiers.save(candidacy, sampleDossier(), 'user-coop');
  expect(withoutKey.version).toBe(first.version + 2);
});

it('a report filed again by the same request is the report its first attempt stored', async () => {
  const reports = new ReportRepository(h.ds);
  const candidacy = randomUUID();
  const first = await reports.add(candidacy, 'progress', { checkpoint: 6 }, 'user-coop', 'user-coop:key-1');
  expect(await reports.add(candidacy, 'progress', { checkpoint: 6 }, 'user-coop', 'user-coop:key-1')).toBe(first);
  expect(await reports.add(candidacy, 'progress', { checkpoint: 6 }, 'user-coop', 'user-coop:key-2')).not.toBe(first);
  expect(await reports.add(candidacy, 'progress', { checkpoint: 6 }, 'user-coop')).not.toBe(first);
});
