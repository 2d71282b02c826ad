/**
 * A development inbox: MailDev (the `maildev` npm package, v3) in this process, on 127.0.0.1.
 * Every e-mail sent to `smtpUrl` is kept in memory and shown at `webUrl` (web UI); its REST API
 * lists them at `GET <webUrl>/api/email`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { MailDev, PartialMailDevConfig } from 'maildev';

export interface MailCatcher {
  /** For the sender: smtp://127.0.0.1:<port>. */
  smtpUrl: string;
  /** The web UI. */
  webUrl: string;
  /** The REST API: `GET <apiUrl>/email` lists the received e-mails, `DELETE <apiUrl>/email/all` empties the inbox. */
  apiUrl: string;
  stop(): Promise<void>;
}

export interface MailCatcherOptions {
  /** 0 picks a free port. */
  smtpPort: number;
  /** 0 picks a free port. */
  webPort: number;
  /** Keep the e-mails in this folder across restarts (default: in memory only). */
  mailDirectory?: string;
}

const HOST = '127.0.0.1';

export async function startMailCatcher(opts: MailCatcherOptions): Promise<MailCatcher> {
  const MailDevServer = loadMailDev();
  const config: PartialMailDevConfig = {
    smtp: opts.smtpPort,
    ip: HOST,
    web: opts.webPort,
    webIp: HOST,
    silent: true,
    ...(opts.mailDirectory ? { mailDirectory: opts.mailDirectory } : {}),
  };
  const maildev = new MailDevServer(config);
  const servers = await maildev.start();
  const smtpPort = servers.smtp.getAddress().port;
  const webPort = servers.api?.getAddress()?.port ?? opts.webPort;
  const webUrl = `http://${HOST}:${webPort}`;
  return {
    smtpUrl: `smtp://${HOST}:${smtpPort}`,
    webUrl,
    apiUrl: `${webUrl}/api`,
    stop: () => maildev.stop(),
  };
}

/**
 * maildev 3 is ESM-only and exports only an "import" entry, so neither `require('maildev')` nor
 * this package's compiled `import()` (a require, in CommonJS) can load it. Node ≥ 20.19 does
 * require() an ES module by its file path: find the entry through the package's manifest.
 * (Jest's module registry cannot load it: tests start the catcher outside Jest, from dist/.)
 */
function loadMailDev(): new (config: PartialMailDevConfig) => MailDev {
  for (const folder of require.resolve.paths('maildev') ?? []) {
    const manifest = join(folder, 'maildev', 'package.json');
    if (!existsSync(manifest)) continue;
    const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as {
      main?: string;
      exports?: { '.'?: { import?: string } };
    };
    const entry = pkg.exports?.['.']?.import ?? pkg.main ?? 'index.js';
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require(join(dirname(manifest), entry)) as { MailDev: new (config: PartialMailDevConfig) => MailDev })
      .MailDev;
  }
  throw new Error('the maildev package is not installed (npm install)');
}
