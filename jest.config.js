/** Two projects: Node for the contract, domain, functions and stand-in; jsdom for the Taro components. */
const transform = { '^.+\\.(m?js|jsx|ts|tsx)$': 'babel-jest' };

module.exports = {
  projects: [
    {
      displayName: 'node',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/{types,cloudfunctions,local,scripts,test}/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/'],
    },
    {
      displayName: 'web',
      testEnvironment: 'jsdom',
      transform,
      testMatch: ['<rootDir>/src/**/*.test.{ts,tsx}', '<rootDir>/test/weapp/**/*.test.{ts,tsx}'],
    },
  ],
};
