import type { DigestEntry, DigestFormat, ParsedDigest, SkippedLine } from '../types';

/**
 * The "trending papers" email/listing: optional header lines, "Subscribe" glued to the first
 * title, then alternating title and abstract lines.
 */
const HEADER = /^get trending papers in your email inbox( once a day)?!?$/i;
const SUBSCRIBE = /^Subscribe(?=\S)/;
const MAX_TITLE = 400;
const MIN_ABSTRACT = 80;

const isHeader = (line: string) => HEADER.test(line);
const looksLikeTitle = (line: string) => line.length > 0 && line.length <= MAX_TITLE;
const looksLikeAbstract = (line: string, title: string) => line.length >= MIN_ABSTRACT && line.length > title.length && /\s/.test(line);

interface Numbered {
  n: number;
  text: string;
}

function contentLines(lines: string[]): Numbered[] {
  const out: Numbered[] = [];
  lines.forEach((raw, i) => {
    const text = raw.trim();
    if (text && !isHeader(text)) out.push({ n: i + 1, text });
  });
  if (out.length > 0) out[0].text = out[0].text.replace(SUBSCRIBE, '');
  return out;
}

function parse(lines: string[]): ParsedDigest {
  const rows = contentLines(lines);
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
  parse: ({ lines }) => parse(lines),
};
