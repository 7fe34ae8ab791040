import { startWorker } from '../shared/worker';
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

/** Reads a digest and hashes its text, here. */
export function parseHere(text: string, format?: string): Parsed {
  return { parsed: parseDigest(text, format ? { format } : undefined), hash: contentHash(normaliseText(text)) };
}

/**
 * Reads a digest. A large one (a month of arXiv, a 10,000-paper file) takes a second to parse:
 * that happens in a worker thread, so searches typed meanwhile answer at once. Errors are the
 * same DigestErrors either way.
 */
export async function parseDigestOffThread(text: string, format?: string): Promise<Parsed> {
  if (text.length < OFF_THREAD_FROM) return parseHere(text, format);
  const worker = startWorker('parse-worker', import.meta.url, { text, format } satisfies ParseJob);
  try {
    const lists: Pick<ParsedDigest, 'entries' | 'withoutAbstract'> = { entries: [], withoutAbstract: [] };
    return await new Promise<Parsed>((resolve, reject) => {
      worker.on('message', (message: ParseMessage) => {
        if ('list' in message) {
          lists[message.list].push(...message.slice);
          setImmediate(() => worker.postMessage('more'));
        } else if (message.ok) resolve({ ...message.value, parsed: { ...message.value.parsed, ...lists } });
        else reject(revive(message.error));
      });
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`The digest reader stopped (exit code ${code}).`)));
    });
  } finally {
    void worker.terminate();
  }
}

type SentError = Pick<DigestError, 'name' | 'message' | 'code' | 'format' | 'line' | 'column'>;

/** The worker's error as the thrower made it: a DigestError keeps its code and position. */
function revive(e: SentError): Error {
  if (e.name !== 'DigestError') return new Error(e.message);
  return new DigestError(e.code, e.message, { format: e.format, line: e.line, column: e.column });
}
