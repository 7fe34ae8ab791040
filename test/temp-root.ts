import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * One temporary folder for a whole test run, removed when it ends: every folder the tests, the
 * apps and command lines they start (and Chromium) make under the system's temporary folder goes
 * in it, through TMPDIR. Each run used to leave about a gigabyte of libraries behind.
 * Returns what undoes it, for the runners' global setup (Vitest's and Playwright's).
 */
export function useTempRoot(): () => void {
  const before = process.env.TMPDIR;
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dr-run-'));
  process.env.TMPDIR = root;
  return () => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    try {
      fs.rmSync(root, { recursive: true, force: true, maxRetries: 3 });
    } catch (error) {
      // A process still writing there must not fail a run whose tests passed: say so, and leave it.
      console.warn(`Could not remove the tests' temporary folder ${root}: ${(error as Error).message}`);
    }
  };
}

/** Vitest's global setup: the returned function is its teardown. */
export default function setup() {
  return useTempRoot();
}
