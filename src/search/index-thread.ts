import { setImmediate as breathe } from 'node:timers/promises';
import type { Worker } from 'node:worker_threads';
import { endWorker, startWorker } from '../shared/worker';
import { AnswerChannel } from './answer-channel';
import type { IndexAnswers, IndexReply, IndexRequest, WorkerData, WorkerOptions } from './index-protocol';

type Op = IndexRequest['op'];
export type Args<O extends Op> = Omit<Extract<IndexRequest, { op: O }>, 'seq' | 'op'>;

/**
 * The index worker as the core calls it (index-worker.ts): each request numbered and answered on
 * the answer channel, an awaited answer keeping the process alive, every call failed at once if
 * the worker stops.
 */
export class IndexThread {
  readonly #worker: Worker;
  readonly #answers = new AnswerChannel((reply) => this.#settle(reply));
  readonly #pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  #seq = 0;
  #failure: Error | undefined;
  /** How long the last quick call took to be answered: one slower than a watch lasts is not watched for. */
  #lastQuickMs = 0;

  constructor(from: string, options: WorkerOptions) {
    const answers = this.#answers.forWorker;
    this.#worker = startWorker('index-worker', from, { ...options, answers } satisfies WorkerData, [answers.port]);
    this.#worker.unref();
    // Answers it posted before it stopped are taken first: its own port would be emptied, not the channel.
    this.#worker.on('error', (error) => {
      this.#answers.drain();
      this.#fail(error);
    });
    this.#worker.on('exit', () => {
      this.#answers.drain();
      this.#fail(new Error('The search index stopped.'));
    });
  }

  /** Why the worker stopped, once it did. */
  get failure(): Error | undefined {
    return this.#failure;
  }

  call<O extends Op>(op: O, args: Args<O>): Promise<IndexAnswers[O]> {
    if (this.#failure) return Promise.reject(this.#failure);
    const seq = ++this.#seq;
    if (this.#pending.size === 0) this.#worker.ref(); // an awaited answer keeps the process alive
    return new Promise((resolve, reject) => {
      this.#pending.set(seq, { resolve: resolve as (value: unknown) => void, reject });
      this.#worker.postMessage({ seq, op, ...args } as IndexRequest);
    });
  }

  /**
   * `call` for a search typed at a key, its answer taken through `then` as it comes (in the order
   * answers come). Awaited alone and quick last time, the answer is watched for rather than slept
   * on (answer-channel.ts); the event loop still turns once, even if it failed: a caller searching
   * in a loop must not starve it.
   */
  async quick<O extends Op, R>(op: O, args: Args<O>, then: (answer: IndexAnswers[O]) => R): Promise<R> {
    const asked = performance.now();
    const done = this.call(op, args).then((answer) => {
      this.#lastQuickMs = performance.now() - asked;
      return then(answer);
    });
    if (this.#pending.size > 1 || !this.#answers.watch(() => this.#pending.size === 0, this.#lastQuickMs)) return done;
    done.catch(() => undefined); // the caller's to handle, after the turn
    await breathe();
    return done;
  }

  /** Asks the worker to close (it saves what changed), and waits for it to end. */
  async close(): Promise<void> {
    if (this.#failure) return;
    await this.call('close', {});
    await endWorker(this.#worker);
    this.#answers.close();
  }

  #settle(reply: IndexReply) {
    const call = this.#pending.get(reply.seq);
    this.#pending.delete(reply.seq);
    if (this.#pending.size === 0) this.#worker.unref();
    if (reply.ok) call?.resolve(reply.value);
    else call?.reject(new Error(reply.error));
  }

  #fail(error: Error) {
    this.#failure ??= error;
    for (const call of this.#pending.values()) call.reject(this.#failure);
    this.#pending.clear();
  }
}
