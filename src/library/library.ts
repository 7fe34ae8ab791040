import * as path from 'node:path';
import type { EventBus } from '../api/events';
import { ApiError } from '../api/contract';
import { rerankByPhrase } from '../search/phrase';
import { SearchIndex } from '../search/search-index';
import { TermStats } from '../search/distinctive';
import { highlightRanges, snippet, type Range, type Snippet } from '../search/text';
import { migrate, type UserData } from '../storage/schema';
import type { StoreWarning } from '../storage/user-store';
import { Corpus } from './corpus';
import { importDigest, type ImportReport, type ImportRequest } from './importer';
import type { Digest, Paper } from './types';
import { searchDoc, userFields, userFilter, type UserFields, type UserFilter } from './user-view';

/** 'list' is the reading list's own order, when a list is shown. */
export type SortOrder = 'digest' | 'date' | 'title' | 'list';

export interface PaperQuery extends UserFilter {
  q?: string;
  digestId?: string | null;
  sort?: SortOrder;
  offset?: number;
  limit?: number;
}

export interface PaperRow extends UserFields {
  id: string;
  title: string;
  titleRanges: Range[];
  snippet: Snippet;
  digests: { id: string; name: string }[];
  importedAt: string;
}

export interface PaperView {
  id: string;
  title: string;
  abstract: string;
  titleRanges: Range[];
  abstractRanges: Range[];
  appearances: { digestId: string; digestName: string; position: number; importedAt: string }[];
}

const INDEX_FILE = 'search-index.json';
const SAVE_DELAY_MS = 300;

/** Papers and digests: the corpus, its search index, and the queries the renderer asks. */
export class Library {
  readonly corpus: Corpus;
  index: SearchIndex;
  /** Word statistics of the library, for distinctive terms and related papers. */
  readonly terms: TermStats;
  readonly #indexFile: string;
  readonly #events: EventBus;
  #saveTimer: NodeJS.Timeout | undefined;
  #sorted = new Map<SortOrder, Paper[]>();
  readonly #userData: () => Readonly<UserData>;

  /** `userData` gives the reader's current data (tags, notes…), which filters and the index use. */
  constructor(dataDir: string, events: EventBus, userData: () => Readonly<UserData> = () => EMPTY_USER_DATA) {
    this.#events = events;
    this.#userData = userData;
    this.corpus = new Corpus(dataDir);
    this.terms = new TermStats(this.corpus);
    this.#indexFile = path.join(dataDir, INDEX_FILE);
    const loaded = SearchIndex.load(this.#indexFile, this.#stamp());
    this.index = loaded ?? SearchIndex.build(this.#docs(this.corpus.papers));
    if (!loaded) this.index.save(this.#indexFile, this.#stamp());
  }

  /** The index's stamp: which digests it holds and which revision of the reader's data. */
  #stamp(): string {
    return `${this.corpus.stamp}|${this.#userData().revision ?? 0}`;
  }

  *#docs(papers: Iterable<Paper>) {
    const data = this.#userData();
    for (const p of papers) yield searchDoc(p, data);
  }

  /** Re-indexes papers whose tags, note or highlights changed. */
  reindex(paperIds: string[]): void {
    const data = this.#userData();
    for (const id of paperIds) {
      const p = this.corpus.paper(id);
      if (p) this.index.update(searchDoc(p, data));
    }
    this.#scheduleSave();
  }

  get warnings(): StoreWarning[] {
    return this.corpus.warnings;
  }

  async import(req: ImportRequest): Promise<ImportReport> {
    const { report, newPapers } = await importDigest(this.corpus, req, (done, total) =>
      this.#events.emit('import.progress', { name: req.name, done, total }),
    );
    if (report.digest) {
      this.index.add([...this.#docs(newPapers)]);
      this.#sorted.clear();
      this.#scheduleSave();
      this.#events.emit('library.changed', { reason: 'import' });
    }
    return report;
  }

  digests(): Digest[] {
    return this.corpus.digests;
  }

  query({ q = '', digestId = null, sort = 'digest', offset = 0, limit = 100, ...filter }: PaperQuery): { total: number; items: PaperRow[]; searched: boolean } {
    const data = this.#userData();
    if (digestId && !this.corpus.digest(digestId)) throw new ApiError('not-found', 'That digest is no longer in the library.');
    if (filter.listId && !data.lists[filter.listId]) throw new ApiError('not-found', 'That reading list no longer exists.');
    const byUser = userFilter(data, filter);
    const byDigest = digestId ? (p: Paper) => p.appearances.some((a) => a.digestId === digestId) : undefined;
    const inDigest = byUser && byDigest ? (p: Paper) => byDigest(p) && byUser(p) : (byUser ?? byDigest);
    if (q.trim()) {
      const found = this.index.search(q, inDigest ? (id) => inDigest(this.corpus.paper(id)!) : undefined);
      const hits = rerankByPhrase(found, q, (id) => this.corpus.paper(id)!);
      const items = hits.slice(offset, offset + limit).map((h) => this.#row(this.corpus.paper(h.id)!, new Set(h.terms), digestId));
      return { total: hits.length, items, searched: true };
    }
    let papers: Paper[];
    if (filter.listId && sort === 'list') {
      papers = data.lists[filter.listId].paperIds.map((id) => this.corpus.paper(id)).filter((p): p is Paper => Boolean(p));
      if (inDigest) papers = papers.filter(inDigest);
    } else {
      papers = this.#sortedPapers(sort === 'list' ? 'digest' : sort);
      if (inDigest) papers = papers.filter(inDigest);
      if (digestId && sort === 'digest') papers = papers.toSorted((a, b) => positionIn(a, digestId) - positionIn(b, digestId));
    }
    return { total: papers.length, items: papers.slice(offset, offset + limit).map((p) => this.#row(p, new Set(), digestId)), searched: false };
  }

  get(id: string, q = ''): PaperView {
    const paper = this.corpus.paper(id);
    if (!paper) throw new ApiError('not-found', 'That paper is no longer in the library.');
    const terms = new Set(q.trim() ? (this.index.search(q, (other) => other === id)[0]?.terms ?? []) : []);
    return {
      id: paper.id,
      title: paper.title,
      abstract: paper.abstract,
      titleRanges: highlightRanges(paper.title, terms),
      abstractRanges: highlightRanges(paper.abstract, terms),
      appearances: paper.appearances.map((a) => {
        const d = this.corpus.digest(a.digestId)!;
        return { digestId: a.digestId, digestName: d.name, position: a.position, importedAt: d.importedAt };
      }),
    };
  }

  /** Writes the index now (at shutdown) instead of waiting for the debounce. */
  flush(): void {
    if (this.#saveTimer) {
      clearTimeout(this.#saveTimer);
      this.#saveTimer = undefined;
      this.index.save(this.#indexFile, this.#stamp());
    }
  }

  #scheduleSave() {
    clearTimeout(this.#saveTimer);
    this.#saveTimer = setTimeout(() => {
      this.#saveTimer = undefined;
      this.index.save(this.#indexFile, this.#stamp());
    }, SAVE_DELAY_MS);
  }

  #sortedPapers(sort: SortOrder): Paper[] {
    let list = this.#sorted.get(sort);
    if (!list) {
      const all = [...this.corpus.papers];
      const first = (p: Paper) => this.corpus.digest(p.appearances[0].digestId)!.importedAt;
      if (sort === 'title') list = all.sort((a, b) => a.title.localeCompare(b.title, undefined, { sensitivity: 'base' }));
      else if (sort === 'date') list = all.sort((a, b) => first(b).localeCompare(first(a)) || a.appearances[0].position - b.appearances[0].position);
      else list = all; // insertion order is first-appearance order
      this.#sorted.set(sort, list);
    }
    return list;
  }

  #row(p: Paper, terms: Set<string>, digestId: string | null): PaperRow {
    const first = this.corpus.digest(p.appearances[0].digestId)!;
    const digests = p.appearances.map((a) => ({ id: a.digestId, name: this.corpus.digest(a.digestId)!.name }));
    if (digestId) digests.sort((a, b) => Number(b.id === digestId) - Number(a.id === digestId));
    return { id: p.id, title: p.title, titleRanges: highlightRanges(p.title, terms), snippet: snippet(p.abstract, terms), digests, importedAt: first.importedAt, ...userFields(this.#userData(), p.id) };
  }
}

const EMPTY_USER_DATA = migrate({});

function positionIn(p: Paper, digestId: string): number {
  return p.appearances.find((a) => a.digestId === digestId)?.position ?? 0;
}
