/**
 * e. The web console (issues 11 and 12): the API calls of each screen, made together as the
 * browser makes them, with 10,000 candidacies in the read models; the first load of the console
 * in Chromium with a cold cache (bytes over the wire, time until the sign-in page can be used);
 * and the indicators page drawn in Chromium (until every chart and table is on screen).
 */
import { chromium } from '@playwright/test';
import { Stack } from '../stack';
import { http, token } from '../api-client';
import { openToImplementation } from './drive';
import { summary } from './stats';

const ROUNDS = 200;
const FIRST_LOADS = 5;
const KPI_RENDERS = 5;

export interface ScreenTiming {
  screen: string;
  calls: string[];
  p50: number;
  p95: number;
  p99: number;
}

/**
 * The calls each screen makes when it opens (the session's `/me` once per sign-in, counted on the
 * home pages). `session`: the committee session with the most items on its agenda.
 */
function screens(id: string, coop: string, session: string): Array<[string, Array<[path: string, as: string]>]> {
  const c = `/candidacies/${id}`;
  return [
    [
      'Accueil de la coopérative',
      [
        ['/me', coop],
        ['/candidacies', coop],
        ['/inbox?limit=200', coop],
      ],
    ],
    [
      'Candidature (historique, à faire)',
      [
        [c, coop],
        [`${c}/history`, coop],
        [`/inbox?limit=200&candidacyId=${id}`, coop],
      ],
    ],
    [
      'Dossier de candidature',
      [
        [c, coop],
        [`${c}/dossier`, coop],
        [`${c}/documents`, coop],
      ],
    ],
    [
      "Point d'étape / bilan à mi-parcours",
      [
        [c, coop],
        [`${c}/dossier`, coop],
        [`${c}/reports`, coop],
      ],
    ],
    [
      'Dossier de renouvellement',
      [
        [c, coop],
        [`${c}/renewal-dossier`, coop],
        [`${c}/reports`, coop],
        [`${c}/documents`, coop],
      ],
    ],
    [
      'Mes tâches (Fédération)',
      [
        ['/me', 'federation'],
        ['/inbox?limit=50&offset=0', 'federation'],
        ['/cooperatives', 'federation'],
      ],
    ],
    [
      'Mes tâches, filtre « en retard » (Fédération)',
      [
        ['/inbox?overdue=true&limit=50&offset=0', 'federation'],
        ['/cooperatives', 'federation'],
      ],
    ],
    [
      'Candidatures (Fédération)',
      [
        ['/candidacies?closed=false&limit=25&offset=0', 'federation'],
        ['/cooperatives', 'federation'],
      ],
    ],
    [
      'Candidature (Fédération)',
      [
        [c, 'federation'],
        [`${c}/history`, 'federation'],
        [`/inbox?limit=200&candidacyId=${id}`, 'federation'],
        ['/committee-members', 'federation'],
      ],
    ],
    [
      'Mes tâches (comité)',
      [
        ['/me', 'committee'],
        ['/inbox?limit=200', 'committee'],
      ],
    ],
    ['Séances du comité', [['/committee-sessions', 'committee']]],
    ['Ordre du jour (la séance la plus chargée)', [[`/committee-sessions/${session}/agenda`, 'committee']]],
    [
      'Indicateurs',
      [
        ['/kpis', 'federation'],
        ['/kpis/practices', 'federation'],
      ],
    ],
  ];
}

/** A cooperative's candidacy in its implementation period, with its 6-month report filed. */
export async function consoleCandidacy(stack: Stack): Promise<{ id: string; coop: string }> {
  const coop = `bench-console-${Date.now()}`;
  const id = await openToImplementation(stack.apiUrl, coop);
  const filed = await http(stack.apiUrl, 'POST', `/candidacies/${id}/checkpoints/6/report`, coop, {
    indicators: [{ engagementId: 'A1', indicatorName: 'Indicateur de suivi A1', value: 48 }],
    actions: [{ action: 'Mettre en place un comité de suivi trimestriel', status: 'in_progress' }],
    comment: 'Bench',
  });
  if (filed.status !== 200) throw new Error(`report: ${filed.status} ${JSON.stringify(filed.body)}`);
  return { id, coop };
}

/** Each screen's calls in parallel, ROUNDS times one after the other: the wall time of the slowest call. */
export async function consoleScreens(
  stack: Stack,
  { id, coop }: { id: string; coop: string },
): Promise<ScreenTiming[]> {
  const headers = new Map(
    await Promise.all(
      [coop, 'federation', 'committee'].map(
        async (who) => [who, { authorization: `Bearer ${await token(who)}` }] as const,
      ),
    ),
  );
  const get = async (path: string, as: string) => {
    const res = await fetch(`${stack.apiUrl}${path}`, { headers: headers.get(as) });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
  };
  const kpis = (await (await fetch(`${stack.apiUrl}/kpis`, { headers: headers.get('federation') })).json()) as {
    committeeWorkload: Array<{ sessionId: string; items: number }>;
  };
  const busiest = [...kpis.committeeWorkload].sort((a, b) => b.items - a.items)[0];
  if (!busiest) throw new Error('no committee session to read an agenda from');
  const timings: ScreenTiming[] = [];
  for (const [screen, calls] of screens(id, coop, busiest.sessionId)) {
    const open = () => Promise.all(calls.map(([path, as]) => get(path, as)));
    for (let i = 0; i < 10; i++) await open(); // warm-up
    const samples: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const start = process.hrtime.bigint();
      await open();
      samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    const s = summary(samples);
    timings.push({
      screen,
      calls: calls.map(([path]) => path.replace(id, '{id}').replace(busiest.sessionId, '{session}')),
      p50: s.p50,
      p95: s.p95,
      p99: s.p99,
    });
  }
  return timings;
}

/** Debian's Chromium, headless, as the browser tests run it. */
const launchChromium = () =>
  chromium.launch({ executablePath: process.env.QC_CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });

export interface FirstLoad {
  runs: number;
  /** Bytes over the wire for the page and everything it loads, until the sign-in page is usable (median). */
  transferredKB: number;
  /** The same resources' decoded size (what compression saves). */
  decodedKB: number;
  /** From navigation to the sign-in buttons visible and enabled (median, ms). */
  interactiveMs: number;
  domContentLoadedMs: number;
}

/** The console's first load, each run in a fresh browser context (nothing cached). */
export async function consoleFirstLoad(stack: Stack): Promise<FirstLoad> {
  const browser = await launchChromium();
  const runs: Array<{ transferred: number; decoded: number; interactive: number; dcl: number }> = [];
  try {
    for (let i = 0; i < FIRST_LOADS; i++) {
      const context = await browser.newContext({ locale: 'fr-FR' });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      let transferred = 0;
      cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => (transferred += e.encodedDataLength));
      const start = Date.now();
      await page.goto(`${stack.apiUrl}/console/`);
      await page
        .getByRole('button', { name: /^Se connecter en tant que/ })
        .first()
        .waitFor({ state: 'visible' });
      const interactive = Date.now() - start;
      const timing = await page.evaluate<{ dcl: number; decoded: number }>(
        `(() => { const n = performance.getEntriesByType('navigation')[0];
          const r = performance.getEntriesByType('resource');
          return { dcl: n.domContentLoadedEventEnd, decoded: n.decodedBodySize + r.reduce((s, e) => s + e.decodedBodySize, 0) }; })()`,
      );
      runs.push({ transferred, decoded: timing.decoded, interactive, dcl: timing.dcl });
      await context.close();
    }
  } finally {
    await browser.close();
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return {
    runs: runs.length,
    transferredKB: Math.round(median(runs.map((r) => r.transferred)) / 102.4) / 10,
    decodedKB: Math.round(median(runs.map((r) => r.decoded)) / 102.4) / 10,
    interactiveMs: median(runs.map((r) => r.interactive)),
    domContentLoadedMs: Math.round(median(runs.map((r) => r.dcl))),
  };
}

export interface KpiPageRender {
  runs: number;
  /** Charts drawn on the page. */
  charts: number;
  /** From navigation to every chart drawn and every table shown (median and slowest, ms). */
  medianMs: number;
  maxMs: number;
}

/** The indicators page opened by the Fédération in Chromium, signed in once, opened `KPI_RENDERS` times. */
export async function consoleKpiRender(stack: Stack): Promise<KpiPageRender> {
  const browser = await launchChromium();
  const times: number[] = [];
  let charts = 0;
  try {
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${stack.apiUrl}/console/`);
    await page.getByRole('button', { name: 'Se connecter en tant que Équipe de la Fédération' }).click();
    await page.getByRole('button', { name: 'Se déconnecter' }).waitFor({ state: 'visible' });
    for (let i = 0; i < KPI_RENDERS + 1; i++) {
      await page.getByRole('link', { name: 'Mes tâches' }).click();
      const start = Date.now();
      await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Indicateurs' }).click();
      await page
        .getByRole('table', { name: 'Engagements choisis et indicateurs utilisés' })
        .waitFor({ state: 'visible' });
      await page.locator('svg.recharts-surface').nth(4).waitFor({ state: 'visible' });
      if (i > 0) times.push(Date.now() - start); // the first one warms the caches up
      charts = await page.locator('svg.recharts-surface').count();
    }
    await context.close();
  } finally {
    await browser.close();
  }
  const sorted = [...times].sort((a, b) => a - b);
  return { runs: times.length, charts, medianMs: sorted[Math.floor(sorted.length / 2)]!, maxMs: sorted.at(-1)! };
}
