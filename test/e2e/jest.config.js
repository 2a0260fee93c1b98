/** Browser end-to-end tests: Debian chromium driven by playwright-core against the stand-in. */
module.exports = {
  rootDir: '../..',
  displayName: 'e2e',
  testEnvironment: 'node',
  transform: { '^.+\\.(m?js|jsx|ts|tsx)$': 'babel-jest' },
  testMatch: ['<rootDir>/test/e2e/**/*.e2e.ts'],
  testTimeout: 120_000,
};
