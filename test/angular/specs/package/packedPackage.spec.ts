import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { VERSION } from '@angular/core';
import * as angular from 'rxjs-asyncer/angular';

// Reads the library as installed from `npm pack` output (scripts/test-angular.mjs unpacks it).
const installed = join(__dirname, '..', '..', 'node_modules', 'rxjs-asyncer');

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.js') || path.endsWith('.d.ts') ? [path] : [];
  });

describe('the packed package', () => {
  it.each(['esm', 'cjs'])('its %s main, operators and timeline builds import nothing from Angular', (format) => {
    const files = ['src', 'operators', 'timeline'].flatMap((entry) => filesUnder(join(installed, 'dist', format, entry)));
    expect(files.length).toBeGreaterThan(50);
    const offenders = files.filter((file) => /@angular\//.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('declares Angular as an optional peer, in the range the test matrix proves (21 and 22)', () => {
    const pkg = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
    expect(pkg.peerDependencies['@angular/core']).toBe('>=21 <23');
    expect(pkg.peerDependencies['@angular/common']).toBe('>=21 <23');
    expect(pkg.peerDependenciesMeta['@angular/core']).toEqual({ optional: true });
    expect(pkg.peerDependenciesMeta['@angular/common']).toEqual({ optional: true });
    expect(pkg.exports['./angular'].require.default).toBe('./dist/cjs/angular/index.js');
  });

  it('runs on the Angular and TypeScript this project pins', () => {
    const typescript = JSON.parse(readFileSync(join(__dirname, '..', '..', 'node_modules', 'typescript', 'package.json'), 'utf8')).version as string;
    expect(VERSION.major).toBe(process.env['EXPECTED_ANGULAR']);
    expect(typescript.startsWith(`${process.env['EXPECTED_TYPESCRIPT']}.`)).toBe(true);
  });

  it('rxjs-asyncer/angular exports exactly these values', () => {
    expect(Object.keys(angular).sort()).toEqual(['injectScope', 'injectTaskGroup', 'joinInBackground', 'limitRequests', 'progressSignal', 'soonSignal', 'taskGroupResource']);
  });
});
