import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | undefined;

/**
 * A full garbage collection, now, if V8 allows it (else nothing). V8 collects when a thread
 * allocates, so a thread that has just dropped a large structure and then waits (the index worker
 * after packing an import, idle until the next key) keeps it resident, for hours. `gc` is V8's
 * own, exposed in a context made for it as Jest does to find leaks; the flag is put back at once.
 */
export function collectGarbage(): void {
  try {
    gc ??= (globalThis as { gc?: () => void }).gc ?? exposedGc();
    gc();
  } catch {
    // Only memory is at stake: V8 collects later anyway.
  }
}

function exposedGc(): () => void {
  setFlagsFromString('--expose-gc');
  try {
    return runInNewContext('gc') as () => void;
  } finally {
    setFlagsFromString('--no-expose-gc');
  }
}
