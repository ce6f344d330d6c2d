/**
 * `npm run test:cluster` only: docker-compose.yml's topology run natively (PostgreSQL, the Temporal server, two
 * workers and the API as processes), minutes long, so `npm test` leaves test/cluster/ out.
 */
const base = require('./jest.config');

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: base.testEnvironment,
  transform: base.transform,
  transformIgnorePatterns: base.transformIgnorePatterns,
  roots: ['<rootDir>/test/cluster'],
  testMatch: ['**/*.test.ts'],
  // No shared dev server: the cluster brings its own Temporal server.
  testTimeout: 600_000,
  maxWorkers: 1,
};
