import { RetryKeys } from './retry-keys';

describe("the console's idempotency keys", () => {
  let n = 0;
  const keys = () => new RetryKeys(() => `key-${++n}`);

  it('sends the same request again with the same key while its outcome is unknown', () => {
    const k = keys();
    const first = k.keyFor('POST', '/candidacies/1/help-requests', '{"question":"Q ?"}');
    k.answered(first, 503);
    expect(k.keyFor('POST', '/candidacies/1/help-requests', '{"question":"Q ?"}')).toBe(first);
  });

  it('gives a request never answered (network down) its key again', () => {
    const k = keys();
    const first = k.keyFor('POST', '/candidacies/1/readiness', '');
    expect(k.keyFor('POST', '/candidacies/1/readiness', '')).toBe(first);
  });

  it('forgets a key once an answer settles it, success or refusal', () => {
    const k = keys();
    const done = k.keyFor('PUT', '/candidacies/1/dossier', '{"a":1}');
    k.answered(done, 200);
    expect(k.keyFor('PUT', '/candidacies/1/dossier', '{"a":1}')).not.toBe(done); // A → B → A saves A again
    const refused = k.keyFor('POST', '/candidacies/1/submission', '');
    k.answered(refused, 409);
    expect(k.keyFor('POST', '/candidacies/1/submission', '')).not.toBe(refused);
  });

  it('gives a changed request a new key', () => {
    const k = keys();
    const first = k.keyFor('POST', '/candidacies/1/help-requests', '{"question":"Q ?"}');
    k.answered(first, 503);
    expect(k.keyFor('POST', '/candidacies/1/help-requests', '{"question":"Q, précisée ?"}')).not.toBe(first);
  });
});
