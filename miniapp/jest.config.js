/**
 * Unit tests of the mini-program: jsdom + @testing-library/react, with @tarojs/taro and
 * @tarojs/components replaced by the mocks in test/mocks (see README "How to test").
 * The root jest.config.js includes this as the `miniapp` project; `npx jest` here runs it alone.
 */
const path = require('node:path');

const babel = [
  'babel-jest',
  {
    configFile: false,
    babelrc: false,
    presets: [
      ['@babel/preset-env', { targets: { node: 'current' } }],
      '@babel/preset-typescript',
      ['@babel/preset-react', { runtime: 'automatic' }],
    ],
  },
];

module.exports = {
  displayName: 'miniapp',
  rootDir: __dirname,
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/src/**/*.test.{ts,tsx}', '<rootDir>/test/**/*.test.{ts,tsx}'],
  transform: { '^.+\\.[jt]sx?$': babel },
  moduleNameMapper: {
    '^@minqing/shared$': path.join(__dirname, '../shared/src/index.ts'),
    '^@tarojs/taro$': '<rootDir>/test/mocks/taro.ts',
    '^@tarojs/components$': '<rootDir>/test/mocks/components.tsx',
    '\\.(css|scss|sass)$': '<rootDir>/test/mocks/style.ts',
    '\\.(png|jpe?g|gif|svg|mp3)$': '<rootDir>/test/mocks/file.ts',
    '^@/(.*)$': '<rootDir>/src/$1',
  },
  setupFiles: ['<rootDir>/test/setup.ts'],
  setupFilesAfterEnv: ['<rootDir>/test/setupAfterEnv.ts'],
};
