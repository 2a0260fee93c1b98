/**
 * Three projects: Node for the contract, domain, functions and stand-in; jsdom for the Taro components;
 * and the compiled weapp build under miniprogram-simulate.
 */
const transform = { '^.+\\.(m?js|jsx|ts|tsx)$': 'babel-jest' };

// Far from China on purpose: every date the app shows or stores must be China time whatever the
// zone of the phone or the server, and tests in a UTC+8 zone could not tell. Set before jest
// starts its workers, which inherit it.
process.env.TZ = 'America/Los_Angeles';

module.exports = {
  projects: [
    {
      displayName: 'node',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/{types,cloudfunctions,local,scripts,test}/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/', '<rootDir>/test/weapp/'],
    },
    {
      displayName: 'web',
      testEnvironment: 'jsdom',
      transform,
      testMatch: ['<rootDir>/src/**/*.test.{ts,tsx}'],
      // Taro's H5 components ship untranspiled ESM.
      transformIgnorePatterns: ['/node_modules/(?!(@tarojs|@stencil|lodash-es|swiper|ssr-window|dom7|tslib|\\.pnpm)/)'],
      moduleNameMapper: {
        '^@tarojs/components$': '@tarojs/components/lib/react',
        '^@tarojs/taro$': '<rootDir>/test/doubles/taro.ts',
        '\\.(css|scss)$': '<rootDir>/test/doubles/style.ts',
      },
      setupFiles: ['<rootDir>/test/doubles/setup-web.ts'],
      globals: {
        ENABLE_INNER_HTML: true,
        ENABLE_ADJACENT_HTML: true,
        ENABLE_SIZE_APIS: true,
        ENABLE_TEMPLATE_CONTENT: true,
        ENABLE_MUTATION_OBSERVER: true,
        ENABLE_CLONE_NODE: true,
        ENABLE_CONTAINS: true,
        DEPRECATED_ADAPTER_COMPONENT: false,
        __TARO_FRAMEWORK__: 'react',
        CLOUD_ENV: '',
      },
    },
    {
      // The compiled WeChat build, rendered by miniprogram-simulate with WeChat's own WXML compiler.
      displayName: 'weapp',
      testEnvironment: 'jsdom',
      transform,
      globalSetup: '<rootDir>/test/weapp/global-setup.ts',
      testMatch: ['<rootDir>/test/weapp/**/*.test.ts'],
    },
  ],
};
