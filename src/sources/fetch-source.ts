/**
 * One source fetched: each of its addresses (a dated source's days since it last had papers, at
 * most a week back) asked with the validators it was last given, and what comes back read and
 * imported as a digest — unless it is nothing new: a 304, the very same text, an empty listing
 * (arXiv on a weekend), a day not listed yet, or papers the library has in these versions already. A failure changes
 * nothing in the library; it is returned, for the source to show.
 */
import { DigestError } from '../digest/errors';
import { localDay } from '../shared/local-day';
import { parseDigest } from '../digest/parse';
import type { ParsedDigest } from '../digest/types';
import { bringsSomething } from '../library/importer';
import type { Library } from '../library/library';
import { digestName } from '../library/digest-name';
import type { ImportReport } from '../library/importer';
import { FetchError, type Fetcher } from '../net';
import { isDated, urlFor } from './describe';
import type { Source, SourceError, StoredValidators } from './types';

export type FetchPhase = 'fetching' | 'retrying' | 'importing';

/** What a progress report may say: the address, what was read or imported, and for a retry which one and why. */
export interface FetchDetail {
  url: string;
  bytes?: number;
  papers?: number;
  attempt?: number;
  of?: number;
  reason?: string;
}

export interface FetchedDigest {
  id: string;
  name: string;
  added: number;
  report: ImportReport;
}

export interface SourceFetch {
  digests: FetchedDigest[];
  /** What to store on the source: validators by URL, the last day with papers, the error if any. */
  validators: StoredValidators[];
  lastDay?: string;
  error?: SourceError;
}

export interface FetchContext {
  fetcher: Fetcher;
  library: Library;
  /** Imports one at a time: several sources may fetch at once, their digests go in in turn. */
  serially<T>(work: () => Promise<T>): Promise<T>;
  now(): Date;
  signal?: AbortSignal;
  progress(phase: FetchPhase, detail: FetchDetail): void;
}

const DAY = 86_400_000;
const CATCH_UP_DAYS = 7;
const KEEP_VALIDATORS = 8;

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

/** The days a dated source asks for: from the last day that had papers (it may have gained some) to today. */
export function daysToFetch(lastDay: string | undefined, today: string): string[] {
  const earliest = addDays(today, -(CATCH_UP_DAYS - 1));
  let from = lastDay ?? addDays(today, -1); // a new subscription: yesterday too, as today's may not be out yet
  if (from < earliest) from = earliest;
  const days: string[] = [];
  for (let d = from; d <= today; d = addDays(d, 1)) days.push(d);
  return days;
}

/** Whether a listing would bring nothing: every paper is known, in this version or a later one. */
function bringsNothing(library: Library, parsed: ParsedDigest): boolean {
  return !library.corpus.resolve([...parsed.entries, ...parsed.withoutAbstract]).some((e) => bringsSomething(library.corpus, e));
}

export function sourceError(error: unknown, at: string): SourceError {
  if (error instanceof FetchError) return { code: error.code, message: capital(error.message), retryable: error.retryable, at };
  if (error instanceof DigestError)
    return {
      code: error.code,
      message: `The answer is not a digest Digest Reader can read: ${error.message.replace(/^This is not a digest Digest Reader can read\.\s*/, '')}`,
      retryable: false,
      at,
    };
  return { code: 'internal', message: `Fetching failed: ${(error as Error)?.message ?? String(error)}`, retryable: true, at };
}

const capital = (s: string) => `${s[0]?.toUpperCase() ?? ''}${s.slice(1)}${/[.!?]$/.test(s) ? '' : '.'}`;

export async function fetchSource(source: Source, c: FetchContext): Promise<SourceFetch> {
  const today = localDay(c.now());
  const days = isDated(source.url) ? daysToFetch(source.lastDay, today) : [undefined];
  const validators = [...(source.validators ?? [])];
  const out: SourceFetch = { digests: [], validators, lastDay: source.lastDay };
  for (const day of days) {
    const url = day ? urlFor(source.url, day) : source.url;
    try {
      c.progress('fetching', { url });
      const stored = validators.find((v) => v.url === url);
      const outcome = await c.fetcher.fetch(url, {
        expect: source.kind === 'hf-daily' ? 'json' : 'feed',
        signal: c.signal,
        validators: stored ? { etag: stored.etag, lastModified: stored.lastModified } : false,
        // Why, without the "will try again later" meant for a final error: the retry is now.
        onRetry: ({ attempt, of, error }) =>
          c.progress('retrying', { url, attempt, of, reason: capital(error.message.replace(/; will try again later$/, '')) }),
      });
      if (outcome.kind === 'not-modified') continue;
      const fresh: StoredValidators = { url, ...outcome.validators };
      validators.splice(0, validators.length, fresh, ...validators.filter((v) => v.url !== url));
      validators.length = Math.min(validators.length, KEEP_VALIDATORS);
      c.progress('importing', { url, bytes: outcome.body.byteLength });
      const digest = await c.serially(() => importAnswer(source, c, outcome.text, day));
      if (digest === 'empty') continue;
      if (day && (!out.lastDay || day > out.lastDay)) out.lastDay = day;
      if (digest) {
        out.digests.push(digest);
        c.progress('importing', { url, papers: digest.added });
      }
    } catch (error) {
      if (day && error instanceof FetchError && error.status === 404) {
        // Hugging Face answers 404 for a day it has not listed yet: today's (or a later one, by the
        // reader's clock) is an empty day so far, asked for again at the next fetch.
        if (day >= today) continue;
        // An older day with no listing is an error, but the days after it may answer.
        out.error ??= { ...sourceError(error, c.now().toISOString()), message: `No listing for ${day}: ${error.message}.` };
        continue;
      }
      out.error = sourceError(error, c.now().toISOString());
      break;
    }
  }
  return out;
}

/** Reads and imports one answer; null when it brings nothing new, 'empty' when it lists no papers. */
async function importAnswer(source: Source, c: FetchContext, text: string, day: string | undefined): Promise<FetchedDigest | null | 'empty'> {
  let parsed: ParsedDigest;
  try {
    parsed = parseDigest(text, source.format ? { format: source.format } : {});
  } catch (error) {
    if (error instanceof DigestError && error.code === 'no-entries') return 'empty';
    throw error;
  }
  // Named from the content ("arXiv cs.CL 2026-07-20"), else from the source and the day fetched.
  const name = digestName({ meta: { title: parsed.meta?.title ?? source.name, date: day ?? parsed.meta?.date }, now: c.now().toISOString() });
  // The same listing again (a day's papers grow until evening): its digest holds what it added. A
  // listing of known papers alone makes no digest, only updates their facts (upvotes grown).
  const again =
    bringsNothing(c.library, parsed) ||
    (source.lastDigestId !== undefined && c.library.corpus.digest(source.lastDigestId)?.name.replace(/ \(\d+\)$/, '') === name);
  const report = await c.library.import({ name, text, source: 'fetch', onlyNew: again, ...(source.format ? { format: source.format } : {}) });
  if (!report.digest) return null; // the very same text came before
  return { id: report.digest.id, name: report.digest.name, added: report.added, report };
}
