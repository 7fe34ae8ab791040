import type { Found, Hit, SearchDoc } from './engine';

/**
 * Requests to the index worker and what each answers. `within` restricts a search to some
 * papers; the ids travel once per filter (`key`), later searches with the same filter name it.
 */
export type IndexRequest = { seq: number } & (
  | { op: 'load'; file: string }
  | { op: 'reconcile'; ids: string[]; signatures: string[] }
  | { op: 'reconcileReaders'; ids: string[]; signatures: string[] }
  | { op: 'mark'; corpus: string | null }
  /** `background`: an import's papers, indexed in slices while searches go first (index-worker.ts). */
  | { op: 'upsert'; docs: SearchDoc[]; background?: boolean }
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
  search: Found;
  similar: Hit[];
  frequencies: { documents: number; df: number[] };
  ping: { size: number };
  close: Record<string, never>;
}

export type IndexReply = { seq: number } & ({ ok: true; value: unknown } | { ok: false; error: string });
