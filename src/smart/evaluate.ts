/**
 * Which papers a smart list holds, exactly as its syntax says (every term holds; words and
 * phrases as whole tokens of the title and abstract). A query is split in two: what the corpus
 * alone decides (words, phrases, author:, cat:, year:), cached and kept up to date at each import
 * without a rescan; and what the reader's data decides (tag:, status:), applied over that set each
 * time, as it changes with every star. The search index proposes the candidates of the text part
 * when it can name them all; a scan in slices (the core stays responsive) does it otherwise.
 */
import { setImmediate as breathe } from 'node:timers/promises';
import { ApiError } from '../api/contract';
import type { Corpus } from '../library/corpus';
import type { Paper } from '../library/types';
import type { Found } from '../search/search-index';
import { STOP_WORDS } from '../search/stop-words';
import { tokenize } from '../search/text';
import type { UserData } from '../storage/schema';
import { statusOf } from '../status/status';
import { tagsOf } from '../tags/tags';
import { compileQuery, type SmartPaper } from './match-query';
import { parseQuery } from './parse-query';
import { printQuery, splitQuery } from './print-query';
import type { QueryTerm, SmartQuery } from './query-types';

/** What the evaluator needs of the search index. */
export interface TextIndex {
  readonly ready: boolean;
  search(query: string): Promise<Found>;
}

/** Papers tested between two turns of the event loop while scanning: a few milliseconds' work. */
const SCAN_SLICE = 500;
const MAX_CACHED = 100;

/** A query as the reader typed it, or an 'invalid-query' error that says what and where. */
export function readQuery(text: string): SmartQuery {
  const r = parseQuery(text);
  if (!r.ok) throw new ApiError('invalid-query', `This query does not read: ${r.error.message}.`);
  return r.query;
}

/** The canonical text of a query (what is saved), e.g. `"kv cache" author:hinton`. */
export const canonical = (text: string) => printQuery(readQuery(text));

/** A paper as the query syntax sees it; without `data`, the reader's part is left empty. */
export function smartPaper(p: Paper, data?: UserData): SmartPaper {
  const status = data ? statusOf(data, p.id) : undefined;
  return {
    title: p.title,
    abstract: p.abstract,
    authors: p.authors,
    categories: p.primaryCategory && !p.categories?.includes(p.primaryCategory) ? [p.primaryCategory, ...(p.categories ?? [])] : p.categories,
    published: p.published,
    tags: data ? tagsOf(data, p.id).map((t) => t.name) : [],
    state: status?.state ?? 'unread',
    starred: status?.starred ?? false,
    notInterested: status?.notInterested ?? false,
  };
}

const decidedByReader = (t: QueryTerm) => t.kind === 'tag' || t.kind === 'status';

interface Compiled {
  /** The canonical text of the corpus part: the cache's key. */
  corpusKey: string;
  corpus?: (p: Paper) => boolean;
  user?: (p: Paper, data: UserData) => boolean;
  /** Words and phrases that must appear, for the index; '' when none. */
  textQuery: string;
  /** Whether every such term has a word the index holds (stop words are not indexed). */
  indexable: boolean;
}

function compile(query: SmartQuery): Compiled {
  const corpusTerms = query.terms.filter((t) => !decidedByReader(t));
  const userTerms = query.terms.filter(decidedByReader);
  const onCorpus = corpusTerms.length ? compileQuery({ terms: corpusTerms }) : undefined;
  const onUser = userTerms.length ? compileQuery({ terms: userTerms }) : undefined;
  const { textQuery } = splitQuery({ terms: corpusTerms });
  const positives = corpusTerms.filter((t) => (t.kind === 'word' || t.kind === 'phrase') && !t.negated);
  return {
    corpusKey: printQuery({ terms: corpusTerms }),
    corpus: onCorpus && ((p) => onCorpus(smartPaper(p))),
    user: onUser && ((p, data) => onUser(smartPaper(p, data))),
    textQuery,
    indexable: positives.every((t) => tokenize((t as { value: string }).value.toLowerCase()).some((w) => !STOP_WORDS.has(w))),
  };
}

export class SmartEvaluator {
  readonly #cache = new Map<string, { stamp: number; ids: Set<string>; test: (p: Paper) => boolean }>();

  constructor(
    private readonly corpus: Corpus,
    private readonly index: TextIndex,
    private readonly data: () => Readonly<UserData>,
  ) {}

  /** Every paper the query matches. */
  async members(query: SmartQuery): Promise<Set<string>> {
    const c = compile(query);
    const base = c.corpus ? await this.#corpusMembers(c) : undefined;
    if (!c.user) return base ?? new Set(Array.from(this.corpus.papers, (p) => p.id));
    const data = this.data() as UserData;
    const out = new Set<string>();
    if (base) {
      for (const id of base) {
        const p = this.corpus.paper(id);
        if (p && c.user(p, data)) out.add(id);
      }
    } else for (const p of this.corpus.papers) if (c.user(p, data)) out.add(p.id);
    return out;
  }

  /** Which of `papers` match, at once (an import's papers, for the rules). */
  matching(query: SmartQuery, papers: readonly Paper[]): string[] {
    const c = compile(query);
    const data = this.data() as UserData;
    return papers.filter((p) => (!c.corpus || c.corpus(p)) && (!c.user || c.user(p, data))).map((p) => p.id);
  }

  /** After an import: the cached sets learn of its new papers and of those whose text changed. */
  noteImported(papers: readonly Paper[]): void {
    const stamp = this.#stamp();
    for (const entry of this.#cache.values()) {
      if (entry.stamp !== stamp - 1) continue; // older than the import before: recomputed when asked
      for (const p of papers) {
        if (entry.test(p)) entry.ids.add(p.id);
        else entry.ids.delete(p.id);
      }
      entry.stamp = stamp;
    }
  }

  /** Digests are never changed once imported, so their count dates what the corpus holds. */
  #stamp(): number {
    return this.corpus.digests.length;
  }

  async #corpusMembers(c: Compiled): Promise<Set<string>> {
    const stamp = this.#stamp();
    const cached = this.#cache.get(c.corpusKey);
    if (cached?.stamp === stamp) return cached.ids;
    const test = c.corpus!;
    const ids = new Set<string>();
    const found = c.textQuery && c.indexable && this.index.ready ? await this.index.search(c.textQuery).catch(() => undefined) : undefined;
    if (found && found.hits.length >= found.matched) {
      // The index matched any of the words and returned them all: the exact test picks among them.
      for (const h of found.hits) {
        const p = this.corpus.paper(h.id);
        if (p && test(p)) ids.add(p.id);
      }
    } else {
      const papers = Array.from(this.corpus.papers);
      for (let i = 0; i < papers.length; i += SCAN_SLICE) {
        for (const p of papers.slice(i, i + SCAN_SLICE)) if (test(p)) ids.add(p.id);
        if (i + SCAN_SLICE < papers.length) await breathe();
      }
    }
    this.#cache.delete(c.corpusKey);
    this.#cache.set(c.corpusKey, { stamp, ids, test });
    if (this.#cache.size > MAX_CACHED) this.#cache.delete(this.#cache.keys().next().value!);
    return ids;
  }
}
