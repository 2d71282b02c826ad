/** A retried request sends the very same command under the same Update id (ADR 17). */
import { Command } from '@qualicoop/domain';
import { derivedId, requestKeyOf, updateIdOf } from './candidacy-commands.service';

const draft = (dossierVersion: number): Command => ({ type: 'SaveDraft', dossierVersion, dossierHash: 'abc' });

describe('the Update id of a command sent with an Idempotency-Key', () => {
  it('is the same for the same command and key, so Temporal answers a retry with the first outcome', () => {
    expect(updateIdOf(draft(1), 'key-1')).toBe(updateIdOf(draft(1), 'key-1'));
    expect(updateIdOf(draft(1), 'key-1')).toMatch(/^SaveDraft:key-1:[0-9a-f]{16}$/);
  });

  it('differs when the arguments differ, so a different command is never taken for the first one', () => {
    expect(updateIdOf(draft(2), 'key-1')).not.toBe(updateIdOf(draft(1), 'key-1'));
  });
});

describe('the ids and keys the API gives what a request stores', () => {
  const caller = { sub: 'user-coop-1', role: 'coop' as const, cooperativeId: 'coop-1' };

  it('keys stored rows by caller and Idempotency-Key, and not at all without a key', () => {
    expect(requestKeyOf(caller, 'k')).toBe('user-coop-1:k');
    expect(requestKeyOf(caller)).toBeUndefined();
  });

  it("derives a help request's id from the request's key: every attempt names the same request", () => {
    const id = derivedId('candidacy-1', 'user-coop-1:k');
    expect(derivedId('candidacy-1', 'user-coop-1:k')).toBe(id);
    expect(derivedId('candidacy-2', 'user-coop-1:k')).not.toBe(id);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(derivedId('candidacy-1')).not.toBe(derivedId('candidacy-1'));
  });
});
