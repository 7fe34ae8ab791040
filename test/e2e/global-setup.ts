import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { useTempRoot } from '../temp-root';

/**
 * The tests drive web mode as `npm start` runs it: built from this checkout's source, once per run
 * (about a second). Their libraries go in one temporary folder, removed after the run.
 */
export default function globalSetup() {
  const root = path.resolve(import.meta.dirname, '..', '..');
  execFileSync(process.execPath, ['scripts/build-web.mjs'], { cwd: root, stdio: 'inherit' });
  return useTempRoot();
}
