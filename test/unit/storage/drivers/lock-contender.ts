/**
 * One contender of the lock race test: for each round it waits for the round's start signal, then
 * tries to take the library lock; the winner saves a note through the store (an acknowledged
 * write) before reporting, and keeps the lock (stays alive) until the test writes `done`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { acquireLock, LibraryLockedError } from '../../../../src/storage/lock';
import { UserStore } from '../../../../src/storage/user-store';

const [root, roundsArg, me] = process.argv.slice(2);
const rounds = Number(roundsArg);
const nap = () => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
fs.writeFileSync(path.join(root, `ready-${me}`), '');
for (let r = 0; r < rounds; r++) {
  const dir = path.join(root, `round-${r}`);
  const go = path.join(dir, 'go');
  while (!fs.existsSync(go)) nap();
  let result: string;
  try {
    acquireLock(dir);
    const store = new UserStore(dir);
    store.update((d) => {
      d.notes[`winner-${me}`] = { text: `round ${r}`, createdAt: 'x', updatedAt: 'x' };
    });
    result = 'won';
  } catch (error) {
    result = error instanceof LibraryLockedError ? 'locked' : `error: ${(error as Error).message}`;
  }
  // Whole or not at all: the test reads it as soon as it appears.
  fs.writeFileSync(path.join(dir, `.result-${me}`), result);
  fs.renameSync(path.join(dir, `.result-${me}`), path.join(dir, `result-${me}`));
}
while (!fs.existsSync(path.join(root, 'done'))) nap();
