/** CMS integration tests: Strapi booted in-process on a real database (TEST_DATABASE=sqlite|postgres). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  transformIgnorePatterns: ['/node_modules/', '<rootDir>/dist/'],
  testTimeout: 60_000,
  // The tests boot the compiled CMS: refuse to run them against a stale build.
  globalSetup: '<rootDir>/tests/helpers/built.js',
};
