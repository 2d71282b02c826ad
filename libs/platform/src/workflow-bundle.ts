/**
 * How the workflow code is bundled: the bundler does not read tsconfig `paths`, so the
 * @qualicoop aliases are given to webpack here — from the compiled dist/ at run time, from the
 * TypeScript sources in tests.
 */
import { join } from 'node:path';
import type { BundleOptions } from '@temporalio/worker';

export function workflowBundleOptions(root: string, source: 'dist' | 'src'): BundleOptions {
  const base = source === 'dist' ? join(root, 'dist') : root;
  const ext = source === 'dist' ? 'js' : 'ts';
  return {
    workflowsPath: join(base, `workflows/src/index.${ext}`),
    webpackConfigHook: (config) => ({
      ...config,
      resolve: {
        ...config.resolve,
        alias: {
          ...(config.resolve?.alias as Record<string, string>),
          '@qualicoop/domain': join(base, 'libs/domain/src'),
          '@qualicoop/contracts': join(base, 'libs/contracts/src'),
        },
      },
    }),
  };
}
