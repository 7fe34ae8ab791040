/**
 * Evaluates a smart-list query on one plain paper record. Text terms match whole tokens (a phrase:
 * consecutive tokens) of the title and abstract, case- and accent-insensitively; the app routes the
 * text part through the search index instead (see splitQuery) and uses this for the filters.
 */
import type { ReadState } from '../api/vocabulary';
import { tokenize } from '../search/text';
import type { QueryTerm, SmartQuery } from './query-types';

export interface SmartPaper {
  title: string;
  abstract: string;
  authors?: string[];
  /** arXiv categories: `cs.CL`, `hep-th`, `math.AG`. */
  categories?: string[];
  /** ISO 8601 date; its year is what `year:` compares. */
  published?: string;
  tags: string[];
  state: ReadState;
  starred: boolean;
  /** The reader marked it "not interested" (`status:not-interested`). */
  notInterested?: boolean;
}

/** Lower-case, accents off, so "Müller" is found by "muller" and by "Müller". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function tokens(text: string): string[] {
  return tokenize(fold(text));
}

/** Whether `needle` occurs as consecutive tokens in `hay` (an empty needle matches). */
function containsRun(hay: string[], needle: string[]): boolean {
  if (needle.length === 0) return true;
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** Whether `needle` occurs in order in `hay`, gaps allowed ("Geoffrey Hinton" in "Geoffrey E. Hinton"). */
function containsInOrder(hay: string[], needle: string[]): boolean {
  let j = 0;
  for (const t of hay) if (j < needle.length && t === needle[j]) j++;
  return j === needle.length;
}

export function matchesCategory(pattern: string, categories: readonly string[]): boolean {
  const p = pattern.toLowerCase();
  return categories.some((c) => {
    const cat = c.toLowerCase();
    if (p.endsWith('.')) return cat.startsWith(p); // cat:cs. — the whole cs tree
    if (!p.includes('.')) return cat === p || cat.startsWith(`${p}.`); // cat:cs — the archive too
    return cat === p;
  });
}

function yearOf(published?: string): number | undefined {
  const m = published ? /^(\d{4})/.exec(published.trim()) : null;
  return m ? Number(m[1]) : undefined;
}

/** The paper's text two ways, each made at most once per paper: its tokens, and (ASCII text only) its lower case. */
interface PaperText {
  tokens(): string[];
  /** Undefined when the text is not plain ASCII (folding accents would change it). */
  lower(): string | undefined;
}

type Test = (paper: SmartPaper, text: PaperText) => boolean;

// eslint-disable-next-line no-control-regex -- plain ASCII is exactly what lets lower case stand in for folding
const ASCII = /^[\x00-\x7F]*$/;

/** One term as a test, its value folded and tokenised once, not once per paper. */
function compileTerm(term: QueryTerm): Test {
  switch (term.kind) {
    case 'word':
    case 'phrase': {
      const needle = tokens(term.value);
      // Tokenising a paper costs ten times a substring search: a paper whose text lacks the first
      // word cannot hold the run (folding ASCII is lower-casing it), and most papers lack it.
      const first = needle[0];
      return (_p, text) => {
        const lower = first === undefined ? undefined : text.lower();
        if (lower !== undefined && !lower.includes(first)) return false;
        return containsRun(text.tokens(), needle);
      };
    }
    case 'author': {
      const needle = tokens(term.value);
      return (p) => (p.authors ?? []).some((a) => containsInOrder(tokens(a), needle));
    }
    case 'cat':
      return (p) => matchesCategory(term.value, p.categories ?? []);
    case 'tag': {
      const name = fold(term.value);
      return (p) => p.tags.some((t) => fold(t) === name);
    }
    case 'status':
      if (term.value === 'starred') return (p) => p.starred;
      if (term.value === 'not-interested') return (p) => p.notInterested === true;
      return (p) => p.state === term.value;
    case 'year': {
      const { min = -Infinity, max = Infinity } = term;
      return (p) => {
        const y = yearOf(p.published);
        return y !== undefined && y >= min && y <= max;
      };
    }
  }
}

/**
 * A predicate for the query: every term holds (a negated term: does not hold); an empty query
 * matches every paper. Compile once, then test many papers (a smart list's live count).
 */
export function compileQuery(query: SmartQuery): (paper: SmartPaper) => boolean {
  const tests = query.terms.map((t) => ({ test: compileTerm(t), negated: t.negated }));
  return (paper) => {
    const raw = `${paper.title}\n${paper.abstract}`;
    let words: string[] | undefined;
    let lower: string | undefined | null = null;
    const text: PaperText = {
      tokens: () => (words ??= tokens(raw)),
      lower: () => (lower === null ? (lower = ASCII.test(raw) ? raw.toLowerCase() : undefined) : lower),
    };
    return tests.every(({ test, negated }) => test(paper, text) !== negated);
  };
}

/** Whether one paper matches; for many papers, `compileQuery` once. */
export function matches(query: SmartQuery, paper: SmartPaper): boolean {
  return compileQuery(query)(paper);
}
