/** End-to-end tests: the whole system started the way the README starts it. */
export default {
  rootDir: '.',
  testEnvironment: 'node',
  testMatch: ['**/*.test.js'],
  testTimeout: 300_000,
};
