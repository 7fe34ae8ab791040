import { availableParallelism } from 'node:os';
import { MessageChannel, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import type { IndexReply } from './index-protocol';

/** The longest the core's thread watches for a search's answer before the event loop waits for it instead. */
const WATCH_MS = 10;

/** What the index worker is given: its end of the channel (transferred) and the shared count of answers. */
export interface AnswerEnd {
  port: MessagePort;
  posted: SharedArrayBuffer;
}

/**
 * The index worker's answers, on a channel of their own beside a shared count of the answers
 * posted. A search watches that count (an atomic read in a loop) and takes its answer from the
 * channel as soon as it is posted. Awaited through the event loop, the core's thread slept, and
 * the answer woke it some 0.1–0.2 ms later on a machine where waking a thread is slow (a virtual
 * machine here; an idle laptop core in a deep sleep state is as slow): BENCHMARKS.md, fourteenth
 * round. Watching spends the thread's time while the index works (about a millisecond a key), so
 * it is kept to a search awaited alone, on a machine with a core for each thread, and to WATCH_MS.
 */
export class AnswerChannel {
  readonly #port: MessagePort;
  readonly #posted: Int32Array;
  readonly forWorker: AnswerEnd;

  readonly #mayWatch: boolean;
  readonly #watchMs: number;

  /** `mayWatch`: whether the machine has a core for each thread (a thread watching would hold the worker back). */
  constructor(
    private readonly onAnswer: (reply: IndexReply) => void,
    { mayWatch = availableParallelism() >= 2, watchMs = WATCH_MS } = {},
  ) {
    this.#mayWatch = mayWatch;
    this.#watchMs = watchMs;
    const { port1, port2 } = new MessageChannel();
    const posted = new SharedArrayBuffer(4);
    this.#posted = new Int32Array(posted);
    this.#port = port2;
    port2.on('message', onAnswer);
    port2.unref(); // the worker, ref'd while an answer is awaited, keeps the process alive
    this.forWorker = { port: port1, posted };
  }

  /**
   * Hands over the answers posted until `answered()`, for a while at most; what comes later comes
   * through the event loop. Not at all (false) where threads would share a core, or when the last
   * answer took `lastMs`, longer than a watch lasts (a million papers): it would only burn the time.
   */
  watch(answered: () => boolean, lastMs = 0): boolean {
    if (!this.willWatch(lastMs)) return false;
    const end = performance.now() + this.#watchMs;
    for (;;) {
      // Read before the channel is emptied: an answer posted meanwhile moves the count past it.
      const seen = Atomics.load(this.#posted, 0);
      this.drain();
      if (answered()) return true;
      // The clock is read once in a while only: each reading made a number on the heap (and a
      // millisecond's watch some 300 KB of garbage), which doubled the young collections of typing.
      for (let spins = 1; Atomics.load(this.#posted, 0) === seen; spins++) if (spins % 1024 === 0 && performance.now() > end) return true;
    }
  }

  /** Whether `watch` would watch, the last answer having taken `lastMs`. */
  willWatch(lastMs = 0): boolean {
    return this.#mayWatch && lastMs <= this.#watchMs;
  }

  /** How many answers the worker has posted so far. */
  get posted(): number {
    return Atomics.load(this.#posted, 0);
  }

  /** Hands over every answer posted and not yet handed over. */
  drain(): void {
    for (let got = receiveMessageOnPort(this.#port); got; got = receiveMessageOnPort(this.#port)) this.onAnswer(got.message as IndexReply);
  }

  close(): void {
    this.#port.close();
  }
}

/** The worker's side: posts an answer, then counts it for a thread that watches. */
export function answerer({ port, posted }: AnswerEnd): (reply: IndexReply) => void {
  const count = new Int32Array(posted);
  return (reply) => {
    port.postMessage(reply);
    Atomics.add(count, 0, 1);
  };
}
