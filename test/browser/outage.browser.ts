/**
 * An outage seen from the console: an API instance whose road to the Temporal server is cut (a
 * TCP relay in front of the real server, closed by the test, as a network partition would). The
 * reads still come from PostgreSQL; a decision is answered 503 and the console says so in French,
 * next to the button, keeping what was typed.
 */
import { expect, test } from '@playwright/test';
import type { ChildProcess } from 'node:child_process';
import { as } from './api-actor';
import { startExtraApi } from './extra-api';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { lookAt } from './screens';
import { BROWSER_STACK } from './stack';

const RELAY_PORT = 26190;
const OUTAGE_API_PORT = 26002;
const OUTAGE_API = `http://127.0.0.1:${OUTAGE_API_PORT}`;

/** A TCP relay to the Temporal server that can be cut: open connections dropped, new ones refused. */
function temporalRelay(): { server: Server; cut(): void; restore(): void } {
  let cut = false;
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    if (cut) return void client.destroy();
    const upstream = connect(BROWSER_STACK.ports.temporal, '127.0.0.1');
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => undefined);
    }
    client.pipe(upstream).pipe(client);
  });
  return {
    server,
    cut() {
      cut = true;
      for (const s of sockets) s.destroy();
    },
    restore() {
      cut = false;
    },
  };
}

let relay: ReturnType<typeof temporalRelay>;
let api: ChildProcess;

test.beforeAll(async () => {
  relay = temporalRelay();
  await new Promise<void>((listening) => relay.server.listen(RELAY_PORT, '127.0.0.1', listening));
  api = await startExtraApi(OUTAGE_API_PORT, {
    TEMPORAL_ADDRESS: `127.0.0.1:${RELAY_PORT}`,
    // How long the API waits for the process engine before answering 503 (15 s by default).
    QC_COMMAND_TIMEOUT_MS: '5000',
  });
});

test.afterAll(async () => {
  api?.kill('SIGTERM');
  await new Promise((closed) => relay?.server.close(closed));
});

test('the process engine out of reach: a 503 explained in French, and the question typed is kept', async ({
  page,
  request,
}) => {
  test.setTimeout(180_000); // the API's 5 s wait, then a reconnection to the process engine
  // Marc's cooperative has a candidacy (the journeys before this one leave it labelled; run alone, one is opened).
  const marc = await as(request, 'coop-provence');
  const mine = (await marc.get('/candidacies')) as { items: unknown[] };
  if (mine.items.length === 0) await marc.post('/candidacies', { cooperativeId: 'coop-provence' });

  await page.goto(`${OUTAGE_API}/console/`);
  await page.getByRole('button', { name: 'Se connecter en tant que Marc Durand (Provence Logis)' }).click();
  await page.getByRole('link', { name: 'Voir la candidature et son historique' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: /^Candidature — cycle/ })).toBeVisible();

  relay.cut();
  const help = page.getByRole('region', { name: 'Accompagnement de la Fédération' });
  const question = 'Pouvons-nous présenter le bilan à mi-parcours lors de notre assemblée générale ?';
  await help.getByLabel('Votre question').fill(question);
  await help.getByRole('button', { name: 'Envoyer la demande' }).click();
  const unconfirmed = help.getByRole('alert').filter({ hasText: "La demande n'a pas pu être confirmée" });
  await expect(unconfirmed).toContainText(
    "Réessayez dans un instant : si elle l'était déjà, elle ne sera pas faite deux fois.",
    { timeout: 30_000 }, // after the API's 5 s wait
  );
  await expect(help.getByLabel('Votre question')).toHaveValue(question);
  await expect(help.getByText(/^Votre question du .* : Pouvons-nous/)).toHaveCount(0);
  await lookAt(page, '25-service-indisponible', help);

  // The road is back: the same request again (same Idempotency-Key) is asked once.
  relay.restore();
  await expect(async () => {
    await help.getByRole('button', { name: 'Envoyer la demande' }).click();
    await expect(help.getByLabel('Votre question')).toHaveValue('', { timeout: 10_000 });
  }).toPass({ timeout: 90_000 });
  await expect(help.getByText(/^Votre question du .* : Pouvons-nous présenter le bilan/)).toHaveCount(1);
});
