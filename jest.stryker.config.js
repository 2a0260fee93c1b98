/** The node tests that exercise cloudfunctions/, for StrykerJS (see stryker.config.json). */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(m?js|jsx|ts|tsx)$': 'babel-jest' },
  testMatch: [
    '<rootDir>/cloudfunctions/**/*.test.ts',
    '<rootDir>/test/contract/**/*.test.ts',
    '<rootDir>/test/cloudbase/store-over-sdk.test.ts',
  ],
};
