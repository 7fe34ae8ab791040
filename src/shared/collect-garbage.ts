import { getHeapStatistics, setFlagsFromString } from 'node:v8';
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

/**
 * Collects once the heap has grown by `growth` bytes since the last collection seen here, or by
 * half if that is more. V8 lets a heap grow well past what it holds before it collects again: over
 * ten imports of 1,000 papers into 100,000 the core's heap went from 140 to 200 MB, 120 MB of it
 * garbage, and a thread that then waits keeps it resident. A large heap is left to V8, which
 * collects it in steps: a forced collection of the 400 MB at 1,000,000 papers would hold the thread
 * longer. Asked as an import begins, and once the reader has neither imported nor searched for a
 * moment: a collection (some 70 ms at 100,000 papers) at an import's end held up searches typed
 * meanwhile.
 */
export class GrowthCollector {
  #base = 0;
  #timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly growth = 64 << 20,
    private readonly used = () => getHeapStatistics().used_heap_size,
    private readonly collect = collectGarbage,
  ) {}

  /** Growth counts from the heap as it is now. */
  reset(): void {
    this.#base = this.used();
  }

  check(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const used = this.used();
    // Less than at the last collection: V8 collected by itself since.
    if (used < this.#base) this.#base = used;
    else if (used - this.#base >= Math.max(this.growth, this.#base / 2)) {
      this.collect();
      this.#base = this.used();
    }
  }

  /** `check` in `ms`, unless asked again meanwhile. */
  soon(ms = 2000): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.check(), ms).unref();
  }

  /** No `check` to come (the library closed). */
  stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /** A `check` to come waits its time again from now (the reader is searching). */
  postpone(): void {
    if (this.#timer) this.#timer.refresh();
  }
}
