import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const SAMPLE_PATH = path.resolve(import.meta.dirname, '..', 'resources', 'trending-papers.txt');
export const SAMPLE = fs.readFileSync(SAMPLE_PATH, 'utf8');
export const SECOND_PATH = path.resolve(import.meta.dirname, 'fixtures', 'second-digest.txt');
export const SECOND = fs.readFileSync(SECOND_PATH, 'utf8');

/** A fresh temporary folder, removed when the test run ends (test/temp-root.ts). */
export function tempDir(prefix = 'dr-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}
