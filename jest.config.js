/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: { module: 'CommonJS', moduleResolution: 'Bundler', isolatedModules: true } }],
  },
  // sources import each other with `.js`, as Node's ESM wants; jest resolves the `.ts`
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1',
    '^rxjs-asyncer$': '<rootDir>/src/index.ts',
    '^rxjs-asyncer/operators$': '<rootDir>/operators/index.ts',
    '^rxjs-asyncer/timeline$': '<rootDir>/timeline/index.ts',
    '^rxjs-asyncer/workers$': '<rootDir>/workers/index.ts',
    '^rxjs-asyncer/redis$': '<rootDir>/redis/index.ts',
    '^rxjs-asyncer/bullmq$': '<rootDir>/bullmq/index.ts',
    '^rxjs-asyncer/otel$': '<rootDir>/otel/index.ts',
    '^rxjs-asyncer/node$': '<rootDir>/node/index.ts',
  },
  // jest-circus fails the test during which a promise rejection goes unhandled; give it one
  // turn of the event loop to see rejections that happen right at a test's end.
  // test/suiteGuards.test.ts proves this guard really fires.
  waitForUnhandledRejections: true,
  testPathIgnorePatterns: ['/node_modules/', '/test/fixtures/'],
  // the Angular test projects have their own jest, packages and lock files (scripts/test-angular.mjs)
  modulePathIgnorePatterns: ['<rootDir>/test/angular', '<rootDir>/test/angular-21', '<rootDir>/test/types-matrix'],
};
