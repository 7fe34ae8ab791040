import { stringify } from 'csv-stringify/sync';
import { type ExportPaper, localDate } from './paper-record';

const COLUMNS = ['id', 'title', 'status', 'starred', 'tags', 'lists', 'digests', 'created', 'read', 'arxiv', 'abstract', 'note'] as const;

/** Several values in one cell. */
const join = (values: string[]) => values.join('; ');

/**
 * A cell that a spreadsheet would run as a formula (a title from a digest starting with "=",
 * say) gets a leading apostrophe, which spreadsheets show as text (OWASP's CSV-injection advice).
 */
const inert = (cell: string) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);

function row(p: ExportPaper): string[] {
  const cells = [
    p.id,
    p.title,
    p.status,
    p.starred ? 'yes' : 'no',
    join(p.tags),
    join(p.lists),
    join(p.digests.map((d) => d.name)),
    localDate(p.createdAt),
    p.readAt ? localDate(p.readAt) : '',
    p.arxivId ?? '',
    p.abstract,
    p.note ?? '',
  ];
  return cells.map(inert);
}

/** RFC 4180 CSV (CRLF records, quoted where needed) with a byte-order mark, so spreadsheets read it as UTF-8. */
export function csv(papers: ExportPaper[]): string {
  return stringify([[...COLUMNS], ...papers.map(row)], { record_delimiter: 'windows', bom: true });
}
