import { arxivLinks, identityFromDoi, isArxivCategory, parseArxivId } from '../arxiv';
import { EntryCollector, type RawEntry } from '../entry';
import { commonDay, dayOf, isoDate, normaliseSpace, splitAuthors } from '../text';
import type { AnnounceType, DigestFormat, DigestText, ParsedDigest } from '../types';

/**
 * arXiv's listing e-mails (plain text): papers in blocks between dashed rules, each with
 * `arXiv:<id>`, `Date:` (or `replaced with revised version <date>`), `Title:` and `Authors:`
 * (wrapped), `Categories:`, `Comments:`, `Journal-ref:`, `DOI:`, `Report-no:`, the abstract
 * between `\\` lines, and `\\ ( https://arxiv.org/abs/<id> , <size>)`. The `%-%-` rule opens the
 * cross-lists, `%%--%%--` the replacements (which carry no abstract), `%%%---` ends the listing.
 */

const NAME = 'arxiv-email';
const LABEL = 'arXiv listing e-mail';
const RULE = /^-{20,}\s*$/;
const CROSS_RULE = /^(?:%-){8,}/;
const REPLACE_RULE = /^(?:%%--){5,}/;
const END_RULE = /^(?:%%%---){3,}/;
const ID_LINE = /^(?:arXiv:|Paper(?: \(\*cross-listing\*\))?:\s*)(\S+)(.*)$/;
const FIELD = /^(Title|Authors?|Categories|Subjects?|Comments?|Journal-ref|DOI|Report-no|MSC-class|ACM-class|License|Proxy|From|Date):\s?(.*)$/;
const LINK = /^\\\\\s*\(\s*(\S+)\s*,/;

type Section = 'new' | 'cross' | 'replace';

function detect({ lines }: DigestText): number {
  let ids = 0;
  let titles = 0;
  let authors = 0;
  for (const line of lines.slice(0, 5000)) {
    if (/^arXiv:(?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})\b/.test(line) || /^Paper(?: \(\*cross-listing\*\))?: /.test(line)) ids++;
    else if (line.startsWith('Title: ')) titles++;
    else if (/^Authors?: /.test(line)) authors++;
  }
  if (ids > 0 && titles > 0 && authors > 0) return 0.95;
  return ids > 0 ? 0.4 : 0;
}

/** One paper's block: the lines from its `arXiv:` line to its link line. */
function readBlock(block: { text: string; n: number }[], at: number, section: Section): RawEntry {
  const idLine = ID_LINE.exec(block[at].text)!;
  const crossMark = /\(\*cross-listing\*\)/.test(block[at].text) || /\(\*cross-listing\*\)/.test(idLine[0]);
  const fields = new Map<string, string>();
  const abstract: string[] = [];
  let last: string | undefined;
  let inAbstract = false;
  let replacedOn: string | undefined;
  /** The latest `Date (revised vN):` line of an abstract page's record: its version, and when. */
  let revised: { version: number; on: string } | undefined;
  let link: string | undefined;
  for (const { text } of block.slice(at + 1)) {
    const linkMatch = LINK.exec(text.trim());
    if (linkMatch) {
      link = linkMatch[1];
      break;
    }
    if (text.trim() === '\\\\') {
      if (inAbstract) break;
      inAbstract = true;
      continue;
    }
    if (inAbstract) {
      abstract.push(text);
      continue;
    }
    const replaced = /^replaced with revised version\s+(.*?)\s*(?:\([^)]*\))?\s*$/i.exec(text);
    if (replaced) {
      replacedOn = replaced[1];
      continue;
    }
    const revision = /^Date \(revised v(\d+)\):(.*)$/.exec(text);
    if (revision) {
      // "Tue, 20 Jun 2017 05:20:02 GMT   (1125kb,D)": the size in brackets is not the date.
      const on = revision[2].replace(/\([^()]*\)\s*$/, '').trim();
      if (Number(revision[1]) > (revised?.version ?? 0)) revised = { version: Number(revision[1]), on };
      continue;
    }
    const field = FIELD.exec(text);
    if (field) {
      // Older and forwarded mailings say Author, Subjects or Comment for the same fields.
      last = field[1]
        .replace(/^Author$/, 'Authors')
        .replace(/^Subjects?$/, 'Categories')
        .replace(/^Comment$/, 'Comments');
      fields.set(last, field[2]);
    } else if (last && /^\s+\S/.test(text)) fields.set(last, `${fields.get(last)} ${text.trim()}`);
    else if (text.trim() !== '') last = undefined;
  }
  const ref = parseArxivId(idLine[1]);
  const categories = normaliseSpace(fields.get('Categories') ?? '')
    .split(' ')
    .filter(isArxivCategory);
  const replaced = section === 'replace' || replacedOn !== undefined;
  const cross = crossMark || section === 'cross';
  const announceType: AnnounceType = replaced ? (cross ? 'replace-cross' : 'replace') : cross ? 'cross' : 'new';
  const fromDoi = identityFromDoi(fields.get('DOI'));
  const date = fields.get('Date')?.replace(/\s*\([^)]*\)\s*$/, '');
  return {
    line: block[at].n,
    plain: true,
    tex: true,
    title: fields.get('Title'),
    abstract: abstract.join('\n'),
    arxivId: ref?.id,
    arxivVersion: ref && !replaced ? (ref.version ?? revised?.version ?? 1) : ref?.version,
    doi: fromDoi.doi,
    authors: splitAuthors(fields.get('Authors') ?? ''),
    categories,
    primaryCategory: categories[0],
    comment: fields.get('Comments'),
    journalRef: fields.get('Journal-ref'),
    announceType,
    published: replaced ? undefined : isoDate(date),
    updated: replaced ? isoDate(replacedOn) : revised && isoDate(revised.on),
    links: ref ? arxivLinks(ref.id) : link ? { abs: link } : undefined,
  };
}

/** "cs daily Subj-class mailing 1234 1" → "arXiv cs daily". */
function titleFrom(subject: string | undefined, archive: string | undefined, primaries: string[]): string {
  const daily = subject ? /^\s*([a-z-]+(?:\.[A-Za-z-]+)?)\s+daily\b/i.exec(subject) : null;
  if (daily) return `arXiv ${daily[1]} daily`;
  if (subject?.trim()) return `arXiv ${subject.replace(/\s+(?:Subj-class\s+)?mailing\b.*$/i, '').trim()}`;
  const unique = [...new Set(primaries)];
  if (unique.length === 1) return `arXiv ${unique[0]}`;
  return archive ? `arXiv ${archive} daily` : 'arXiv listing';
}

function parse({ lines }: DigestText): ParsedDigest {
  const out = new EntryCollector(NAME);
  let section: Section = 'new';
  let block: { text: string; n: number }[] = [];
  let blockHasId = false;
  let subject: string | undefined;
  let headerDate: string | undefined;
  let receivedTo: string | undefined;
  let archive: string | undefined;
  let seenEntry = false;
  const primaries: string[] = [];
  const days: (string | undefined)[] = [];
  const flush = () => {
    const at = block.findIndex((l) => ID_LINE.test(l.text));
    if (at >= 0) {
      seenEntry = true;
      const raw = readBlock(block, at, section);
      if (raw.announceType === 'new' && raw.primaryCategory) primaries.push(raw.primaryCategory);
      days.push(raw.published);
      out.add(raw);
    }
    block = [];
    blockHasId = false;
  };
  lines.forEach((text, i) => {
    if (RULE.test(text) || CROSS_RULE.test(text) || REPLACE_RULE.test(text) || END_RULE.test(text)) {
      flush();
      if (CROSS_RULE.test(text)) section = 'cross';
      else if (REPLACE_RULE.test(text)) section = 'replace';
      return;
    }
    if (ID_LINE.test(text)) blockHasId = true;
    if (!seenEntry && !blockHasId) {
      subject ??= /^Subject:\s*(.+)$/.exec(text)?.[1];
      headerDate ??= /^Date:\s*(.+)$/.exec(text)?.[1];
      receivedTo ??= /received from .* to\s+(.+?)\s*$/i.exec(text)?.[1];
      archive ??= /To:\s*([a-z-]+)@arxiv\.org/i.exec(text)?.[1];
    }
    block.push({ text, n: i + 1 });
  });
  flush();
  const receivedDay = receivedTo ? dayOf(receivedTo.replace(/^[A-Za-z]{3}\s+/, '').replace(/\s+\d{1,2}:\d{2}.*$/, '')) : undefined;
  const date = dayOf(headerDate) ?? receivedDay ?? commonDay(days);
  return out.result(LABEL, { title: titleFrom(subject, archive, primaries), date }, 'no paper blocks (arXiv:<id> … Title: … Authors: …) were found.');
}

export const arxivEmail: DigestFormat = {
  name: NAME,
  description: "arXiv's daily listing e-mails (plain text): new submissions, cross-lists and replacements.",
  detect,
  parse,
};
