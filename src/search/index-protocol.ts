import type { Found, Hit, Ranked, SearchDoc } from './engine';
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
  /** `numbering`: the one the main thread holds its ids under (`ReceivedIds`): another starts them again. */
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

/** Ids sent before are forgotten past this many (and sent again): the main thread keeps each. */
const KEPT_IDS = 50_000;

/**
 * The worker's side: which papers' ids the main thread holds. A short id names one paper for as
 * long as the index that gave it (MiniSearch never reuses one), so the ids start again, under a
 * new numbering, when the index is another or too many are held.
 */
export class SentIds {
  #numbering = 0;
  #index = -1;
  #sent = new Uint8Array(0);
  #count = 0;

  pack({ matched, hits, shortIds, numbering: index }: Found, held: number): PackedFound {
    const scores = Float64Array.from(hits, (h) => h.score);
    // Without numbers (no hits, or an engine that gives none), every id goes across.
    if (!shortIds || index === undefined) return { matched, scores, fresh: hits.map((h) => h.id) };
    if (index !== this.#index || this.#count >= KEPT_IDS || held !== this.#numbering) {
      this.#numbering++;
      this.#index = index;
      this.#sent = new Uint8Array(0);
      this.#count = 0;
    }
    const fresh: string[] = [];
    hits.forEach((hit, i) => {
      const shortId = shortIds[i];
      if (shortId >= this.#sent.length) this.#sent = grown(this.#sent, Math.max(shortId + 1, 2 * this.#sent.length, 1024));
      if (this.#sent[shortId]) return;
      this.#sent[shortId] = 1;
      this.#count++;
      fresh.push(hit.id);
    });
    return { matched, numbering: this.#numbering, scores, shortIds, fresh };
  }
}

/** The main thread's side: the ids sent, by short id, under the worker's numbering. */
export class ReceivedIds {
  #numbering = 0;
  #ids = new Map<number, string>();

  /** What the ids held are numbered under (0: none, or out of step, and to be sent again). */
  get numbering(): number {
    return this.#numbering;
  }

  unpack({ matched, numbering, scores, shortIds, fresh }: PackedFound): Found {
    if (!shortIds || numbering === undefined) return { matched, hits: Array.from(scores, (score, i) => ({ id: fresh[i], score })) };
    if (numbering !== this.#numbering) {
      this.#numbering = numbering;
      this.#ids = new Map();
    }
    let next = 0;
    const hits = Array.from(scores, (score, i): Ranked => {
      const shortId = shortIds[i];
      let id = this.#ids.get(shortId);
      if (id === undefined) {
        id = fresh[next++];
        if (id === undefined) {
          this.#numbering = 0; // the next search asks for every id again
          throw new Error('search index: a hit came without its id; search again');
        }
        this.#ids.set(shortId, id);
      }
      return { id, score };
    });
    return { matched, hits, shortIds, numbering };
  }
}
