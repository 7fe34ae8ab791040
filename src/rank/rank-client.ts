import type { Worker } from 'node:worker_threads';
import { endWorker, startWorker } from '../shared/worker';
import type { RankAnswers, RankReply, RankRequest } from './rank-protocol';

type Op = RankRequest['op'];
type Args<O extends Op> = Omit<Extract<RankRequest, { op: O }>, 'seq' | 'op'>;

/** The core's line to the ranking worker (rank-worker.ts): one request at a time, answered in order. */
export class RankClient {
  readonly #worker: Worker;
  readonly #pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  #seq = 0;
  #failure: Error | undefined;
  #closing: Promise<void> | undefined;

  constructor(start: () => Worker = () => startWorker('rank-worker', import.meta.url)) {
    this.#worker = start();
    this.#worker.unref();
    this.#worker.on('message', (reply: RankReply) => {
      const call = this.#pending.get(reply.seq);
      this.#pending.delete(reply.seq);
      if (this.#pending.size === 0) this.#worker.unref();
      if (reply.ok) call?.resolve(reply.value);
      else call?.reject(new Error(reply.error));
    });
    this.#worker.on('error', (error) => this.#fail(error));
    this.#worker.on('exit', () => this.#fail(new Error('The ranking stopped.')));
  }

  call<O extends Op>(op: O, args: Args<O>): Promise<RankAnswers[O]> {
    if (this.#failure) return Promise.reject(this.#failure);
    const seq = ++this.#seq;
    if (this.#pending.size === 0) this.#worker.ref(); // an awaited answer keeps the process alive
    return new Promise((resolve, reject) => {
      this.#pending.set(seq, { resolve: resolve as (value: unknown) => void, reject });
      this.#worker.postMessage({ seq, op, ...args } as RankRequest);
    });
  }

  close(): Promise<void> {
    this.#closing ??= (async () => {
      this.#fail(new Error('The ranking was closed.'));
      await endWorker(this.#worker);
    })();
    return this.#closing;
  }

  #fail(error: Error) {
    this.#failure ??= error;
    for (const call of this.#pending.values()) call.reject(this.#failure);
    this.#pending.clear();
  }
}
