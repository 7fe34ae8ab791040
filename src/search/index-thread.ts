import { setImmediate as breathe } from 'node:timers/promises';
import type { Worker } from 'node:worker_threads';
import { endWorker, PendingCalls, startWorker } from '../shared/worker';
import { AnswerChannel } from './answer-channel';
import type { IndexAnswers, IndexRequest, WorkerData, WorkerOptions } from './index-protocol';

type Op = IndexRequest['op'];
export type Args<O extends Op> = Omit<Extract<IndexRequest, { op: O }>, 'seq' | 'op'>;

/**
 * The index worker as the core calls it (index-worker.ts): each request numbered and answered on
 * the answer channel, an awaited answer keeping the process alive, every call failed at once if
 * the worker stops.
 */
export class IndexThread {
  readonly #worker: Worker;
  readonly #answers = new AnswerChannel((reply) => this.#calls.settle(reply));
  readonly #calls: PendingCalls;
  /** How long the last quick call took to be answered: one slower than a watch lasts is not watched for. */
  #lastQuickMs = 0;

  constructor(from: string, options: WorkerOptions) {
    const answers = this.#answers.forWorker;
    this.#worker = startWorker('index-worker', from, { ...options, answers } satisfies WorkerData, [answers.port]);
    this.#worker.unref();
    this.#calls = new PendingCalls(this.#worker);
    // Answers it posted before it stopped are taken first: its own port would be emptied, not the channel.
    this.#worker.on('error', (error) => {
      this.#answers.drain();
      this.#calls.fail(error);
    });
    this.#worker.on('exit', () => {
      this.#answers.drain();
      this.#calls.fail(new Error('The search index stopped.'));
    });
  }

  /** Why the worker stopped, once it did. */
  get failure(): Error | undefined {
    return this.#calls.failure;
  }

  call<O extends Op>(op: O, args: Args<O>): Promise<IndexAnswers[O]> {
    return this.#calls.send((seq) => ({ seq, op, ...args }) as IndexRequest);
  }

  /**
   * `call` for a search typed at a key, its answer taken through `then` as it comes (in the order
   * answers come). Awaited alone and quick last time, the answer is watched for rather than slept
   * on (answer-channel.ts); the event loop still turns once, even if it failed: a caller searching
   * in a loop must not starve it. Before the watch, `meanwhile` may do what the answer will need,
   * while `waiting()` (the answer not yet posted); it must not throw.
   */
  async quick<O extends Op, R>(op: O, args: Args<O>, then: (answer: IndexAnswers[O]) => R, meanwhile?: (waiting: () => boolean) => void): Promise<R> {
    const asked = performance.now();
    const posted = this.#answers.posted;
    const done = this.call(op, args).then((answer) => {
      this.#lastQuickMs = performance.now() - asked;
      return then(answer);
    });
    if (this.#calls.size > 1 || !this.#answers.willWatch(this.#lastQuickMs)) return done;
    meanwhile?.(() => this.#answers.posted === posted);
    this.#answers.watch(() => this.#calls.size === 0);
    done.catch(() => undefined); // the caller's to handle, after the turn
    await breathe();
    return done;
  }

  /** Asks the worker to close (it saves what changed), and waits for it to end. */
  async close(): Promise<void> {
    if (this.#calls.failure) return;
    await this.call('close', {});
    await endWorker(this.#worker);
    this.#answers.close();
  }
}
