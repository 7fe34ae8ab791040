import { stringify } from 'csv-stringify/sync';
import { type ExportPaper, localDate, paperUrl } from './paper-record';

const COLUMNS = [
  'id',
  'title',
  'authors',
  'published',
  'arxiv',
  'doi',
  'url',
  'categories',
  'status',
  'starred',
  'tags',
  'lists',
  'digests',
  'created',
  'read',
  'abstract',
  'note',
] as const;

/** Several values in one cell. */
const join = (values: string[] | undefined) => (values ?? []).join('; ');

/**
 * A cell that a spreadsheet would run as a formula (a title from a digest starting with "=",
 * say) gets a leading apostrophe, which spreadsheets show as text (OWASP's CSV-injection advice).
 */
const inert = (cell: string) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);

function row(p: ExportPaper): string[] {
  const cells: Record<(typeof COLUMNS)[number], string> = {
    id: p.id,
    // Spreadsheets do not read LaTeX: the title with its LaTeX flattened.
    title: p.plainTitle,
    authors: join(p.authors),
    // As precise as the source was: a day, a month or a year.
    published: /^\d{4}(?:-\d{2}(?:-\d{2})?)?/.exec(p.published ?? '')?.[0] ?? '',
    arxiv: p.arxivId ?? '',
    doi: p.doi ?? '',
    url: paperUrl(p) ?? '',
    categories: join(p.categories ?? (p.primaryCategory ? [p.primaryCategory] : [])),
    status: p.status,
    starred: p.starred ? 'yes' : 'no',
    tags: join(p.tags),
    lists: join(p.lists),
    digests: join(p.digests.map((d) => d.name)),
    created: localDate(p.createdAt),
    read: p.readAt ? localDate(p.readAt) : '',
    abstract: p.abstract,
    note: p.note ?? '',
  };
  return COLUMNS.map((c) => inert(cells[c]));
}

/** RFC 4180 CSV (CRLF records, quoted where needed) with a byte-order mark, so spreadsheets read it as UTF-8. */
export function csv(papers: ExportPaper[]): string {
  return stringify([[...COLUMNS], ...papers.map(row)], { record_delimiter: 'windows', bom: true });
}
