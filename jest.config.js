/**
 * One test command for the whole repository. Server tests run on SQLite and, when
 * MYSQL_URL is set, a second time on MySQL/MariaDB; the mini-program's tests run in jsdom.
 */
/** Type checking is `npm run typecheck`'s job; here TypeScript only transpiles, file by file. */
const tsJest = ['ts-jest', { tsconfig: '<rootDir>/server/tsconfig.jest.json', diagnostics: false }];

const common = {
  transform: { '^.+\\.tsx?$': tsJest },
  moduleNameMapper: { '^@minqing/shared$': '<rootDir>/shared/src/index.ts' },
  testEnvironment: 'node',
  rootDir: __dirname,
};

const projects = [
  { ...common, displayName: 'shared', testMatch: ['<rootDir>/shared/src/**/*.test.ts'] },
  // The repository's own tools: scripts/test (the WeChat compile check).
  { ...common, displayName: 'tooling', testMatch: ['<rootDir>/scripts/**/*.test.ts'] },
  {
    ...common,
    displayName: 'server:sqlite',
    testMatch: ['<rootDir>/server/src/**/*.test.ts'],
    setupFiles: ['<rootDir>/server/src/test/env.sqlite.ts'],
  },
  // The mini-program: jsdom, babel-jest and Taro mocks (miniapp/jest.config.js).
  require('./miniapp/jest.config.js'),
  // The staff admin panel: jsdom, babel-jest (server/admin/jest.config.cjs).
  require('./server/admin/jest.config.cjs'),
  // The mini-program's H5 build (miniapp/dist/h5) and the admin panel (server/admin/dist), both built
  // before jest by `npm test`, in headless Chromium against the real server in demo mode:
  // e2e/harness.ts and server/admin/e2e/adminHarness.ts.
  {
    ...common,
    displayName: 'e2e',
    testMatch: ['<rootDir>/miniapp/e2e/**/*.e2e.test.ts', '<rootDir>/server/admin/e2e/**/*.e2e.test.ts'],
    setupFilesAfterEnv: ['<rootDir>/e2e/setup.ts'],
  },
];
if (process.env.MYSQL_URL) {
  projects.push({
    ...common,
    displayName: 'server:mysql',
    testMatch: ['<rootDir>/server/src/**/*.test.ts'],
    setupFiles: ['<rootDir>/server/src/test/env.mysql.ts'],
  });
}

module.exports = { projects, testTimeout: 30000 };
