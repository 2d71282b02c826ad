/**
 * `npm run temporal -- <args>`: the Temporal CLI the project installed (`.tools/`), pointed at
 * the system `npm start` runs (TEMPORAL_ADDRESS, else 127.0.0.1:TEMPORAL_PORT, and
 * TEMPORAL_NAMESPACE), e.g. `npm run temporal -- workflow list --query "QcStage = 'on_agenda'"`.
 */
import { spawnSync } from 'node:child_process';
import { loadConfig } from '@qualicoop/platform';
import { temporalCli } from './tools';

const config = loadConfig();
// The CLI reads TEMPORAL_TLS_CERT, TEMPORAL_TLS_KEY, TEMPORAL_TLS_CA and TEMPORAL_API_KEY itself.
const env = { ...process.env, TEMPORAL_ADDRESS: config.temporalAddress, TEMPORAL_NAMESPACE: config.temporalNamespace };
const result = spawnSync(temporalCli(), process.argv.slice(2), { stdio: 'inherit', env });
process.exit(result.status ?? 1);
