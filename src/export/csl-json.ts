import { citationKey } from './citation-key';
import { dateParts } from './dates';
import { type ExportPaper, paperUrl } from './paper-record';
import { splitName } from './person-names';
import { arxivDoi } from './ris';

/**
 * CSL-JSON (the input of citeproc, pandoc and Zotero), checked against the CSL data schema. An arXiv
 * paper is an `article` (CSL's type for preprints) with `publisher` arXiv, `number` arXiv:<id> and
 * a DOI: the published version's, else arXiv's own. A paper with a journal reference is an
 * `article-journal`. Ids are the citation keys the BibTeX export gives, so that `@key` cites the
 * same paper either way. The reader's note is `annote` (annotated bibliographies), never `note`.
 */

export interface CslName {
  family?: string;
  given?: string;
  'non-dropping-particle'?: string;
  suffix?: string;
  literal?: string;
}

export interface CslItem {
  id: string;
  type: 'article' | 'article-journal';
  title: string;
  author?: CslName[];
  issued?: { 'date-parts': [number[]] };
  abstract?: string;
  DOI?: string;
  URL?: string;
  publisher?: string;
  number?: string;
  'container-title'?: string;
  categories?: string[];
  keyword?: string;
  annote?: string;
}

export function cslName(raw: string): CslName | undefined {
  const n = splitName(raw);
  if (!n) return undefined;
  if (n.literal) return { literal: n.family };
  return {
    family: n.family,
    ...(n.given ? { given: n.given } : {}),
    ...(n.particle ? { 'non-dropping-particle': n.particle } : {}),
    ...(n.suffix ? { suffix: n.suffix } : {}),
  };
}

function item(p: ExportPaper, taken: Set<string>): CslItem {
  const date = dateParts(p.published);
  const authors = (p.authors ?? []).map(cslName).filter((n): n is CslName => Boolean(n));
  const url = paperUrl(p);
  const doi = p.doi ?? (p.arxivId ? arxivDoi(p.arxivId) : undefined);
  const categories = p.categories?.length ? p.categories : p.primaryCategory ? [p.primaryCategory] : [];
  return {
    id: citationKey(p, taken),
    type: !p.arxivId && p.journalRef ? 'article-journal' : 'article',
    title: p.plainTitle,
    ...(authors.length ? { author: authors } : {}),
    ...(date ? { issued: { 'date-parts': [date.filter((n): n is number => n !== undefined)] } } : {}),
    ...(p.abstract.trim() ? { abstract: p.abstract } : {}),
    ...(doi ? { DOI: doi } : {}),
    ...(url ? { URL: url } : {}),
    ...(p.arxivId ? { publisher: 'arXiv', number: `arXiv:${p.arxivId}` } : {}),
    ...(!p.arxivId && p.journalRef ? { 'container-title': p.journalRef } : {}),
    ...(categories.length ? { categories } : {}),
    ...(p.tags.length ? { keyword: p.tags.join(', ') } : {}),
    ...(p.note?.trim() ? { annote: p.note } : {}),
  };
}

export function cslJson(papers: ExportPaper[]): string {
  const taken = new Set<string>();
  return `${JSON.stringify(
    papers.map((p) => item(p, taken)),
    null,
    2,
  )}\n`;
}
