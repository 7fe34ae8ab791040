import type { Found, Hit, Ranked, SearchDoc } from './engine';

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
  | { op: 'search'; query: string; within?: { key: string; ids?: string[] }; limit?: number }
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
 * A search's answer as it crosses to the main thread: the ids in one string, the scores in one
 * array. 500 hits as objects were 500 objects to clone on each side, at every key.
 */
export interface PackedFound {
  matched: number;
  /** The hits' ids, best first, each followed by a newline (ids hold none: api/schemas.ts). */
  ids: string;
  scores: Float64Array;
  shortIds?: Int32Array;
}

export function packFound({ matched, hits, shortIds }: Found): PackedFound {
  const scores = new Float64Array(hits.length);
  const ids = new Array<string>(hits.length);
  hits.forEach((hit, i) => {
    ids[i] = hit.id;
    scores[i] = hit.score;
  });
  return { matched, ids: hits.length ? `${ids.join('\n')}\n` : '', scores, shortIds };
}

export function unpackFound({ matched, ids, scores, shortIds }: PackedFound): Found {
  const hits = new Array<Ranked>(scores.length);
  let at = 0;
  for (let i = 0; i < scores.length; i++) {
    const end = ids.indexOf('\n', at);
    hits[i] = { id: ids.slice(at, end), score: scores[i] };
    at = end + 1;
  }
  return { matched, hits, shortIds };
}
