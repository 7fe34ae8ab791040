import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { EventBus } from '../api/events';
import { ApiError } from '../api/contract';
import { plainTitle } from '../digest/latex';
import { PhraseMemo, rerankByPhrase, RERANK_TOP } from '../search/phrase';
import { RANKED, SearchIndex } from '../search/search-index';
import { scanFrequencies, TermStats } from '../search/distinctive';
import { QueryMarks } from '../search/marks';
import { highlightRanges, type Marked } from '../search/text';
import { migrate, type UserData } from '../storage/schema';
import type { BestOrder, ImportHook, PaperPage, PaperQuery, PaperRow, PaperView } from './page';
import type { StoreWarning } from '../storage/store-messages';
import { Corpus } from './corpus';
import { SortedPapers } from './sorted-papers';
import { DigestParser } from '../digest/parse-off-thread';
import { GrowthCollector } from '../shared/collect-garbage';
import { importDigest, type ImportReport, type ImportRequest } from './importer';
import type { Digest, Paper } from './types';
import { allOf, factFilter, identityOf, positionIn } from './paper-facts';
import { paperRow } from './paper-row';
import { RowsAhead } from './rows-ahead';
import { cachedFacets, FacetCount, facetsOf, type Facets } from './facets';
import { readerPaperIds, searchDoc, userFilter } from './user-view';

export type { BestOrder, ImportHook, PaperPage, PaperQuery, PaperRow, PaperView, SortOrder } from './page';

const INDEX_FILE = 'search-index.bin';
/** From this many papers an import is indexed in the background, searches going first. */
const BACKGROUND_FROM = 1000;
/** Where versions before the index worker kept the index (as JSON); removed on sight. */
const OLD_INDEX_FILE = 'search-index.json';

/** Papers and digests: the corpus, its search index, and the queries the renderer asks. */
export class Library {
  readonly corpus: Corpus;
  readonly index: SearchIndex<Paper>;
  /** Resolves when search works: the saved index is loaded and brought up to date, or built. */
  readonly ready: Promise<void>;
  /** Word statistics of the library, for distinctive terms and related papers. */
  readonly terms: TermStats;
  /** The categories and years of the whole library, counted again only when its digests change. */
  readonly facets: () => Facets;
  readonly #events: EventBus;
  #indexError: Error | undefined;
  readonly #sorted: SortedPapers;
  #importing: Promise<unknown> = Promise.resolve();
  readonly #parser = new DigestParser();
  readonly #garbage = new GrowthCollector();
  /** What the last key's phrase re-rank learnt, for the next (phrase.ts). */
  readonly #phrases = new PhraseMemo();
  readonly #rowsAhead = new RowsAhead<Paper, PaperRow>();
  readonly #userData: () => Readonly<UserData>;
  /** Set by the core: the interest model's order, and the smart lists' rules at import. */
  bestOrder: BestOrder | undefined;
  onImported: ImportHook | undefined;

  /** `userData` gives the reader's current data (tags, notes…), which filters and the index use. */
  constructor(dataDir: string, events: EventBus, userData: () => Readonly<UserData> = () => EMPTY_USER_DATA) {
    this.#events = events;
    this.#userData = userData;
    // The index worker first, loading the saved index while this thread reads the corpus (from its
    // cache): at 100,000 papers search works after 1.6–1.8 s against 2.4–2.8 s one after the other,
    // the first list unchanged (BENCHMARKS.md). The list needs the corpus alone; search, `ready`.
    fs.rmSync(path.join(dataDir, OLD_INDEX_FILE), { force: true });
    this.index = new SearchIndex(path.join(dataDir, INDEX_FILE), {}, (id) => this.corpus.paper(id));
    try {
      this.corpus = new Corpus(dataDir);
    } catch (error) {
      void this.index.close(); // a library that cannot open leaves no worker behind
      throw error;
    }
    this.facets = cachedFacets(this.corpus);
    this.#sorted = new SortedPapers(this.corpus);
    this.ready = this.index
      .open({
        ids: () => Array.from(this.corpus.papers, (p) => p.id),
        doc: (id) => {
          const p = this.corpus.paper(id);
          return p && searchDoc(p, this.#userData());
        },
        stamp: () => this.#stamp(),
        readerIds: () => readerPaperIds(this.#userData()),
      })
      .then(
        () => {
          if (this.index.ready) this.#events.emit('library.changed', { reason: 'index' });
        },
        (error: Error) => {
          this.#indexError = error;
          console.error(`[digest-reader] the search index could not be opened: ${error.message}`);
        },
      );
    // The index counts document frequencies at once; until it can (a first build), or if it
    // failed, they are counted from the corpus, slowly but without holding up the thread.
    const scan = scanFrequencies(() => this.corpus.papers);
    this.terms = new TermStats(this.corpus, (terms) => (this.index.ready ? this.index.frequencies(terms) : scan(terms)));
    this.#garbage.reset(); // the corpus read: growth counts from here
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
  }

  get warnings(): StoreWarning[] {
    const aside = this.index.setAside;
    const rebuilt: StoreWarning[] = aside
      ? [
          {
            code: 'index-rebuilt',
            message: `The search index could not be read (${aside.why}); it was kept as ${aside.file} and rebuilt from your library. Nothing of yours was lost.`,
          },
        ]
      : [];
    return [...this.corpus.warnings, ...rebuilt];
  }

  /** Imports one at a time: each resolves its papers against what the ones before it added. */
  import(req: ImportRequest): Promise<ImportReport> {
    const run = this.#importing.then(() => this.#import(req));
    this.#importing = run.catch(() => undefined);
    return run;
  }

  async #import(req: ImportRequest): Promise<ImportReport> {
    const name = req.name ?? req.fileName ?? 'digest';
    this.#garbage.check(); // the imports' before it
    const { report, newPapers, changedPapers, paperIds } = await importDigest(this.corpus, this.#parser, req, (done, total) =>
      this.#events.emit('import.progress', { name, done, total }),
    );
    // A text that only updated known papers' facts (report.updated) made no digest, but changed them.
    if (report.digest || report.updated) {
      const papers = [...newPapers, ...changedPapers];
      // Made as they are sent, with the reader's data as it is then.
      const docs = { size: papers.length, docs: (from: number, to: number) => [...this.#docs(papers.slice(from, to))] };
      // In the background, searches meanwhile answer at once, without these papers; the page asks
      // again once they are in. Then the import's garbage, its documents' too (see GrowthCollector).
      const background = papers.length >= BACKGROUND_FROM;
      void this.index.add(docs, background).then(() => {
        this.#garbage.soon();
        if (background) this.#events.emit('library.changed', { reason: 'index' });
      });
      this.index.mark(this.#stamp());
      if (report.digest && this.onImported) {
        const papers = paperIds.map((id) => this.corpus.paper(id)).filter((p): p is Paper => Boolean(p));
        Object.assign(report, this.onImported({ papers, newIds: new Set(newPapers.map((p) => p.id)) }));
      }
      // A revised title moves a paper in the title order: sort again (rare), else insert the new ones.
      if (report.revised.length) this.#sorted.clear();
      else this.#sorted.insert(newPapers);
      this.#events.emit('library.changed', { reason: 'import' });
    }
    return report;
  }

  digests(): Digest[] {
    return this.corpus.digests;
  }

  async query({
    q = '',
    digestId = null,
    sort = 'digest',
    offset = 0,
    limit = 100,
    author,
    category,
    year,
    within,
    bestFor,
    facets: counted = false,
    locate,
    ...filter
  }: PaperQuery): Promise<PaperPage> {
    const data = this.#userData();
    this.#garbage.postpone(); // never while the reader types
    if (digestId && !this.corpus.digest(digestId)) throw new ApiError('not-found', 'That digest is no longer in the library.');
    if (filter.listId && !data.lists[filter.listId]) throw new ApiError('not-found', 'That reading list no longer exists.');
    const byDigest = digestId ? (p: Paper) => p.appearances.some((a) => a.digestId === digestId) : undefined;
    const inSet = within ? (p: Paper) => within.ids.has(p.id) : undefined;
    // The view (a digest, list, tag, smart list, status, author), then the category and year filters.
    const inView = allOf([byDigest, inSet, userFilter(data, filter), factFilter({ author })]);
    const [inCategory, inYear] = [factFilter({ category }), factFilter({ year })];
    const inDigest = allOf([inView, inCategory, inYear]);
    const order = this.bestOrder;
    const best = sort === 'best' && order ? (papers: readonly Paper[]) => order(papers, bestFor) : undefined;
    if (q.trim()) {
      if (!this.#searchable()) return { total: 0, matched: 0, items: [], searched: true, indexing: { ...this.index.progress } };
      // The filter's papers go to the index once, and again only when the filter or the data change.
      const restrict = inDigest && {
        key: JSON.stringify([digestId, filter, author, category, year, data.revision ?? 0, this.corpus.digests.length, within?.key ?? null]),
        ids: () =>
          Array.from(this.corpus.papers)
            .filter(inDigest)
            .map((p) => p.id),
      };
      // Only the head is asked for at each key, a page beyond it asks for all: the order of the first
      // RERANK_TOP is the same either way. "Best for you" orders every match, so it needs them all.
      const want = best || counted ? RANKED : Math.max(RERANK_TOP, offset + limit);
      const marks = new QueryMarks(q);
      // A first page's rows of the papers the last key showed are begun while the index searches.
      let begun: ((p: Paper, revision: number) => PaperRow | undefined) | undefined;
      const ahead =
        offset === 0 && limit > 0
          ? (waiting: () => boolean) => (begun = this.#rowsAhead.guess(waiting, (p) => this.#row(p, marks, digestId), data.revision ?? 0))
          : undefined;
      // Each hit comes with its paper, found by the index's number for it (`ReceivedIds`).
      const found = await this.index.search(q, restrict, want, ahead);
      const more = found.ranked === want && want < RANKED ? Math.min(found.matched, RANKED) - want : 0;
      let hits = rerankByPhrase(found.hits, q, (h) => h.paper, this.#phrases);
      // "Best for you" over a search: the matches, in the model's order.
      const ordered = best?.(hits.map((h) => h.paper));
      if (ordered) {
        const byId = new Map(hits.map((h) => [h.id, h]));
        hits = ordered.map((p) => byId.get(p.id)!);
      }
      const shown = hits.slice(offset, offset + limit).map((h) => h.paper);
      const revision = this.#userData().revision ?? 0; // a row begun before a change made meanwhile is made again
      const items = shown.map((p) => begun?.(p, revision) ?? this.#row(p, marks, digestId));
      if (ahead) this.#rowsAhead.shown(shown);
      // Counted over the ranked results the list pages through, its filters applied (no search again without them).
      const facets = counted ? { facets: facetsOf(hits.map((h) => h.paper)) } : {};
      const located = locate ? { located: hits.some((h) => h.id === locate) } : {};
      return { total: hits.length + more, matched: found.matched, items, searched: true, indexing: null, ...facets, ...located };
    }
    // The view's facets are counted in the pass that makes its list; the whole library's come from its cache.
    const count = counted && (inView || inCategory || inYear || filter.listId) ? new FacetCount(inCategory, inYear) : undefined;
    const keep = count ? (p: Paper) => (!inView || inView(p)) && count.add(p) : inDigest;
    let papers: Paper[];
    if (filter.listId && sort === 'list') {
      papers = data.lists[filter.listId].paperIds.map((id) => this.corpus.paper(id)).filter((p): p is Paper => Boolean(p));
      if (keep) papers = papers.filter(keep);
    } else {
      papers = this.#sorted.get(sort === 'list' || sort === 'best' ? 'digest' : sort);
      if (keep) papers = papers.filter(keep);
      if (digestId && (sort === 'digest' || sort === 'best')) papers = papers.toSorted((a, b) => positionIn(a, digestId) - positionIn(b, digestId));
    }
    const facets = counted ? { facets: count ? count.result() : this.facets() } : {};
    if (best) papers = best(papers) ?? papers;
    const items = papers.slice(offset, offset + limit).map((p) => this.#row(p, new Set(), digestId));
    const located = locate ? { located: papers.some((p) => p.id === locate) } : {};
    return { total: papers.length, matched: papers.length, items, searched: false, indexing: null, ...facets, ...located };
  }

  async get(id: string, q = ''): Promise<PaperView> {
    const paper = this.corpus.paper(id);
    if (!paper) throw new ApiError('not-found', 'That paper is no longer in the library.');
    // The words the search found, marked without searching again (marks.ts).
    const terms = new QueryMarks(q);
    return {
      ...identityOf(paper),
      id: paper.id,
      title: paper.title,
      /** The title without LaTeX, for searching it elsewhere and naming files. */
      plainTitle: plainTitle(paper.title),
      abstract: paper.abstract,
      titleRanges: highlightRanges(paper.title, terms),
      abstractRanges: highlightRanges(paper.abstract, terms),
      appearances: paper.appearances.map((a) => {
        const d = this.corpus.digest(a.digestId)!;
        return { digestId: a.digestId, digestName: d.name, position: a.position, importedAt: d.importedAt };
      }),
    };
  }

  /** Saves the index and the corpus's cache if they changed since they were loaded, and stops the index's worker. */
  async close(): Promise<void> {
    this.#garbage.stop();
    await this.#parser.close();
    await Promise.all([this.index.close(), this.corpus.close()]);
  }

  /** The corpus's stamp in a word, for the index to remember which papers it holds. */
  #stamp(): string {
    return createHash('sha1').update(this.corpus.stamp).digest('base64url');
  }

  /** False while the index opens; throws if it could not. */
  #searchable(): boolean {
    if (this.#indexError) throw new ApiError('search-unavailable', `Search is unavailable: ${this.#indexError.message}`);
    return this.index.ready;
  }

  #row(p: Paper, terms: Marked, digestId: string | null): PaperRow {
    return paperRow(p, terms, digestId, (id) => this.corpus.digest(id), this.#userData());
  }
}

const EMPTY_USER_DATA = migrate({});
