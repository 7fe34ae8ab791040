import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

/** The tests drive web mode as `npm start` runs it: built from this checkout's source, once per run (about a second). */
export default function globalSetup() {
  const root = path.resolve(import.meta.dirname, '..', '..');
  execFileSync(process.execPath, ['scripts/build-web.mjs'], { cwd: root, stdio: 'inherit' });
}
