/**
 * Component tests of the admin panel: jsdom + @testing-library/react, like the mini-program's.
 * The root jest.config.js includes this as the `admin` project.
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
  displayName: 'admin',
  rootDir: __dirname,
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/src/**/*.test.{ts,tsx}'],
  transform: { '^.+\\.[jt]sx?$': babel },
  moduleNameMapper: {
    '^@minqing/shared$': path.join(__dirname, '../../shared/src/index.ts'),
    '\\.(css)$': '<rootDir>/test/style.cjs',
    '^rc-util/lib/Dom/dynamicCSS$': '<rootDir>/test/noStyles.cjs',
  },
  setupFilesAfterEnv: ['<rootDir>/test/setup.ts'],
};
