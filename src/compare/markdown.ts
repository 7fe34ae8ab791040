import type { Range } from '../search/text';
import type { Matrix, MatrixColumn } from './matrix';

/**
 * Escapes text for a GFM table cell: Markdown punctuation (so a `*` or a `~` in an abstract never
 * turns into emphasis or strikethrough: "6~45% … 0.54%~11.82%" would), the cell separator `|`,
 * angle brackets (no HTML from a digest), and line breaks.
 */
export function escapeCell(text: string): string {
  return text.replace(/[\\`*_[\]<>|~&]/g, '\\$&').replace(/\s*\n\s*/g, ' ');
}

/** Text with the given ranges in bold, each piece escaped. */
function emphasise(text: string, ranges: Range[]): string {
  let out = '';
  let at = 0;
  for (const [start, end] of ranges) {
    out += `${escapeCell(text.slice(at, start))}**${escapeCell(text.slice(start, end))}**`;
    at = end;
  }
  return out + escapeCell(text.slice(at));
}

/** Several entries in one cell, one per line (GFM cells cannot hold a newline; `<br>` is the convention). */
const lines = (items: string[]) => items.join('<br>');

const header = (col: MatrixColumn) => (col.missing ? `Missing paper: ${escapeCell(col.title)}` : escapeCell(col.title));

function status(col: MatrixColumn): string {
  if (col.missing) return '';
  const parts = [
    col.state ?? 'unread',
    ...(col.starred ? ['starred'] : []),
    ...(col.tags?.length ? [`tags: ${col.tags.map((t) => escapeCell(t.name)).join(', ')}`] : []),
  ];
  return parts.join(', ');
}

/**
 * The comparison as a GFM table: a column per paper, a row per aspect (source, status, key
 * claims with their figures in bold, the reader's attributes, shared and own terms).
 */
export function comparisonMarkdown(m: Matrix): string {
  const rows: [string, (col: MatrixColumn) => string][] = [
    ['Source', (col) => lines(col.appearances.map((a) => `${escapeCell(a.digestName)}, paper ${a.position}`))],
    ['Status', status],
    ['Key claims', (col) => lines(col.claims.map((c) => emphasise(c.text, c.figures)))],
    ...m.attributes.map((a): [string, (col: MatrixColumn) => string] => [escapeCell(a.name), (col) => escapeCell(col.cells[a.id]?.value ?? '')]),
    ['Shared terms', (col) => escapeCell(col.sharedTerms.join(', '))],
    ['Own terms', (col) => escapeCell(col.ownTerms.join(', '))],
  ];
  const table = [
    `| | ${m.columns.map(header).join(' | ')} |`,
    `| --- | ${m.columns.map(() => '---').join(' | ')} |`,
    ...rows.map(([label, cell]) => `| **${label}** | ${m.columns.map((col) => cell(col) || ' ').join(' | ')} |`),
  ];
  return `## ${escapeCell(m.name)}\n\n${table.join('\n')}\n`;
}
