/**
 * Subscriptions: add, change, remove (with undo) and fetch the reader's sources. A fetch of one or
 * all of them reports as it goes (`fetch.progress`) and once done (`fetch.finished`, with the
 * line a notification shows: "23 new papers, 4 match your interests"). Each source keeps its
 * last fetch, its validators and its last error, and shows where it stands.
 */
import { ApiError } from '../api/contract';
import type { FetchTrigger, SourceResult } from '../api/events';
import { fetchSummary, MAX_SOURCES, type SourceState } from '../api/vocabulary';
import type { Library } from '../library/library';
import type { Fetcher } from '../net';
import { type DataContext, newId } from '../shared/context';
import { cleanName, sameName } from '../shared/names';
import { tombstoneKind } from '../shared/tombstones';
import type { UserData } from '../storage/schema';
import { describeSource } from './describe';
import { type FetchDetail, type FetchPhase, fetchSource } from './fetch-source';
import type { Source } from './types';

export interface SourceSummary {
  id: string;
  name: string;
  kind: Source['kind'];
  url: string;
  format: string | null;
  state: SourceState;
  /** Ready to show: "Last fetched 2026-07-20 08:00", "Offline, last fetched …", "Error: …". */
  status: string;
  lastSuccessAt: string | null;
  lastAttemptAt: string | null;
  lastNewAt: string | null;
  lastDigestId: string | null;
  error: { code: string; message: string; retryable: boolean; at: string } | null;
}

const DELETED = tombstoneKind<{ source: Source; position: number }>('source');
const OFFLINE = new Set(['offline', 'timeout', 'network']);

/** A moment as the reader's clock reads it: "2026-07-20 08:00". */
export function localTime(iso: string): string {
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16).replace('T', ' ');
}

export function summarise(s: Source, fetching: boolean): SourceSummary {
  const when = s.lastSuccessAt ? `last fetched ${localTime(s.lastSuccessAt)}` : 'never fetched';
  const state: SourceState = fetching ? 'fetching' : s.lastError ? (OFFLINE.has(s.lastError.code) ? 'offline' : 'error') : s.lastSuccessAt ? 'ok' : 'new';
  const status = {
    fetching: 'Fetching…',
    new: 'Not fetched yet',
    ok: `Last fetched ${s.lastSuccessAt ? localTime(s.lastSuccessAt) : ''}`,
    offline: `Offline, ${when}. ${s.lastError?.message ?? ''}`.trim(),
    error: `Error: ${s.lastError?.message ?? ''} (${when})`,
  }[state];
  return {
    id: s.id,
    name: s.name,
    kind: s.kind,
    url: s.url,
    format: s.format ?? null,
    state,
    status,
    lastSuccessAt: s.lastSuccessAt ?? null,
    lastAttemptAt: s.lastAttemptAt ?? null,
    lastNewAt: s.lastNewAt ?? null,
    lastDigestId: s.lastDigestId ?? null,
    error: s.lastError ?? null,
  };
}

function requireSource(data: UserData, id: string): Source {
  const s = data.sources[id];
  if (!s) throw new ApiError('not-found', 'That source no longer exists.');
  return s;
}

export interface FetchRun {
  trigger: FetchTrigger;
  results: SourceResult[];
  newPapers: number;
  matched: number;
  summary: string;
}

export class SourcesService {
  readonly #running = new Map<string, Promise<SourceResult>>();
  #imports: Promise<unknown> = Promise.resolve();
  readonly #abort = new AbortController();

  constructor(
    private readonly ctx: DataContext,
    private readonly library: Library,
    private readonly fetcher: Fetcher,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  list(): SourceSummary[] {
    const d = this.ctx.store.data;
    return d.sourceOrder
      .map((id) => d.sources[id])
      .filter(Boolean)
      .map((s) => summarise(s, this.#running.has(s.id)));
  }

  add(url: string, given: { name?: string; format?: string } = {}): SourceSummary {
    const d = this.ctx.store.data;
    if (d.sourceOrder.length >= MAX_SOURCES) throw new ApiError('too-many', `A library follows at most ${MAX_SOURCES} sources.`);
    const spec = describeSource(url, given);
    const name = cleanName(spec.name, 'source');
    this.#refuseDuplicate(name, spec.url);
    const source: Source = { id: newId(), ...spec, name, createdAt: this.clock().toISOString() };
    this.ctx.store.update((draft) => {
      draft.sources[source.id] = source;
      draft.sourceOrder.push(source.id);
    });
    this.#changed([source.id]);
    return summarise(source, false);
  }

  /** Renames, or points the source elsewhere (its fetch history starts again). */
  update(id: string, change: { name?: string; url?: string; format?: string | null }): SourceSummary {
    const before = requireSource(this.ctx.store.data, id);
    const name = change.name === undefined ? before.name : cleanName(change.name, 'source');
    let next: Source = { ...before, name };
    if (change.url !== undefined || change.format !== undefined) {
      const format = change.format === null ? undefined : (change.format ?? before.format);
      const spec = describeSource(change.url ?? before.url, { name, format });
      next = { id, name, kind: spec.kind, url: spec.url, createdAt: before.createdAt, ...(spec.format ? { format: spec.format } : {}) };
    }
    this.#refuseDuplicate(next.name, next.url, id);
    this.ctx.store.update((d) => {
      d.sources[id] = next;
    });
    this.#changed([id]);
    return summarise(next, this.#running.has(id));
  }

  remove(id: string): { id: string; name: string } {
    const source = requireSource(this.ctx.store.data, id);
    const position = this.ctx.store.data.sourceOrder.indexOf(id);
    this.ctx.store.update((d) => {
      delete d.sources[id];
      d.sourceOrder = d.sourceOrder.filter((s) => s !== id);
    });
    this.ctx.tombstones.keep(DELETED, id, { source, position });
    this.#changed([id]);
    return { id, name: source.name };
  }

  restore(id: string): SourceSummary {
    const existing = this.ctx.store.data.sources[id];
    if (existing) return summarise(existing, false);
    const source = this.ctx.tombstones.restore(DELETED, id, ({ source, position }) => {
      this.#refuseDuplicate(source.name, source.url);
      this.ctx.store.update((d) => {
        d.sources[id] = source;
        d.sourceOrder.splice(Math.min(Math.max(position, 0), d.sourceOrder.length), 0, id);
      });
      return source;
    });
    this.#changed([id]);
    return summarise(source, false);
  }

  /** Fetches the sources named (all when none), at once; a source already being fetched is not fetched twice. */
  async fetch(ids: string[] | undefined, trigger: FetchTrigger = 'manual'): Promise<FetchRun> {
    const d = this.ctx.store.data;
    ids?.forEach((id) => requireSource(d, id));
    const chosen = ids ?? [...d.sourceOrder];
    if (chosen.length === 0) return { trigger, results: [], newPapers: 0, matched: 0, summary: 'No sources to fetch' };
    const results = await Promise.all(chosen.map((id) => this.#running.get(id) ?? this.#start(id)));
    const newPapers = results.reduce((n, r) => n + r.newPapers, 0);
    const matched = results.reduce((n, r) => n + r.matched, 0);
    const run: FetchRun = { trigger, results, newPapers, matched, summary: fetchSummary(newPapers, matched) };
    if (!this.#abort.signal.aborted) this.ctx.events.emit('fetch.finished', run);
    return run;
  }

  /** Stops fetches under way (the app is closing) and waits for them to let go. */
  async close(): Promise<void> {
    this.#abort.abort();
    await Promise.allSettled([...this.#running.values(), this.#imports]);
  }

  #start(id: string): Promise<SourceResult> {
    const work = this.#fetchOne(id).finally(() => {
      this.#running.delete(id);
      if (!this.#abort.signal.aborted) this.#changed([id]);
    });
    this.#running.set(id, work);
    this.#changed([id]);
    return work;
  }

  async #fetchOne(id: string): Promise<SourceResult> {
    const source = requireSource(this.ctx.store.data, id);
    const started = this.clock().toISOString();
    const emit = (phase: FetchPhase | 'done' | 'failed', detail: Partial<FetchDetail> = {}) =>
      this.ctx.events.emit('fetch.progress', { sourceId: id, name: source.name, phase, ...detail });
    const got = await fetchSource(source, {
      fetcher: this.fetcher,
      library: this.library,
      serially: (work) => this.#serially(work),
      now: this.clock,
      signal: this.#abort.signal,
      progress: emit,
    });
    const newPapers = got.digests.reduce((n, g) => n + g.added, 0);
    const matched = got.digests.reduce((n, g) => n + g.report.matchedNewPapers, 0);
    const result: SourceResult = {
      sourceId: id,
      name: source.name,
      ok: !got.error,
      newPapers,
      matched,
      digests: got.digests.map((g) => ({ id: g.id, name: g.name, added: g.added, matched: g.report.matchedNewPapers })),
      error: got.error ? { code: got.error.code, message: got.error.message, retryable: got.error.retryable } : null,
    };
    if (this.#abort.signal.aborted) return result; // closing: nothing to record
    const last = got.digests.at(-1);
    this.ctx.store.update((d) => {
      const current = d.sources[id];
      if (!current || current.url !== source.url) return; // removed or re-pointed meanwhile
      const next: Source = { ...current, lastAttemptAt: started, validators: got.validators };
      if (got.lastDay) next.lastDay = got.lastDay;
      if (got.error) next.lastError = got.error;
      else delete next.lastError;
      // Days a catch-up brought in before one failed count as fetched.
      if (!got.error || got.digests.length > 0) next.lastSuccessAt = started;
      if (last) Object.assign(next, { lastNewAt: started, lastDigestId: last.id });
      d.sources[id] = next;
    });
    emit(got.error ? 'failed' : 'done', { papers: newPapers });
    return result;
  }

  #serially<T>(work: () => Promise<T>): Promise<T> {
    const next = this.#imports.then(work, work);
    this.#imports = next.catch(() => {});
    return next;
  }

  #refuseDuplicate(name: string, url: string, except?: string) {
    const other = Object.values(this.ctx.store.data.sources).find((s) => s.id !== except && (sameName(s.name, name) || s.url === url));
    if (other)
      throw new ApiError('duplicate', other.url === url ? `“${other.name}” already fetches this address.` : `There is already a source named “${other.name}”.`);
  }

  #changed(sourceIds: string[]) {
    this.ctx.events.emit('sources.changed', { sourceIds });
  }
}
