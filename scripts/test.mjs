#!/usr/bin/env node
// npm test: every check of the project in one run, ending with one line "N passed, N failed".
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';

fs.mkdirSync('.tmp', { recursive: true });
let passed = 0;
let failed = 0;
const failures = [];

function run(label, cmd, args) {
  console.log(`\n=== ${label} ===`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  return r.status === 0;
}

/** A step that is one check: it passes or fails as a whole. */
function check(label, cmd, args) {
  if (run(label, cmd, args)) passed++;
  else {
    failed++;
    failures.push(label);
  }
}

/** A step whose runner writes a JSON report of its own tests. */
function suite(label, cmd, args, report, count) {
  fs.rmSync(report, { force: true });
  const ok = run(label, cmd, args);
  let counts = { passed: 0, failed: 0 };
  try {
    counts = count(JSON.parse(fs.readFileSync(report, 'utf8')));
  } catch {
    // no report: the runner itself failed
  }
  if (!ok && counts.failed === 0) counts.failed = 1;
  passed += counts.passed;
  failed += counts.failed;
  if (counts.failed) failures.push(label);
}

// Each room is type-checked with its own platform's types (TypeScript 7; see ARCHITECTURE.md).
const TSC = 'node_modules/typescript-native/bin/tsc';
check('typecheck: core (src/, Node, no DOM)', process.execPath, [TSC, '-b', 'src']);
check('typecheck: renderer (DOM, no Node)', process.execPath, [TSC, '-b', 'renderer']);
check('typecheck: desktop shell (electron/)', process.execPath, [TSC, '-b', 'electron']);
check('typecheck: tests and scripts', process.execPath, [TSC, '-b', 'test']);
check('lint (ESLint: typescript-eslint, React hooks, import boundaries)', 'npx', ['eslint', '.', '--max-warnings', '0']);
check('format (Prettier)', 'npx', ['prettier', '--check', '.']);
suite(
  'unit tests (vitest)',
  'npx',
  ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=.tmp/vitest.json'],
  '.tmp/vitest.json',
  (r) => ({
    passed: r.numPassedTests,
    failed: r.numFailedTests + (r.numTotalTestSuites > 0 && r.testResults.some((t) => t.status === 'failed' && t.assertionResults.length === 0) ? 1 : 0),
  }),
);
check('build the renderer', 'npx', ['vite', 'build', '--logLevel', 'warn']);
// The bench runs (its figures are not judged here: timings on a shared machine are no test).
check('bench, quick', 'npx', ['tsx', 'scripts/bench.ts', '--quick']);
check('build the desktop shell', process.execPath, ['scripts/build-electron.mjs']);
check('security scan (Electronegativity: no HIGH or MEDIUM finding)', process.execPath, ['scripts/security/electronegativity.cjs']);
check('desktop package layout (electron-builder --linux dir, stub Electron)', process.execPath, ['scripts/check-package.mjs']);
suite('end-to-end tests (Playwright, Chromium)', 'npx', ['playwright', 'test'], '.tmp/playwright.json', (r) => ({
  passed: r.stats.expected + r.stats.flaky,
  failed: r.stats.unexpected,
}));

if (failures.length) console.log(`\nFailed: ${failures.join(', ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
