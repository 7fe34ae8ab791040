/** Plain-text helpers shared by every digest format. */

/** Collapses runs of whitespace (line breaks included) to one space and trims. */
export function normaliseSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Joins hard-wrapped lines (arXiv wraps titles and abstracts at ~80 columns) into running text,
 * keeping paragraph breaks as a blank line. A paragraph ends at a blank line, or, where most lines
 * are flush left, at an indented line (arXiv's own mark for a new paragraph).
 */
export function joinWrapped(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  while (lines.length > 0 && lines[0].trim() === '') lines.shift();
  const body = lines.slice(1).filter((l) => l.trim() !== '');
  const indented = body.filter((l) => /^[ \t]{2,}\S/.test(l)).length;
  const indentBreaks = indented > 0 && indented < body.length / 2;
  const paragraphs: string[][] = [[]];
  lines.forEach((line, i) => {
    const current = paragraphs[paragraphs.length - 1];
    if (line.trim() === '') {
      if (current.length > 0) paragraphs.push([]);
      return;
    }
    if (indentBreaks && i > 0 && current.length > 0 && /^[ \t]{2,}\S/.test(line)) paragraphs.push([line]);
    else current.push(line);
  });
  return paragraphs
    .map((p) => normaliseSpace(p.join(' ')))
    .filter((p) => p !== '')
    .join('\n\n');
}

// Tags that appear in feeds' and publishers' abstracts (JATS from Crossref included). A tag is only
// taken as HTML when it has this shape, so "a <b and c> d" in an abstract's maths stays text.
const TAG_NAMES =
  'a|abbr|b|big|blockquote|br|cite|code|div|em|font|h[1-6]|hr|i|img|li|math|mi|mn|mo|mrow|msub|msup|ol|p|pre|q|s|small|span|strong|sub|sup|table|tbody|td|th|thead|tr|tt|u|ul|title|sec|italic|bold|list|list-item|label|inline-formula|tex-math|alternatives';
const ATTR = `\\s+[\\w:-]+\\s*=\\s*(?:"[^"]*"|'[^']*'|[^\\s"'<>=]+)`;
const TAG = new RegExp(`<\\/?(?:[a-z]+:)?(?:${TAG_NAMES})(?:${ATTR})*\\s*\\/?>`, 'gi');
const BLOCK_TAG = /^<\/?(?:[a-z]+:)?(?:p|br|div|li|h[1-6]|blockquote|tr|sec)\b/i;

/** True when the text holds something that is taken for an HTML tag. */
export function hasHtml(text: string): boolean {
  TAG.lastIndex = 0;
  return TAG.test(text);
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Decodes the entities of HTML text (once): named basics and numeric references. */
export function decodeHtmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6});/gi, (whole, ref: string) => {
    if (ref[0] !== '#') return NAMED[ref.toLowerCase()] ?? whole;
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole;
  });
}

/**
 * Text without markup: an abstract or title that holds HTML tags is taken as HTML (tags removed,
 * block tags become paragraph breaks, its entities decoded once); text without tags is left as it is.
 */
export function htmlToText(text: string): string {
  if (!hasHtml(text)) return text;
  // Crossref's JATS abstracts open with a heading that only says "Abstract".
  const body = text.replace(/<((?:[a-z]+:)?title)>\s*abstract\s*<\/\1>/gi, '');
  const flat = body.replace(TAG, (tag) => (BLOCK_TAG.test(tag) ? '\n\n' : ''));
  return decodeHtmlEntities(flat);
}

/** 1-based line numbers of offsets, each counted on from the last asked (a file's entries come in order). */
export class LineCounter {
  #offset = 0;
  #line = 1;

  constructor(private readonly text: string) {}

  at(offset: number): number {
    if (offset < this.#offset) [this.#offset, this.#line] = [0, 1];
    const end = Math.min(offset, this.text.length);
    for (let i = this.text.indexOf('\n', this.#offset); i !== -1 && i < end; i = this.text.indexOf('\n', i + 1)) this.#line++;
    this.#offset = end;
    return this.#line;
  }
}

/** The 1-based line and column of the end of the text (where a truncated file stops). */
export function endPosition(text: string): { line: number; column: number } {
  const lines = text.split('\n');
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}

/**
 * Author names from one string ("A. One, B. Two and C. Three", "A (MIT), B (ETH, Zürich)"):
 * split on commas, semicolons and "and", affiliations in parentheses dropped.
 */
export function splitAuthors(text: string): string[] {
  let depth = 0;
  let flat = '';
  // One space between words first: long runs of blanks would make the split below slow.
  for (const ch of text.slice(0, 200_000).replace(/[ \t\f\v\r]+/g, ' ')) {
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0) flat += ch;
  }
  return flat
    .split(/\s*(?:[,;]\s*(?:and\s+)?|\s+and\s+|\n)\s*/)
    .map(normaliseSpace)
    .filter((name) => name !== '' && name.toLowerCase() !== 'and');
}

const SUFFIX = /^(?:jr\.?|sr\.?|[IVX]{1,4}|\d(?:st|nd|rd|th))$/i;

/**
 * "Last, First" → "First Last"; with a suffix, in either order people write it: RIS's
 * "Last, First, Suffix" and BibTeX's "Last, Suffix, First" both give "First Last, Suffix".
 * A name without a comma is kept.
 */
export function naturalName(name: string): string {
  const parts = name.split(',').map((p) => p.trim());
  if (parts.length === 2 && parts[0] && parts[1]) return `${parts[1]} ${parts[0]}`;
  if (parts.length === 3 && parts[0] && parts[1] && parts[2]) {
    const [last, a, b] = parts;
    return SUFFIX.test(b) && !SUFFIX.test(a) ? `${a} ${last}, ${b}` : `${b} ${last}, ${a}`;
  }
  return normaliseSpace(name);
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** A month from "3", "03", "mar", "March". */
export function monthNumber(text: string): number | undefined {
  const t = text.trim().toLowerCase();
  if (/^\d{1,2}$/.test(t)) return Number(t) >= 1 && Number(t) <= 12 ? Number(t) : undefined;
  const i = MONTHS.indexOf(t.slice(0, 3));
  return i >= 0 ? i + 1 : undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** YYYY-MM-DD from parts, when they make a real date. */
export function ymd(year: number, month?: number, day?: number): string | undefined {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) return undefined;
  if (month === undefined || !(month >= 1 && month <= 12)) return String(year);
  if (day === undefined || !(day >= 1 && day <= 31)) return `${year}-${pad(month)}`;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/**
 * An ISO 8601 date from the dates feeds carry: ISO date or date-time (kept, with its offset made
 * UTC), RFC 822 ("Mon, 22 Jan 2024 00:00:00 -0500") as the day it names, "2015/08/21", "2015".
 */
export function isoDate(text: string | undefined): string | undefined {
  const t = text?.trim();
  if (!t) return undefined;
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(t);
  if (iso) {
    if (!iso[4]) return ymd(+iso[1], +iso[2], +iso[3]);
    const ms = Date.parse(t.replace(' ', 'T'));
    return Number.isNaN(ms) ? ymd(+iso[1], +iso[2], +iso[3]) : new Date(ms).toISOString().replace('.000Z', 'Z');
  }
  const rfc = /^(?:[A-Za-z]{3},?\s+)?(\d{1,2})\s+([A-Za-z]{3,9})\s+(\d{2,4})\b/.exec(t);
  if (rfc) {
    const year = rfc[3].length === 2 ? 2000 + Number(rfc[3]) : Number(rfc[3]);
    return ymd(year, monthNumber(rfc[2]), Number(rfc[1]));
  }
  const slashed = /^(\d{4})(?:[/-](\d{1,2}))?(?:[/-](\d{1,2}))?/.exec(t);
  if (slashed) return ymd(+slashed[1], slashed[2] ? +slashed[2] : undefined, slashed[3] ? +slashed[3] : undefined);
  return undefined;
}

/** The YYYY-MM-DD day most of the dates fall on (the day a daily listing covers). */
export function commonDay(dates: (string | undefined)[]): string | undefined {
  const counts = new Map<string, number>();
  for (const d of dates) if (d && /^\d{4}-\d{2}-\d{2}/.test(d)) counts.set(d.slice(0, 10), (counts.get(d.slice(0, 10)) ?? 0) + 1);
  let best: [string, number] | undefined;
  for (const entry of counts) if (!best || entry[1] > best[1] || (entry[1] === best[1] && entry[0] > best[0])) best = entry;
  return best?.[0];
}

/** The day a date names, as written (an ISO date-time keeps its own calendar day, whatever its offset). */
export function dayOf(text: string | undefined): string | undefined {
  const t = text?.trim();
  if (!t) return undefined;
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(t);
  if (iso) return ymd(+iso[1], +iso[2], +iso[3]);
  const d = isoDate(t);
  return d && /^\d{4}-\d{2}-\d{2}/.test(d) ? d.slice(0, 10) : undefined;
}
