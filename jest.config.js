/** Three layers: unit (no server), workflow (time-skipping server), e2e (dev server + HTTP). */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // The native cluster run has its own config (jest.cluster.config.js, `npm run test:cluster`).
  testPathIgnorePatterns: ['/node_modules/', '/test/cluster/'],
  transform: {
    '^.+\\.ts$': ['@swc/jest'],
    '^.+/node_modules/jose/.+\\.js$': ['@swc/jest'],
    '^.+/node_modules/@electric-sql/pglite/.+\\.cjs$': ['@swc/jest'],
  },
  // jose ships ESM only, and Jest's module registry does not load ESM through require(), so it is compiled like our
  // own sources. PGlite's CommonJS build loads Node's modules with import(), which Jest's sandbox refuses without
  // --experimental-vm-modules: compiled, those become require().
  transformIgnorePatterns: ['/node_modules/(?!jose/|@electric-sql/pglite/)'],
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  setupFiles: ['<rootDir>/test/setup-runtime.ts'],
  // Hooks too: a stack's teardown waits for its worker's activities, and from 0.5.0 on a case renders its documents
  // (PDFs, CPU-bound) beside the browser tests on two cores.
  testTimeout: 120_000,
  // Each workflow suite starts a time-skipping server, the e2e suites share one dev server; two cores fit two at a time.
  maxWorkers: 2,
};
