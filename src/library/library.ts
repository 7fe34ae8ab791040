import * as path from 'node:path';
import type { EventBus } from '../api/events';
import { ApiError } from '../api/contract';
import { rerankByPhrase } from '../search/phrase';
import { SearchIndex } from '../search/search-index';
import { highlightRanges, snippet, type Range, type Snippet } from '../search/text';
import type { StoreWarning } from '../storage/user-store';
import { Corpus } from './corpus';
import { importDigest, type ImportReport, type ImportRequest } from './importer';
import type { Digest, Paper } from './types';

export type SortOrder = 'digest' | 'date' | 'title';

export interface PaperQuery {
  q?: string;
  digestId?: string | null;
  sort?: SortOrder;
  offset?: number;
  limit?: number;
}

export interface PaperRow {
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
  readonly #indexFile: string;
  readonly #events: EventBus;
  #saveTimer: NodeJS.Timeout | undefined;
  #sorted = new Map<SortOrder, Paper[]>();

  constructor(dataDir: string, events: EventBus) {
    this.#events = events;
    this.corpus = new Corpus(dataDir);
    this.#indexFile = path.join(dataDir, INDEX_FILE);
    const loaded = SearchIndex.load(this.#indexFile, this.corpus.stamp);
    this.index = loaded ?? SearchIndex.build(this.corpus.papers);
    if (!loaded) this.index.save(this.#indexFile, this.corpus.stamp);
  }

  get warnings(): StoreWarning[] {
    return this.corpus.warnings;
  }

  async import(req: ImportRequest): Promise<ImportReport> {
    const { report, newPapers } = await importDigest(this.corpus, req, (done, total) =>
      this.#events.emit('import.progress', { name: req.name, done, total }),
    );
    if (report.digest) {
      this.index.add(newPapers);
      this.#sorted.clear();
      this.#scheduleSave();
      this.#events.emit('library.changed', { reason: 'import' });
    }
    return report;
  }

  digests(): Digest[] {
    return this.corpus.digests;
  }

  query({ q = '', digestId = null, sort = 'digest', offset = 0, limit = 100 }: PaperQuery): { total: number; items: PaperRow[]; searched: boolean } {
    const inDigest = digestId ? (p: Paper) => p.appearances.some((a) => a.digestId === digestId) : undefined;
    if (digestId && !this.corpus.digest(digestId)) throw new ApiError('not-found', 'That digest is no longer in the library.');
    if (q.trim()) {
      const found = this.index.search(q, inDigest ? (id) => inDigest(this.corpus.paper(id)!) : undefined);
      const hits = rerankByPhrase(found, q, (id) => this.corpus.paper(id)!);
      const items = hits.slice(offset, offset + limit).map((h) => this.#row(this.corpus.paper(h.id)!, new Set(h.terms), digestId));
      return { total: hits.length, items, searched: true };
    }
    let papers = this.#sortedPapers(sort);
    if (inDigest) {
      papers = papers.filter(inDigest);
      if (sort === 'digest') papers = papers.toSorted((a, b) => positionIn(a, digestId!) - positionIn(b, digestId!));
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
      this.index.save(this.#indexFile, this.corpus.stamp);
    }
  }

  #scheduleSave() {
    clearTimeout(this.#saveTimer);
    this.#saveTimer = setTimeout(() => {
      this.#saveTimer = undefined;
      this.index.save(this.#indexFile, this.corpus.stamp);
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
    return { id: p.id, title: p.title, titleRanges: highlightRanges(p.title, terms), snippet: snippet(p.abstract, terms), digests, importedAt: first.importedAt };
  }
}

function positionIn(p: Paper, digestId: string): number {
  return p.appearances.find((a) => a.digestId === digestId)?.position ?? 0;
}
