/**
 * The app as the bench drives it: the core of a checkout (this one, or a baseline's), called
 * through `dispatch` as the desktop shell does, or through the web transport over HTTP.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { LIST_PAGE } from '../../src/api/vocabulary';

export type Envelope = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };
interface Core {
  handlers: Record<string, unknown>;
  close(): Promise<void>;
}
interface Modules {
  openCore(options: { dataDir: string }): Promise<Core>;
  dispatch(handlers: unknown, name: string, arg: unknown): Promise<Envelope>;
  startWebServer(options: { core: Core; staticDir: string }): Promise<{ url: string; token: string; close(): Promise<void> }>;
}

/**
 * The code under test: the checkout in `root`, as built by build-core.mjs into dist/bench (plain
 * JavaScript, as the app runs it, not compiled on the fly by tsx).
 */
export async function loadApp(root: string): Promise<Modules> {
  const url = (name: string) => pathToFileURL(path.join(root, 'dist', 'bench', `${name}.js`)).href;
  if (!fs.existsSync(new URL(url('core')))) throw new Error(`${root} has no build to measure: run node scripts/bench/build-core.mjs ${root}`);
  const [{ openCore }, { dispatch }, { startWebServer }] = await Promise.all([import(url('core')), import(url('dispatch')), import(url('server'))]);
  return { openCore, dispatch, startWebServer };
}

/**
 * The list's query at every key, as the app sends it (`refreshList` in renderer/store/
 * paper-list-slice.ts, from `queryFor` of the list's first state: all papers in digest order, no
 * filter): the first page of rows (`LIST_PAGE`: 50 before the fifteenth round, 25 from it). Until
 * the fifteenth round the app also asked the filters' counts at every key (500 hits ranked, not
 * 200); it now asks a search's counts once typing pauses (`countsQuery`), timed on their own.
 */
export function listQuery(q: string) {
  return {
    q,
    author: null,
    category: null,
    year: null,
    sort: 'digest',
    state: null,
    digestId: null,
    listId: null,
    smartListId: null,
    offset: 0,
    limit: LIST_PAGE,
    facets: !q.trim(),
  };
}

/** A search's filter counts, as the list asks them once typing pauses: no rows. */
export function countsQuery(q: string) {
  return { ...listQuery(q), limit: 0, facets: true };
}

export type Call = (name: string, arg: unknown) => Promise<unknown>;

/**
 * The checkout these scripts belong to (the nearest folder up with a package.json): the default
 * `--root`, found alike from scripts/bench and from a build of them (dist/bench-harness/<pid>).
 */
export function ownCheckout(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`bench: no checkout above ${from}`);
  }
}

export class AppSession {
  private constructor(
    readonly core: Core,
    readonly call: Call,
    private readonly app: Modules,
  ) {}

  static async open(app: Modules, dataDir: string): Promise<AppSession> {
    const core = await app.openCore({ dataDir });
    const call: Call = async (name, arg) => {
      const envelope = await app.dispatch(core.handlers, name, arg);
      if (!envelope.ok) throw new Error(`${name}: ${envelope.error.message}`);
      return envelope.value;
    };
    return new AppSession(core, call, app);
  }

  /** The same contract over the web transport, for a client in another process (http-typist.ts). */
  async overHttp(): Promise<{ url: string; token: string; close(): Promise<void> }> {
    const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dr-bench-static-'));
    const web = await this.app.startWebServer({ core: this.core, staticDir });
    return {
      url: web.url,
      token: web.token,
      close: async () => {
        await web.close();
        fs.rmSync(staticDir, { recursive: true, force: true });
      },
    };
  }

  /** The list's first page for `q` (a key typed in its search box, or none), asked as the app asks (`listQuery`). */
  list(q = '') {
    return this.query(listQuery(q));
  }

  query(arg: { q?: string; limit?: number }) {
    return this.call('papers.query', arg) as Promise<{ items: { id: string; title: string }[]; indexing: unknown; matched: number }>;
  }

  async indexSource(): Promise<string> {
    return ((await this.call('app.status', {})) as { index: { source: string } }).index.source;
  }

  /** Until the index is ready (loaded or built) and a search answers with results. */
  async untilSearchable(): Promise<void> {
    // A search that fails (the index could not be opened) throws here rather than waiting for ever.
    while ((await this.query({ q: 'model', limit: 1 })).indexing || (await this.indexSource()) === 'loading') await sleep(5);
  }

  /** Until a search for `q` puts a paper that `is` what was wanted first (fails after 60 s). */
  async untilFound(q: string, is: (row: { id: string; title: string }) => boolean): Promise<void> {
    for (const end = performance.now() + 60_000; performance.now() < end; await sleep(5)) {
      const first = (await this.query({ q, limit: 1 })).items[0];
      if (first && is(first)) return;
    }
    throw new Error(`bench: a search for "${q}" never found what was just added`);
  }

  close() {
    return this.core.close();
  }
}

/** Longest time the main thread could not answer a request while `work` ran (ms). */
export async function maxBlock<T>(work: () => Promise<T>): Promise<{ value: T; blockedMs: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  await sleep(20); // the monitor's timer starts on the next turn of the loop
  try {
    const value = await work();
    await sleep(20); // a block is recorded when the monitor's timer next runs
    return { value, blockedMs: Math.round(histogram.max / 1e6) };
  } finally {
    histogram.disable();
  }
}

/**
 * Runs `work` while a reader types a key every `every` ms, and times each key from the moment it
 * was typed until an answer that includes it lands: a search held up by a blocked main thread
 * counts the wait (the import's parse runs before its call even returns, so timing from when a
 * search could start sees none). Keys are sent as the list sends them while typing
 * (`refreshWhileTyping`, renderer/store/paper-list-slice.ts): one query in flight, and the keys
 * typed meanwhile become one query, the latest, sent when it lands. Sending every key behind the
 * last, as this did before, timed a queue the app never makes: once a key cost more than `every`,
 * each waited for all before it, and the figures swung from tens of milliseconds to seconds.
 */
export async function searchWhile<T>(session: AppSession, work: () => Promise<T>, keys: string[], every = 20): Promise<{ value: T; times: number[] }> {
  const start = performance.now();
  const typedAt = (key: number) => start + key * every;
  let done = false;
  const settled = work().finally(() => (done = true));
  const times: number[] = [];
  let typed = 0; // keys typed so far
  let answered = 0; // keys an answer has included
  while (!done || answered < typed) {
    while (!done && typedAt(typed) <= performance.now()) typed++;
    if (answered === typed) {
      await sleep(Math.max(0, typedAt(typed) - performance.now()));
      continue;
    }
    const upTo = typed;
    await session.list(keys[(upTo - 1) % keys.length]);
    const landed = performance.now();
    for (; answered < upTo; answered++) times.push(landed - typedAt(answered));
  }
  return { value: await settled, times };
}

/** A fresh data folder holding a library's digests (hard links: digest files are never written). */
export function freshDataDir(library: string): string {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dr-bench-'));
  const from = path.join(library, 'digests');
  fs.mkdirSync(path.join(dataDir, 'digests'));
  for (const f of fs.readdirSync(from)) fs.linkSync(path.join(from, f), path.join(dataDir, 'digests', f));
  return dataDir;
}

export const since = (start: number) => Math.round(performance.now() - start);
