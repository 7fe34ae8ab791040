import type { ExportPaper } from './paper-record';

/**
 * BibTeX entries. Digests give a title and an abstract, no venue or authors, so each paper is a
 * `@misc`; with an arXiv id it gets the eprint fields biblatex and natbib styles cite preprints by.
 */

const SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  $: '\\$',
  '&': '\\&',
  '%': '\\%',
  '#': '\\#',
  _: '\\_',
  '^': '\\textasciicircum{}',
  '~': '\\textasciitilde{}',
  // In LaTeX's default font encoding a bare < or > prints as ¡ or ¿.
  '<': '\\textless{}',
  '>': '\\textgreater{}',
};

/** A field value: LaTeX's special characters escaped (so braces always balance), whitespace collapsed. */
export function escapeBibtex(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\{}$&%#_^~<>]/g, (c) => SPECIAL[c]);
}

/** A citation key from the title's first words and the paper's id: ASCII, stable, and unique within `taken`. */
export function citationKey(p: ExportPaper, taken = new Set<string>()): string {
  const words = p.title
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 2)
    .slice(0, 2);
  const short = [...words, p.id.slice(0, 6)].join('_');
  const key = taken.has(short) ? [...words, p.id].join('_') : short;
  taken.add(key);
  return key;
}

export function bibtexEntry(p: ExportPaper, taken?: Set<string>): string {
  const fields: [string, string][] = [
    // Double braces keep the title's capitals as written.
    ['title', `{${escapeBibtex(p.title)}}`],
    ['abstract', escapeBibtex(p.abstract)],
  ];
  if (p.note?.trim()) fields.push(['note', escapeBibtex(p.note)]);
  // keywords is read verbatim (as Better BibTeX and biber's keyword filters do): only braces must balance.
  if (p.tags.length) fields.push(['keywords', p.tags.map((t) => t.replace(/\s+/g, ' ').replace(/[{}]/g, (c) => (c === '{' ? '(' : ')'))).join(', ')]);
  if (p.arxivId) {
    // An arXiv id is letters, digits, dots, dashes and slashes only: nothing to escape in these verbatim fields.
    fields.push(['eprint', p.arxivId], ['archiveprefix', 'arXiv'], ['eprinttype', 'arxiv'], ['url', `https://arxiv.org/abs/${p.arxivId}`]);
  }
  return `@misc{${citationKey(p, taken)},\n${fields.map(([k, v]) => `  ${k} = {${v}}`).join(',\n')}\n}\n`;
}

export function bibtex(papers: ExportPaper[]): string {
  const taken = new Set<string>();
  return papers.map((p) => bibtexEntry(p, taken)).join('\n');
}
