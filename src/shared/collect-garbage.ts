import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | undefined;

/**
 * A full garbage collection, now. V8 collects when a thread allocates, so a thread that has just
 * dropped a large structure and then waits (the index worker after packing an import, idle until
 * the next key) keeps it resident, for hours. The flag is V8's own, set for this one call as Jest
 * does to find leaks; it affects nothing else.
 */
export function collectGarbage(): void {
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
    setFlagsFromString('--no-expose-gc');
  }
  gc();
}
