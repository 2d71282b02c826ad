// One Jest run, three kinds of tests (each its own project, selectable with --selectProjects).
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
  },
];
const common = {
  // jose ships as ECMAScript modules only: Jest's CommonJS loader needs it compiled like our code.
  transform: { '^.+\\.ts$': swc, '/node_modules/jose/.+\\.js$': swc },
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  moduleNameMapper: {
    '^@qualicoop/(domain|contracts|persistence|platform)$': '<rootDir>/libs/$1/src',
    '^@qualicoop/infra$': '<rootDir>/infra/src',
  },
  testEnvironment: 'node',
  rootDir: __dirname,
};
module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,workflows,infra}/**/*.unit.spec.ts'] },
    {
      ...common,
      displayName: 'workflow',
      testMatch: ['<rootDir>/test/**/*.workflow.spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/support/long-timeout.js'],
      globalSetup: '<rootDir>/test/support/workflow-global-setup.js',
      globalTeardown: '<rootDir>/test/support/workflow-global-teardown.js',
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e.spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.js',
      globalTeardown: '<rootDir>/test/support/global-teardown.js',
      setupFilesAfterEnv: ['<rootDir>/test/support/long-timeout.js'],
    },
  ],
};
