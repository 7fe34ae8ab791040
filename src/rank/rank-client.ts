import type { Worker } from 'node:worker_threads';
import { endWorker, PendingCalls, startWorker } from '../shared/worker';
import type { RankAnswers, RankReply, RankRequest } from './rank-protocol';

type Op = RankRequest['op'];
type Args<O extends Op> = Omit<Extract<RankRequest, { op: O }>, 'seq' | 'op'>;

/** The core's line to the ranking worker (rank-worker.ts): one request at a time, answered in order. */
export class RankClient {
  readonly #worker: Worker;
  readonly #calls: PendingCalls;
  #closing: Promise<void> | undefined;

  constructor(start: () => Worker = () => startWorker('rank-worker', import.meta.url)) {
    this.#worker = start();
    this.#worker.unref();
    this.#calls = new PendingCalls(this.#worker);
    this.#worker.on('message', (reply: RankReply) => this.#calls.settle(reply));
    this.#worker.on('error', (error) => this.#calls.fail(error));
    this.#worker.on('exit', () => this.#calls.fail(new Error('The ranking stopped.')));
  }

  call<O extends Op>(op: O, args: Args<O>): Promise<RankAnswers[O]> {
    return this.#calls.send((seq) => ({ seq, op, ...args }) as RankRequest);
  }

  close(): Promise<void> {
    this.#closing ??= (async () => {
      this.#calls.fail(new Error('The ranking was closed.'));
      await endWorker(this.#worker);
    })();
    return this.#closing;
  }
}
