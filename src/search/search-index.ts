import MiniSearch, { type SearchResult } from 'minisearch';
import * as fs from 'node:fs';
import { readJson, writeFileAtomic } from '../storage/files';
import { processTerm, tokenize } from './text';

/** Bump when the options or document shape change: a persisted index of another version is rebuilt. */
export const INDEX_VERSION = 2;

/** What is indexed of a paper: its text, and the reader's tags and notes on it. */
export interface SearchDoc {
  id: string;
  title: string;
  abstract: string;
  tags?: string;
  notes?: string;
}

const OPTIONS = {
  idField: 'id',
  fields: ['title', 'abstract', 'tags', 'notes'],
  storeFields: [] as string[],
  tokenize,
  processTerm,
};

export interface Hit {
  id: string;
  score: number;
  /** Indexed terms the paper matched, for highlighting. */
  terms: string[];
}

interface Persisted {
  version: number;
  stamp: string;
  index: unknown;
}

/**
 * Query planning for search as you type: every word counts, the last one may be unfinished
 * (prefix from two characters), and only longer words tolerate typos.
 */
const SEARCH = {
  boost: { title: 3, tags: 2.2, notes: 1.5 },
  prefix: (term: string, i: number, terms: string[]) => i === terms.length - 1 && term.length >= 2,
  fuzzy: (term: string) => (term.length >= 5 ? 0.2 : false),
  maxFuzzy: 2,
  combineWith: 'OR' as const,
};

export class SearchIndex {
  #mini: MiniSearch<SearchDoc>;
  /** How this index came to be, for status and tests: loaded from disk or built. */
  source: 'loaded' | 'built' = 'built';

  private constructor(mini: MiniSearch<SearchDoc>) {
    this.#mini = mini;
  }

  static build(docs: Iterable<SearchDoc>): SearchIndex {
    const mini = new MiniSearch<SearchDoc>(OPTIONS);
    mini.addAll([...docs]);
    return new SearchIndex(mini);
  }

  /** Loads a persisted index if it matches this version and the corpus stamp; otherwise undefined. */
  static load(file: string, stamp: string): SearchIndex | undefined {
    if (!fs.existsSync(file)) return undefined;
    try {
      const data = readJson<Persisted>(file);
      if (data.version !== INDEX_VERSION || data.stamp !== stamp) return undefined;
      const index = new SearchIndex(MiniSearch.loadJS(data.index as never, OPTIONS));
      index.source = 'loaded';
      return index;
    } catch {
      return undefined;
    }
  }

  save(file: string, stamp: string): void {
    const data: Persisted = { version: INDEX_VERSION, stamp, index: this.#mini.toJSON() };
    writeFileAtomic(file, JSON.stringify(data));
  }

  add(docs: SearchDoc[]): void {
    this.#mini.addAll(docs);
  }

  /** Re-indexes one paper whose tags or notes changed. */
  update(doc: SearchDoc): void {
    if (this.#mini.has(doc.id)) this.#mini.replace(doc);
    else this.#mini.add(doc);
  }

  get size(): number {
    return this.#mini.documentCount;
  }

  search(query: string, filter?: (id: string) => boolean): Hit[] {
    if (tokenize(query).length === 0) return [];
    const results: SearchResult[] = this.#mini.search(query, {
      ...SEARCH,
      filter: filter ? (r) => filter(r.id as string) : undefined,
    });
    return results.map((r) => ({ id: r.id as string, score: r.score, terms: r.terms }));
  }

  /** "More like this": papers sharing the given (already processed) terms, exact matches only. */
  similar(terms: string[], excludeId: string, limit: number): Hit[] {
    if (terms.length === 0) return [];
    const results = this.#mini.search({ queries: terms, combineWith: 'OR' }, {
      fields: ['title', 'abstract'],
      boost: { title: 2 },
      prefix: false,
      fuzzy: false,
      filter: (r) => r.id !== excludeId,
    });
    return results.slice(0, limit).map((r) => ({ id: r.id as string, score: r.score, terms: r.terms }));
  }
}
