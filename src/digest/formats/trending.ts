import { DigestError } from '../errors';
import { isoDate } from '../text';
import type { DigestEntry, DigestFormat, DigestText, ParsedDigest, SkippedLine } from '../types';

/**
 * The "trending papers" email/listing: optional header lines, "Subscribe" glued to the first
 * title, then alternating title and abstract lines. A copy of Hugging Face's trending or daily
 * papers page also has the page's own lines around each paper ("Submitted by" and a name,
 * "Upvote" and a count, "· 3 authors", "Published on Oct 21, 2025", "GitHub" and its stars):
 * those are left out, and the date is kept as the paper's.
 */
const HEADER = /^get trending papers in your email inbox( once a day)?!?$/i;
const SUBSCRIBE = /^Subscribe(?=\S)/;
const MAX_TITLE = 400;
const MIN_ABSTRACT = 80;
/** The page's lines that are not a paper's title or abstract. */
const CHROME =
  /^(?:subscribe|trending papers|daily papers|by ak and the research community|upvote|upvoted|github|arxiv page|project page|view pdf|add to collection|[·•]\s*\d+\s+authors?)$/i;
/** A count ("87", "1.2k"): the page's, right after "Upvote" or "GitHub"; elsewhere it may be a title. */
const COUNT = /^[\d.,]+\s*[km]?$/i;
const COUNTED = /^(?:upvote|upvoted|github)$/i;
const SUBMITTED = /^submitted by$/i;
const PUBLISHED = /^published on\s+(.+)$/i;

const isHeader = (line: string) => HEADER.test(line);
const looksLikeTitle = (line: string) => line.length > 0 && line.length <= MAX_TITLE;
const ends = (line: string) => /[.!?]$/.test(line);
/** Longer than its title, or a sentence after a title that is not one (a short summary). */
const looksLikeAbstract = (line: string, title: string) =>
  line.length >= MIN_ABSTRACT && /\s/.test(line) && (line.length > title.length || (ends(line) && !ends(title)));

interface Numbered {
  n: number;
  text: string;
}

/** The lines that may be titles and abstracts, and the page's "Published on" dates by line. */
function contentLines(lines: string[]): { rows: Numbered[]; dates: Numbered[] } {
  const rows: Numbered[] = [];
  const dates: Numbered[] = [];
  let afterSubmitted = false;
  let previous = '';
  lines.forEach((raw, i) => {
    const text = raw.trim();
    if (!text) return;
    const submitter = afterSubmitted && /^\S+$/.test(text);
    const count = COUNT.test(text) && COUNTED.test(previous);
    afterSubmitted = SUBMITTED.test(text);
    previous = text;
    if (isHeader(text) || CHROME.test(text) || SUBMITTED.test(text) || submitter || count) return;
    const published = PUBLISHED.exec(text);
    if (published) dates.push({ n: i + 1, text: published[1] });
    else rows.push({ n: i + 1, text });
  });
  if (rows.length > 0) rows[0].text = rows[0].text.replace(SUBSCRIBE, '');
  return { rows, dates };
}

/** "Oct 21, 2025" → "2025-10-21" (read as a day, whatever the machine's time zone). */
function pageDay(text: string): string | undefined {
  return isoDate(`${text.replace(/^(\w{3})\w*\s+(\d{1,2}),?\s+(\d{4})$/, '$2 $1 $3')} 12:00 UTC`);
}

function parse(lines: string[]): ParsedDigest {
  const { rows, dates } = contentLines(lines);
  const entries: DigestEntry[] = [];
  const skipped: SkippedLine[] = [];
  const pairAt = (k: number) => k + 1 < rows.length && looksLikeTitle(rows[k].text) && looksLikeAbstract(rows[k + 1].text, rows[k].text);
  const skip = (row: Numbered, reason: string) => skipped.push({ line: row.n, text: row.text.slice(0, 120), reason });
  let i = 0;
  while (i < rows.length) {
    const title = rows[i];
    const next = rows[i + 1];
    if (pairAt(i)) {
      entries.push({ title: title.text, abstract: next.text, line: title.n });
      i += 2;
      continue;
    }
    // A title too long to be one, followed by its abstract: drop the pair, so that the pairs after
    // it stay title → abstract (taking the abstract for the next title would shift them all).
    if (next && !looksLikeTitle(title.text) && next.text.length >= MIN_ABSTRACT && !pairAt(i + 1) && (pairAt(i + 2) || i + 2 >= rows.length)) {
      skip(title, `a title longer than ${MAX_TITLE} characters (its abstract, line ${next.n}, was left out with it)`);
      i += 2;
      continue;
    }
    // Otherwise resynchronise on the next line rather than shifting every following pair.
    skip(
      title,
      !next ? 'a title with no abstract after it' : !looksLikeTitle(title.text) ? 'too long for a title and not after a title' : 'not followed by an abstract',
    );
    i += 1;
  }
  // A page's "Published on" follows its paper's abstract: the row just before it. (Rows and dates are in line order.)
  const rowAt = new Map(rows.map((r, k) => [r.n, k]));
  const byAbstract = new Map<number, DigestEntry>();
  for (const e of entries) {
    const abstractRow = rows[(rowAt.get(e.line) ?? -2) + 1];
    if (abstractRow) byAbstract.set(abstractRow.n, e);
  }
  let k = 0;
  for (const date of dates) {
    while (k + 1 < rows.length && rows[k + 1].n < date.n) k++;
    const entry = rows[k] && rows[k].n < date.n ? byAbstract.get(rows[k].n) : undefined;
    const day = pageDay(date.text);
    if (entry && day && !entry.published) entry.published = day;
  }
  return { format: trending.name, entries, skipped, withoutAbstract: [] };
}

const STRUCTURED = /^\s*(?:<\?xml|<!DOCTYPE|<(?:rss|feed|rdf:RDF)\b|@[a-z]+\s*[{(]|TY {2}- )/i;

function looksStructured(text: string): boolean {
  if (STRUCTURED.test(text)) return true;
  if (!/^\s*[{[]/.test(text)) return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

export const trending: DigestFormat = {
  name: 'trending-papers',
  description: 'The trending-papers text: each paper a title line followed by its abstract line (the sample digest).',
  detect({ text, lines }) {
    if (lines.slice(0, 5).some((l) => isHeader(l.trim()))) return 1;
    // Structured formats (JSON, XML, BibTeX, RIS) are never this one, however their lines pair up;
    // a title that merely starts with markup ("<script>…") is still a title.
    if (looksStructured(text)) return 0;
    const { entries, skipped } = parse(lines);
    const used = entries.length * 2;
    if (entries.length === 0) return 0;
    return used / (used + skipped.length) >= 0.6 ? 0.8 : 0;
  },
  parse: ({ text, lines }: DigestText) => {
    // Chosen by hand (--format): structured text would pair its own lines into junk papers.
    if (looksStructured(text)) {
      throw new DigestError(
        'malformed',
        'Trending-papers text: this is structured data (JSON, XML, BibTeX or RIS), not title and abstract lines; import it without choosing a format.',
        {
          format: 'trending-papers',
          line: 1,
        },
      );
    }
    return parse(lines);
  },
};
