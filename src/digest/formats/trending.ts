import type { DigestEntry, DigestFormat, SkippedLine } from '../types';

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

function parse(lines: string[]) {
  const rows = contentLines(lines);
  const entries: DigestEntry[] = [];
  const skipped: SkippedLine[] = [];
  let i = 0;
  while (i < rows.length) {
    const title = rows[i];
    const next = rows[i + 1];
    if (next && looksLikeTitle(title.text) && looksLikeAbstract(next.text, title.text)) {
      entries.push({ title: title.text, abstract: next.text, line: title.n });
      i += 2;
      continue;
    }
    // Resynchronise on the next line rather than shifting every following pair.
    const reason = !next
      ? 'a title with no abstract after it'
      : !looksLikeTitle(title.text)
        ? 'too long for a title and not after a title'
        : 'not followed by an abstract';
    skipped.push({ line: title.n, text: title.text.slice(0, 120), reason });
    i += 1;
  }
  return { format: trending.name, entries, skipped };
}

export const trending: DigestFormat = {
  name: 'trending-papers',
  detect(lines) {
    if (lines.slice(0, 5).some((l) => isHeader(l.trim()))) return 1;
    const { entries, skipped } = parse(lines);
    const used = entries.length * 2;
    if (entries.length === 0) return 0;
    return used / (used + skipped.length) >= 0.6 ? 0.8 : 0;
  },
  parse,
};
