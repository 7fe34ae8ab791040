import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, type TransferListItem } from 'node:worker_threads';

/**
 * Starts the worker thread whose entry is `name` beside the module `from` (its import.meta.url):
 * `name.js` in the build, where every entry sits in one folder, or `name.ts` from source (tsx,
 * Vitest), where the worker registers tsx's loader before importing its entry.
 */
export function startWorker(name: string, from: string, workerData?: unknown, transferList?: TransferListItem[]): Worker {
  const here = fileURLToPath(from);
  const entry = new URL(`./${name}${path.extname(here)}`, from);
  if (!here.endsWith('.ts')) return new Worker(entry, { workerData, transferList });
  // tsx is found from here, not from the folder the command was run in, where an eval'd worker's
  // imports are resolved (Vitest, which has no import.meta.resolve, runs in the project's folder).
  const tsx = import.meta.resolve?.('tsx/esm/api') ?? 'tsx/esm/api';
  return new Worker(`import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); });`, {
    eval: true,
    workerData,
    transferList,
  });
}

/**
 * Stops a worker and resolves once it is gone, the process held alive meanwhile by a timer. A ref'd
 * worker being terminated was seen not to hold it: about one SIGTERM in ten, web mode's close found
 * the event loop empty while it awaited the index worker's end, and the process exited (code 0)
 * before the reader's data was folded and backed up.
 */
export async function endWorker(worker: Worker): Promise<void> {
  const hold = setInterval(() => undefined, 60_000);
  try {
    await worker.terminate();
  } finally {
    clearInterval(hold);
  }
}

/** A worker's answer to a request, by the request's number. */
export type WorkerReply = { seq: number } & ({ ok: true; value: unknown } | { ok: false; error: string });

/**
 * Requests to a worker that await their answers, by number. While any does, the worker is ref'd:
 * an awaited answer keeps the process alive. A worker that stops fails them all, and every later one.
 */
export class PendingCalls {
  readonly #pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  #seq = 0;
  #failure: Error | undefined;

  constructor(private readonly worker: Worker) {}

  /** Why the calls fail, once they do. */
  get failure(): Error | undefined {
    return this.#failure;
  }

  /** How many await their answers. */
  get size(): number {
    return this.#pending.size;
  }

  /** Posts the request `message` makes of its number, and resolves with the answer to it. */
  send<A>(message: (seq: number) => unknown): Promise<A> {
    if (this.#failure) return Promise.reject(this.#failure);
    const seq = ++this.#seq;
    if (this.#pending.size === 0) this.worker.ref();
    return new Promise((resolve, reject) => {
      this.#pending.set(seq, { resolve: resolve as (value: unknown) => void, reject });
      this.worker.postMessage(message(seq));
    });
  }

  settle(reply: WorkerReply): void {
    const call = this.#pending.get(reply.seq);
    this.#pending.delete(reply.seq);
    if (this.#pending.size === 0) this.worker.unref();
    if (reply.ok) call?.resolve(reply.value);
    else call?.reject(new Error(reply.error));
  }

  fail(error: Error): void {
    this.#failure ??= error;
    for (const call of this.#pending.values()) call.reject(this.#failure);
    this.#pending.clear();
  }
}
