/**
 * Evaluates a smart-list query on one plain paper record. Text terms match whole tokens (a phrase:
 * consecutive tokens) of the title and abstract, case- and accent-insensitively; the app routes the
 * text part through the search index instead (see splitQuery) and uses this for the filters.
 */
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
  state: 'read' | 'unread' | 'reading';
  starred: boolean;
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

function holds(term: QueryTerm, paper: SmartPaper, text: () => string[]): boolean {
  switch (term.kind) {
    case 'word':
    case 'phrase':
      return containsRun(text(), tokens(term.value));
    case 'author': {
      const needle = tokens(term.value);
      return (paper.authors ?? []).some((a) => containsInOrder(tokens(a), needle));
    }
    case 'cat':
      return matchesCategory(term.value, paper.categories ?? []);
    case 'tag': {
      const name = fold(term.value);
      return paper.tags.some((t) => fold(t) === name);
    }
    case 'status':
      return term.value === 'starred' ? paper.starred : paper.state === term.value;
    case 'year': {
      const y = yearOf(paper.published);
      return y !== undefined && (term.min === undefined || y >= term.min) && (term.max === undefined || y <= term.max);
    }
  }
}

/** Every term holds (a negated term: does not hold). An empty query matches every paper. */
export function matches(query: SmartQuery, paper: SmartPaper): boolean {
  let text: string[] | undefined;
  const textTokens = () => (text ??= tokens(`${paper.title}\n${paper.abstract}`));
  return query.terms.every((t) => holds(t, paper, textTokens) !== t.negated);
}
