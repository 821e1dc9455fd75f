// One project, two change-detection modes: ANGULAR_MODE=zoneless (default) or zone.
// scripts/test-angular.mjs runs both, here and in ../angular-21.
const { createCjsPreset } = require('jest-preset-angular/presets');

const mode = process.env.ANGULAR_MODE === 'zone' ? 'zone' : 'zoneless';

/** @type {import('jest').Config} */
module.exports = {
  ...createCjsPreset({ tsconfig: '<rootDir>/tsconfig.spec.json' }),
  rootDir: __dirname,
  roots: ['<rootDir>/specs'],
  testMatch: ['**/*.spec.ts'],
  // the zone/ specs use zone.js's fake clock (fakeAsync, tick, waitForAsync): zone.js only
  // package/ reads the packed package once (zoneless run); zone/ needs zone.js
  testPathIgnorePatterns: mode === "zone" ? ["/node_modules/", "/package/"] : ["/node_modules/", "/zone/"],
  setupFilesAfterEnv: [`<rootDir>/specs/setup/${mode}.ts`],
};
