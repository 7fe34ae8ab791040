import { escapeBibtex, latexField } from './bibtex-text';
import { citationKey, yearOf } from './citation-key';
import { type ExportPaper, paperUrl } from './paper-record';
import { splitName } from './person-names';

/**
 * BibTeX entries. An arXiv paper is written as arXiv's own "Export BibTeX citation" writes it:
 *
 *     @misc{vaswani2017attention,
 *           title={Attention Is All You Need},
 *           author={Ashish Vaswani and Noam Shazeer and …},
 *           year={2017},
 *           eprint={1706.03762},
 *           archivePrefix={arXiv},
 *           primaryClass={cs.CL},
 *           url={https://arxiv.org/abs/1706.03762},
 *     }
 *
 * then what arXiv's has not: the DOI of the published version, the abstract, the reader's tags as
 * `keywords` and their note as `annote` (never `note`, which styles print). A paper without an arXiv
 * id is an `@article` when a journal reference is known, else a `@misc`, with what is known.
 */

export { escapeBibtex } from './bibtex-text';

/** A verbatim field (url, doi, eprint): only braces would break it, and whitespace has no place in it. */
const verbatim = (value: string) => value.replace(/\s+/g, '').replace(/[{}]/g, (c) => (c === '{' ? '%7B' : '%7D'));

/**
 * One author as BibTeX reads it. "First von Last" where BibTeX would split it the same way, else
 * "von Last, Jr, First"; an organisation or a name with a comma of its own is braced, kept whole.
 */
export function bibtexName(raw: string): string | null {
  const n = /\band\b/i.test(raw) ? { family: raw.replace(/\s+/g, ' ').trim(), literal: true } : splitName(raw);
  if (!n) return null;
  if (n.literal) return `{${escapeBibtex(n.family)}}`;
  const family = escapeBibtex(n.particle ? `${n.particle} ${n.family}` : n.family);
  if (!n.given) return n.suffix ? `{${family} ${escapeBibtex(n.suffix)}}` : family;
  const natural = !n.suffix && !n.family.includes(' ') && !/(^|\s)[^\p{Lu}\s]/u.test(n.given);
  if (natural) return `${escapeBibtex(n.given)} ${family}`;
  return `${family}${n.suffix ? `, ${escapeBibtex(n.suffix)}` : ''}, ${escapeBibtex(n.given)}`;
}

/** The reader's tags as `keywords`, read verbatim (as Better BibTeX and biber do): only braces must balance. */
const keyword = (tag: string) => tag.replace(/\s+/g, ' ').replace(/[{},]/g, (c) => (c === '{' ? '(' : c === '}' ? ')' : ' '));

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

export function bibtexEntry(p: ExportPaper, taken?: Set<string>): string {
  // The month as BibTeX's own macro (styles print it as a name); the whole day for biblatex, as `date`.
  const day = /^\d{4}-(\d{2})(?:-\d{2}(?=$|T))?/.exec(p.published ?? p.updated ?? ''); // a day, or a moment (arXiv's API)
  const fields: [string, string | undefined][] = [
    ['title', latexField(p.title)],
    ['author', p.authors?.map(bibtexName).filter(Boolean).join(' and ') || undefined],
    ['year', yearOf(p)],
  ];
  if (p.arxivId) {
    fields.push(['eprint', verbatim(p.arxivId)], ['archivePrefix', 'arXiv'], ['primaryClass', p.primaryCategory ?? p.categories?.[0]]);
  } else if (p.journalRef) fields.push(['journal', latexField(p.journalRef)]);
  const url = p.arxivId ? paperUrl(p) : p.links?.abs;
  fields.push(
    ['url', url && verbatim(url)],
    ['doi', p.doi && verbatim(p.doi)],
    ['abstract', latexField(p.abstract) || undefined],
    ['keywords', p.tags.map(keyword).join(', ') || undefined],
    ['annote', p.note?.trim() ? escapeBibtex(p.note) : undefined],
    // Last: arXiv's own export, which the fields above follow, has neither.
    ['month', day ? MONTHS[Number(day[1]) - 1] : undefined],
    ['date', day?.[0].length === 10 ? day[0] : undefined],
  );
  const type = !p.arxivId && p.journalRef ? 'article' : 'misc';
  const body = fields
    .filter((f): f is [string, string] => Boolean(f[1]))
    .map(([name, value]) => (name === 'month' ? `      month=${value},\n` : `      ${name}={${value}},\n`))
    .join('');
  return `@${type}{${citationKey(p, taken)},\n${body}}\n`;
}

export function bibtex(papers: ExportPaper[]): string {
  const taken = new Set<string>();
  return papers.map((p) => bibtexEntry(p, taken)).join('\n');
}
