import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireLock, LibraryLockedError } from '../../../src/storage/lock';
import { UserStore } from '../../../src/storage/user-store';
import { tempDir } from '../../helpers';

const CONTENDER = path.join(import.meta.dirname, 'drivers', 'lock-contender.ts');
const ROUNDS = Number(process.env.LOCK_ROUNDS ?? 30);
const CONTENDERS = 6;

/** A pid no process has now: a short-lived child's, after it exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout as unknown as number;
}

/** Waits for `check`, failing with what the contenders said if one of them died or 20 s went by. */
async function waitFor(check: () => boolean, died: () => string | undefined, what: string, ms = 20_000) {
  const deadline = Date.now() + ms;
  while (!check()) {
    const why = died() ?? (Date.now() > deadline ? `timed out waiting for ${what}` : undefined);
    if (why) throw new Error(`a contender failed: ${why}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('the library lock under contention', () => {
  it(`lets exactly one of ${CONTENDERS} processes take a stale lock, ${ROUNDS} times over, and loses no acknowledged write`, async () => {
    const root = tempDir('dr-lock-race-');
    const stale = String(deadPid());
    for (let r = 0; r < ROUNDS; r++) {
      fs.mkdirSync(path.join(root, `round-${r}`));
      fs.writeFileSync(path.join(root, `round-${r}`, 'library.lock'), stale);
    }
    const children = Array.from({ length: CONTENDERS }, (_, i) =>
      spawn(process.execPath, ['--import', 'tsx', CONTENDER, root, String(ROUNDS), String(i)], { stdio: ['ignore', 'ignore', 'pipe'] }),
    );
    let stderr = '';
    let died: string | undefined;
    children.forEach((c) => c.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString())));
    const exited = children.map(
      (c) => new Promise((resolve) => c.once('exit', (code) => (code ? (died ??= `exit ${code}: ${stderr}`) : undefined, resolve(code)))),
    );
    try {
      const ready = () => fs.readdirSync(root).filter((f) => f.startsWith('ready-')).length === CONTENDERS;
      await waitFor(ready, () => died, 'the contenders to start', 60_000);
      for (let r = 0; r < ROUNDS; r++) {
        const dir = path.join(root, `round-${r}`);
        fs.writeFileSync(path.join(dir, 'go'), '');
        await waitFor(
          () => fs.readdirSync(dir).filter((f) => f.startsWith('result-')).length === CONTENDERS,
          () => died,
          `round ${r}`,
        );
        const results = Array.from({ length: CONTENDERS }, (_, i) => fs.readFileSync(path.join(dir, `result-${i}`), 'utf8'));
        expect(results.filter((x) => x.startsWith('error'))).toEqual([]);
        const winners = results.flatMap((x, i) => (x === 'won' ? [i] : []));
        expect(winners, `round ${r}: ${results.join(', ')}`).toHaveLength(1);
        // The winner's acknowledged write is in the library, and nobody else's.
        expect(Object.keys(new UserStore(dir).data.notes)).toEqual([`winner-${winners[0]}`]);
      }
    } finally {
      fs.writeFileSync(path.join(root, 'done'), '');
      children.forEach((c) => c.kill('SIGKILL'));
      await Promise.all(exited);
    }
  }, 120_000);

  it('does not block the library on a lock holding the pid of an unrelated live process (a pid reused after a reboot)', () => {
    const dir = tempDir();
    const file = path.join(dir, 'library.lock');
    // A lock written before this machine booted: its pid now belongs to someone else.
    fs.writeFileSync(file, String(process.ppid));
    fs.utimesSync(file, new Date('2001-01-01T00:00:00Z'), new Date('2001-01-01T00:00:00Z'));
    const release = acquireLock(dir);
    release();
    expect(fs.existsSync(file)).toBe(false);
  });

  it('does not take the lock of a live owner', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'library.lock'), String(process.ppid));
    expect(() => acquireLock(dir)).toThrow(LibraryLockedError);
  });
});
