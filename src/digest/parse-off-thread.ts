import type { Worker } from 'node:worker_threads';
import { endWorker, startWorker } from '../shared/worker';
import { DigestError } from './errors';
import { contentHash } from './identity';
import { normaliseText, parseDigest } from './parse';
import type { ParsedDigest } from './types';

export interface ParseJob {
  text: string;
  /** A format name that overrides detection by content. */
  format?: string;
}

export interface Parsed {
  parsed: ParsedDigest;
  /** The text's content hash: the same digest imported twice is known by it. */
  hash: string;
}

/** What the worker sends: slices of the entries, then the rest of the digest, or why it is not one. */
export type ParseMessage =
  { list: 'entries' | 'withoutAbstract'; slice: ParsedDigest['entries'] } | { ok: true; value: Parsed } | { ok: false; error: SentError };

/** Entries per message. */
export const SLICE = 500;

/** From this size a digest is read in a thread of its own: about 10 ms of parsing on this thread. */
const OFF_THREAD_FROM = 256 * 1024;
/**
 * The thread ends once it has had nothing to read for this long: idle, it kept the 40 MB of heap
 * its last digest grew, for as long as the app ran. Ten files imported in a row share one thread.
 */
const IDLE_MS = 5_000;

/** Reads a digest and hashes its text, here. */
export function parseHere(text: string, format?: string): Parsed {
  return { parsed: parseDigest(text, format ? { format } : undefined), hash: contentHash(normaliseText(text)) };
}

/**
 * Reads digests. A large one (a month of arXiv, a 10,000-paper file) takes a second to parse:
 * that happens in a worker thread, started at the first and kept while others follow, so searches typed
 * meanwhile answer at once. Errors are the same DigestErrors either way. One job at a time (the
 * library imports one digest at a time).
 */
export class DigestParser {
  #worker: Worker | undefined;
  #closing = false;
  #idle: NodeJS.Timeout | undefined;

  constructor(private readonly idleMs = IDLE_MS) {}

  /** Whether the thread is running (started by a large digest, not yet ended for being idle). */
  get running(): boolean {
    return this.#worker !== undefined;
  }

  async parse(text: string, format?: string): Promise<Parsed> {
    if (text.length < OFF_THREAD_FROM) return parseHere(text, format);
    clearTimeout(this.#idle);
    const worker = this.#start();
    worker.ref(); // an awaited answer keeps the process alive
    const lists: Pick<ParsedDigest, 'entries' | 'withoutAbstract'> = { entries: [], withoutAbstract: [] };
    let onMessage: (message: ParseMessage) => void = () => {};
    let onExit: (code: number) => void = () => {};
    try {
      return await new Promise<Parsed>((resolve, reject) => {
        onMessage = (message) => {
          if ('list' in message) {
            lists[message.list].push(...message.slice);
            setImmediate(() => worker.postMessage('more'));
          } else if (message.ok) resolve({ ...message.value, parsed: { ...message.value.parsed, ...lists } });
          else reject(revive(message.error));
        };
        onExit = (code) =>
          reject(
            this.#closing
              ? new DigestError('stopped', 'The import stopped: the library closed while the file was being read. Nothing was added.')
              : new Error(`The digest reader stopped (exit code ${code}).`),
          );
        worker.on('message', onMessage).on('exit', onExit);
        worker.postMessage({ text, format } satisfies ParseJob);
      });
    } finally {
      worker.off('message', onMessage).off('exit', onExit);
      worker.unref();
      this.#idle = setTimeout(() => this.#end(worker), this.idleMs).unref();
    }
  }

  #end(worker: Worker): void {
    if (this.#worker !== worker) return;
    this.#worker = undefined;
    void endWorker(worker);
  }

  #start(): Worker {
    if (this.#worker) return this.#worker;
    const worker = startWorker('parse-worker', import.meta.url);
    // A failed worker ('error', then 'exit') is dropped; the next large digest starts another.
    worker.on('error', () => undefined).on('exit', () => this.#worker === worker && (this.#worker = undefined));
    return (this.#worker = worker);
  }

  /** Stops the worker, if one was started. */
  async close(): Promise<void> {
    clearTimeout(this.#idle);
    const worker = this.#worker;
    this.#worker = undefined;
    this.#closing = true;
    if (worker) await endWorker(worker);
  }
}

type SentError = Pick<DigestError, 'name' | 'message' | 'code' | 'format' | 'line' | 'column'>;

/** The worker's error as the thrower made it: a DigestError keeps its code and position. */
function revive(e: SentError): Error {
  if (e.name !== 'DigestError') return new Error(e.message);
  return new DigestError(e.code, e.message, { format: e.format, line: e.line, column: e.column });
}
