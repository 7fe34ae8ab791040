/**
 * "Best for you" in the core: keeps the ranking worker's features in step with the library,
 * retrains when the reader's signals change (debounced) and after imports, and holds the latest
 * scores so any list, digest or search is ordered at once. Started on first use: a command-line
 * `search` never pays for a model. Reasons are asked of the worker for the rows shown only.
 */
import type { EventBus } from '../api/events';
import { MIN_POSITIVES, notEnoughSignal, type RankingState } from '../api/vocabulary';
import type { Corpus } from '../library/corpus';
import type { Paper } from '../library/types';
import type { UserData } from '../storage/schema';
import { RankClient } from './rank-client';
import { ownStar } from '../smart/rule-marks';
import type { Scores, TrainOutcome } from './rank-protocol';
import { nounFor, readSignals, reasonText, type Signals } from './signals';

export interface RankingStatus {
  state: RankingState;
  /** Ready to show: "Ranked from 12 of your papers", "Not enough signal yet: …", "Learning your interests…". */
  message: string;
  positives: number;
  negatives: number;
  needed: number;
  trainedAt: string | null;
  /** Tags with enough papers for a model of their own ("Best for you" within a tag's interest). */
  tags: { id: string; name: string; papers: number }[];
}

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface RankingOptions {
  /** How long signals must stay still before a retrain (default 2 s). */
  debounceMs?: number;
  timers?: Timers;
  client?: () => RankClient;
  now?: () => string;
}

const SLICE = 2000;
/** New papers beyond this share of those the features were built from: build them again (new terms count). */
const REBUILD_GROWTH = 0.1;
const realTimers: Timers = { set: (fn, ms) => setTimeout(fn, ms).unref(), clear: (h) => clearTimeout(h as NodeJS.Timeout) };

export class RankingService {
  #client: RankClient | undefined;
  #timer: unknown;
  #running: Promise<void> | undefined;
  #again = false;
  #closed = false;
  readonly #inFeatures = new Set<string>();
  #builtFrom = 0;
  #signals: Signals | undefined;
  #trained: string | undefined;
  #outcome: TrainOutcome | undefined;
  #failure: string | undefined;
  #trainedAt: string | null = null;
  #scores = new Map<string, number>();
  readonly #tagScores = new Map<string, Map<string, number> | null>();
  readonly #reasons = new Map<string, string | null>();
  readonly #waiters: (() => void)[] = [];
  readonly #debounceMs: number;
  readonly #timers: Timers;
  readonly #options: RankingOptions;

  constructor(
    private readonly corpus: Corpus,
    private readonly events: EventBus,
    private readonly data: () => Readonly<UserData>,
    options: RankingOptions = {},
  ) {
    this.#options = options;
    this.#debounceMs = options.debounceMs ?? 2000;
    this.#timers = options.timers ?? realTimers;
    events.on('library.changed', ({ reason }) => {
      if (this.#client && reason !== 'index') this.#schedule(this.#debounceMs);
    });
  }

  /** Starts the model (once): the first training begins at once. */
  activate(): void {
    if (this.#client || this.#closed) return;
    this.#client = (this.#options.client ?? (() => new RankClient()))();
    this.#schedule(0);
  }

  status(): RankingStatus {
    const data = this.data();
    const positives = this.#signals?.positives.length ?? 0;
    const negatives = this.#signals?.negatives.length ?? 0;
    const o = this.#outcome;
    // The state of the model in use: a retrain under way keeps showing the one it will replace.
    const state: RankingState = this.#failure ? 'failed' : !this.#client ? 'idle' : !o ? 'training' : o.ok ? 'ready' : 'not-enough-signal';
    const message =
      state === 'failed'
        ? `“Best for you” is unavailable: ${this.#failure}`
        : state === 'ready'
          ? `Ranked from ${positives} of your papers${negatives ? ` and ${negatives} you passed over` : ''}.`
          : state === 'not-enough-signal'
            ? notEnoughSignal(positives)
            : 'Learning your interests…';
    const tags = Object.entries(this.#signals?.byTag ?? {})
      .filter(([id, ids]) => ids.length >= MIN_POSITIVES && data.tags[id])
      .map(([id, ids]) => ({ id, name: data.tags[id].name, papers: ids.length }))
      .sort((a, b) => a.name.localeCompare(b.name));
    return { state, message, positives, negatives, needed: MIN_POSITIVES, trainedAt: this.#trainedAt, tags };
  }

  /**
   * Starts the model if need be, and makes sure a tag's model exists before its order is asked
   * for (trained on demand, kept until the next retrain). Never waits for the first model: until
   * it is there, lists keep their order and the status says "Learning your interests…".
   */
  async prepare(tagId?: string | null): Promise<void> {
    this.activate();
    if (!tagId || !this.#outcome || this.#tagScores.has(tagId) || !this.#client || !this.#signals) return;
    const { outcome, ...scores } = await this.#client.call('train', {
      model: tagId,
      positives: this.#signals.byTag[tagId] ?? [],
      negatives: this.#signals.negatives,
    });
    this.#tagScores.set(tagId, outcome.ok ? toMap(scores) : null);
  }

  /**
   * Papers best first, or null when there is no model to order by. Papers the reader already
   * judged (starred or read) come after those still to judge, papers not scored yet after the
   * scored ones, and papers the reader marked "not interested" last of all: the model learns from
   * that mark, but the reader said it of this very paper. (A tag may come from a smart list's rule,
   * not from the reader: a tagged paper is still to judge; so is one only a rule starred.)
   */
  order(papers: readonly Paper[], tagId?: string | null): Paper[] | null {
    const scores = tagId ? this.#tagScores.get(tagId) : this.#outcome?.ok ? this.#scores : null;
    if (!scores) return null;
    const data = this.data();
    const group = (p: Paper) => {
      const s = data.status[p.id];
      return s?.notInterested ? 2 : ownStar(data, p.id) || s?.state === 'read' ? 1 : 0;
    };
    return papers
      .map((p, i) => ({ p, i, g: group(p), s: scores.get(p.id) ?? -1e9 }))
      .sort((a, b) => a.g - b.g || b.s - a.s || a.i - b.i)
      .map((x) => x.p);
  }

  /** Why each paper ranks where it does, in words; null where nothing it says pulls it up. */
  async reasons(ids: readonly string[], tagId?: string | null): Promise<Map<string, string | null>> {
    const key = (id: string) => `${tagId ?? ''}:${id}`;
    const missing = ids.filter((id) => !this.#reasons.has(key(id)));
    const signals = this.#signals;
    if (missing.length && this.#client && signals) {
      const positives = tagId ? (signals.byTag[tagId] ?? []) : signals.positives;
      const name = tagId ? this.data().tags[tagId]?.name : undefined;
      const texts = missing.map((id) => {
        const p = this.corpus.paper(id);
        return p ? `${p.title}. ${p.abstract}` : '';
      });
      const { explanations } = await this.#client.call('explain', { model: tagId ?? null, ids: missing, positives, texts }).catch(() => ({ explanations: [] }));
      missing.forEach((id, i) => {
        const e = explanations[i];
        if (e === undefined) return;
        const noun: [string, string] = name ? [`paper tagged ${name}`, `papers tagged ${name}`] : nounFor(e?.sharedWith ?? [], signals.kinds);
        this.#reasons.set(key(id), e ? reasonText(e.terms, e.sharedWith.length, noun) : null);
      });
    }
    return new Map(ids.map((id) => [id, this.#reasons.get(key(id)) ?? null]));
  }

  /**
   * Resolves once no retrain is waiting or under way (at once when none is), or the service
   * closes: then `status()` tells the model in use. Resolved by the service itself, never polled.
   */
  idle(): Promise<void> {
    if (this.#settled()) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  #settled(): boolean {
    return this.#closed || (!this.#running && this.#timer === undefined);
  }

  #wake() {
    if (!this.#settled()) return;
    for (const resolve of this.#waiters.splice(0)) resolve();
  }

  async close(): Promise<void> {
    this.#closed = true;
    if (this.#timer !== undefined) this.#timers.clear(this.#timer);
    this.#timer = undefined;
    this.#wake();
    await this.#client?.close();
  }

  #schedule(ms: number) {
    if (this.#closed) return;
    if (this.#timer !== undefined) this.#timers.clear(this.#timer);
    this.#timer = this.#timers.set(() => {
      this.#timer = undefined;
      if (this.#running) this.#again = true;
      else this.#running = this.#run();
    }, ms);
  }

  async #run(): Promise<void> {
    try {
      const fresh = await this.#syncPapers();
      const signals = readSignals(this.data(), (id) => this.#inFeatures.has(id));
      if (signals.signature !== this.#trained) {
        const { outcome, ...scores } = await this.#client!.call('train', { model: null, positives: signals.positives, negatives: signals.negatives });
        // The signals, scores and reasons in use change together, once the new model is there.
        this.#signals = signals;
        this.#outcome = outcome;
        this.#scores = toMap(scores);
        this.#trained = signals.signature;
        this.#trainedAt = (this.#options.now ?? (() => new Date().toISOString()))();
        this.#tagScores.clear();
        this.#reasons.clear();
      } else if (fresh.length && this.#outcome?.ok) {
        for (const [id, s] of toMap(await this.#client!.call('score', { model: null, ids: fresh }))) this.#scores.set(id, s);
        this.#tagScores.clear();
      } else if (!fresh.length) return;
      this.#failure = undefined;
    } catch (error) {
      if (this.#closed) return;
      this.#failure = (error as Error).message;
    } finally {
      this.#running = undefined;
      if (this.#again && !this.#closed) {
        this.#again = false;
        this.#running = this.#run();
      }
      // After the event below is emitted, in a later turn: whoever waited reads the new status.
      queueMicrotask(() => this.#wake());
    }
    if (!this.#closed) this.events.emit('ranking.changed', { state: this.status().state });
  }

  /** Sends the worker the papers it lacks; builds the features again when the library grew by a tenth. Returns the new ids. */
  async #syncPapers(): Promise<string[]> {
    const client = this.#client!;
    if (this.corpus.paperCount === this.#inFeatures.size) return []; // papers are only ever added
    const fresh = Array.from(this.corpus.papers).filter((p) => !this.#inFeatures.has(p.id));
    if (fresh.length === 0) return [];
    const text = (p: Paper) => ({ id: p.id, title: p.title, abstract: p.abstract });
    if (this.#builtFrom === 0 || fresh.length > this.#builtFrom * REBUILD_GROWTH) {
      const all = Array.from(this.corpus.papers);
      for (let i = 0; i < all.length; i += SLICE) await client.call('build-add', { papers: all.slice(i, i + SLICE).map(text) });
      await client.call('build-end', {});
      all.forEach((p) => this.#inFeatures.add(p.id));
      this.#builtFrom = all.length;
      this.#trained = undefined; // new features: every model is trained again
      return all.map((p) => p.id);
    }
    for (let i = 0; i < fresh.length; i += SLICE) await client.call('extend', { papers: fresh.slice(i, i + SLICE).map(text) });
    fresh.forEach((p) => this.#inFeatures.add(p.id));
    return fresh.map((p) => p.id);
  }
}

function toMap({ ids, scores }: Scores): Map<string, number> {
  return new Map(ids.map((id, i) => [id, scores[i]]));
}
