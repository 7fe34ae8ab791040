import { dateParts } from './dates';
import { type ExportPaper, paperUrl } from './paper-record';
import { fullFamily, splitName } from './person-names';

/**
 * RIS, as its specification has it: a `TAG  - value` line per field, CRLF line ends, each record
 * from `TY` to `ER`. An arXiv paper is an unpublished work (`UNPB`, as reference managers write
 * preprints) with arXiv as publisher, its DOI (the published version's, else arXiv's own
 * 10.48550/arXiv.<id>) and its abstract page; a paper with a journal reference is a `JOUR`.
 * The reader's tags are keywords and their note a note (`N1`, which no style prints).
 */

const line = (tag: string, value: string | number | undefined) => {
  // A value is one line: a line break inside would start a line without a tag, read as a continuation.
  const text = String(value ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  return text ? `${tag}  - ${text}\r\n` : '';
};

/** "Last, First, Suffix" as the specification has it; an organisation whole, without the commas RIS would split on. */
export function risName(raw: string): string | undefined {
  const n = splitName(raw);
  if (!n) return undefined;
  if (n.literal) return n.family.replace(/\s*,\s*/g, ' ');
  return [fullFamily(n), n.given, n.suffix].filter(Boolean).join(', ');
}

/** arXiv's DOI for a paper it holds, as arXiv and DataCite assign it. */
export const arxivDoi = (id: string) => `10.48550/arXiv.${id}`;

function record(p: ExportPaper): string {
  const date = dateParts(p.published);
  const type = p.arxivId ? 'UNPB' : p.journalRef ? 'JOUR' : 'GEN';
  return [
    line('TY', type),
    line('TI', p.plainTitle),
    ...(p.authors ?? []).map((a) => line('AU', risName(a))),
    line('PY', date?.[0]),
    line('DA', date?.map((n) => String(n).padStart(2, '0')).join('/')),
    line('T2', !p.arxivId ? p.journalRef : undefined),
    line('AB', p.abstract),
    line('DO', p.doi ?? (p.arxivId ? arxivDoi(p.arxivId) : undefined)),
    line('UR', paperUrl(p)),
    line('PB', p.arxivId ? 'arXiv' : undefined),
    ...p.tags.map((t) => line('KW', t)),
    line('N1', p.note ?? undefined),
    'ER  - \r\n',
  ].join('');
}

export function ris(papers: ExportPaper[]): string {
  return papers.map(record).join('');
}
