import { TopHits, type Found, type Hit, type Ranked, type SearchDoc } from './search-types';
import type { AnswerEnd } from './answer-channel';
import { grown } from './grown';

/**
 * Requests to the index worker and what each answers. `within` restricts a search to some
 * papers; the ids travel once per filter (`key`), later searches with the same filter name it.
 */
export type IndexRequest = { seq: number } & (
  | { op: 'load'; file: string }
  | { op: 'reconcile'; ids: string[]; signatures: string[] }
  | { op: 'reconcileReaders'; ids: string[]; signatures: string[] }
  | { op: 'mark'; corpus: string | null }
  /**
   * `background`: an import's papers, indexed in slices while searches go first (index-worker.ts);
   * `last`: its last chunk (the chunks come two at a time, so the queue may empty between them).
   */
  | { op: 'upsert'; docs: SearchDoc[]; background?: boolean; last?: boolean }
  /** `numbering`: the one the main thread holds its papers under (`ReceivedIds`): another starts them again. */
  | { op: 'search'; query: string; within?: { key: string; ids?: string[] }; limit?: number; numbering: number }
  | { op: 'similar'; terms: string[]; paperId: string; limit: number }
  | { op: 'frequencies'; terms: string[] }
  | { op: 'ping' }
  | { op: 'close' }
);

export interface IndexAnswers {
  /** `setAside`: the snapshot could not be read (damaged, or a folder in its place) and was moved there. */
  load: { loaded: boolean; setAside?: { file: string; why: string }; corpus?: string };
  reconcile: { needed: string[] };
  reconcileReaders: { needed: string[] };
  mark: Record<string, never>;
  upsert: { size: number };
  search: PackedFound;
  similar: Hit[];
  frequencies: { documents: number; df: number[] };
  ping: { size: number };
  close: Record<string, never>;
}

/** What the worker is started with (index-worker.ts reads it). */
export interface WorkerOptions {
  /** Papers indexed between two packings of the index while it is built; tests set it low. */
  packEvery?: number;
  /** How long a first build goes between two saves of what it has built (index-worker.ts); tests set 0. */
  buildSaveGapMs?: number;
}

/** What the worker is started with: the options, and where it answers (answer-channel.ts). */
export type WorkerData = WorkerOptions & { answers: AnswerEnd };

export type IndexReply = { seq: number } & ({ ok: true; value: unknown } | { ok: false; error: string });

/**
 * A search's answer as it crosses to the main thread: scores and short ids in typed arrays, and
 * only the ids the main thread was not sent before under the same `numbering` (the worker's
 * `SentIds`, the main thread's `ReceivedIds`). 500 ids in one string at every key, cut apart on
 * the main thread, were compared with the papers' own slowly (a runtime call each): 0.17 ms a key.
 */
export interface PackedFound {
  matched: number;
  numbering?: number;
  scores: Float64Array;
  shortIds?: Int32Array;
  /** The ids of the hits not sent before, in the order of the hits (all of them without `shortIds`). */
  fresh: string[];
}

/**
 * The worker's side: which papers' ids the main thread was sent. A short id names one paper for
 * as long as the index that gave it (MiniSearch never reuses one), so the ids start again, under
 * a new numbering, only when the index is another or the main thread is out of step.
 */
export class SentIds {
  #numbering = 0;
  #index = -1;
  #sent = new Uint8Array(0);

  pack(found: Found, held: number): PackedFound {
    const { matched, shortIds, numbering: index } = found;
    const top = found instanceof TopHits ? found : undefined;
    const scores = top ? top.scores : Float64Array.from(found.hits, (h) => h.score);
    // Without numbers (no hits, or an engine that gives none), every id goes across.
    if (!shortIds || index === undefined) return { matched, scores, fresh: found.hits.map((h) => h.id) };
    if (index !== this.#index || held !== this.#numbering) {
      this.#numbering++;
      this.#index = index;
      this.#sent = new Uint8Array(0);
    }
    const fresh: string[] = [];
    for (let i = 0; i < shortIds.length; i++) {
      const shortId = shortIds[i];
      if (shortId >= this.#sent.length) this.#sent = grown(this.#sent, Math.max(shortId + 1, 2 * this.#sent.length, 1024));
      if (this.#sent[shortId]) continue;
      this.#sent[shortId] = 1;
      fresh.push(top ? top.idOf(shortId) : found.hits[i].id);
    }
    return { matched, numbering: this.#numbering, scores, shortIds, fresh };
  }
}

/** A hit as the main thread takes it: with the paper (or whatever `find` gives) its id names. */
export interface FoundHit<T> extends Ranked {
  paper: T;
}

/** A search's answer on the main thread: the hits whose papers were found, best first. */
export interface FoundPapers<T> {
  matched: number;
  /** How many the index ranked, those whose papers were not found too (`hits` leaves them out). */
  ranked: number;
  hits: FoundHit<T>[];
}

/**
 * The main thread's side: what each short id names, under the worker's numbering. A paper is
 * found by its id once (`find`: a lookup in a Map of 100,000 ids, about a microsecond), then by
 * its short id alone, with no ids compared (and none kept but those of papers not found). Until
 * the fourteenth round the ids were kept, at most 50,000, and every paper found again under each
 * new numbering: 75 lookups a key (BENCHMARKS.md). A paper kept is served for as long as the
 * numbering lasts: the corpus never removes a paper nor replaces its object (merges change it in
 * place); one that did would have to start a new numbering here.
 */
export class ReceivedIds<T extends { readonly id: string }> {
  #numbering = 0;
  /** By short id, what was found for it; grown by pushing (V8 keeps an array with holes as a dictionary). */
  #found: Array<T | undefined> = [];
  /** Ids sent whose paper was not found (not in the library yet, or no longer): looked for again at each hit. */
  readonly #unfound = new Map<number, string>();

  constructor(private readonly find: (id: string) => T | undefined) {}

  /** What the ids held are numbered under (0: none, or out of step, and to be sent again). */
  get numbering(): number {
    return this.#numbering;
  }

  unpack({ matched, numbering, scores, shortIds, fresh }: PackedFound): FoundPapers<T> {
    const hits: FoundHit<T>[] = [];
    const add = (paper: T | undefined, score: number) => {
      if (paper) hits.push({ id: paper.id, score, paper });
    };
    if (!shortIds || numbering === undefined) {
      scores.forEach((score, i) => add(this.find(fresh[i]), score));
      return { matched, ranked: scores.length, hits };
    }
    if (numbering !== this.#numbering) {
      this.#numbering = numbering;
      this.#found = [];
      this.#unfound.clear();
    }
    let next = 0;
    for (let i = 0; i < shortIds.length; i++) {
      const shortId = shortIds[i];
      let paper = this.#found[shortId];
      if (paper === undefined) {
        const id = this.#unfound.get(shortId) ?? fresh[next++];
        if (id === undefined) {
          this.#numbering = 0; // the next search asks for every id again
          throw new Error('search index: a hit came without its id; search again');
        }
        paper = this.#remember(shortId, id);
      }
      add(paper, scores[i]);
    }
    return { matched, ranked: scores.length, hits };
  }

  #remember(shortId: number, id: string): T | undefined {
    const paper = this.find(id);
    if (!paper) {
      this.#unfound.set(shortId, id);
      return undefined;
    }
    this.#unfound.delete(shortId);
    while (this.#found.length <= shortId) this.#found.push(undefined);
    this.#found[shortId] = paper;
    return paper;
  }
}
