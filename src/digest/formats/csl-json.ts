import { arxivLinks, httpsLink, identityFromDoi, parseArxivId } from '../arxiv';
import { DigestError } from '../errors';
import { EntryCollector } from '../entry';
import { arrayItemLines, isObject, readJson, type Json } from '../json';
import { ymd, isoDate, normaliseSpace } from '../text';
import type { DigestFormat, DigestText, ParsedDigest } from '../types';

/**
 * CSL-JSON (Zotero, Mendeley, citation.js, Crossref's `application/vnd.citationstyles.csl+json`):
 * a list of items with `type`, `title`, `author[{family, given, literal}]`, `abstract`,
 * `issued{date-parts}`, `DOI`, `URL`; a single item or `{items: [...]}` is read too. arXiv
 * preprints carry their id in `number` (type article/preprint) or in the DOI/URL.
 */

const NAME = 'csl-json';
const LABEL = 'CSL-JSON';

type Item = { [key: string]: Json };
const str = (v: Json | undefined) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);

function isItem(v: Json | undefined): v is Item {
  return isObject(v) && typeof v.type === 'string' && (typeof v.title === 'string' || Array.isArray(v.author) || 'issued' in v);
}

function itemsOf(value: Json, text: string): { items: Json[]; start: number } | undefined {
  if (Array.isArray(value)) {
    const sample = value.slice(0, 20);
    const items = sample.filter((v) => isItem(v)).length;
    return items > 0 && items >= sample.length / 2 ? { items: value, start: text.indexOf('[') } : undefined;
  }
  if (isObject(value) && Array.isArray(value.items) && value.items.slice(0, 20).some((v) => isItem(v))) {
    return { items: value.items, start: text.indexOf('[', text.indexOf('"items"')) };
  }
  if (isItem(value)) return { items: [value], start: -1 };
  return undefined;
}

function name(author: Json): string | undefined {
  if (!isObject(author)) return undefined;
  const literal = str(author.literal);
  if (literal) return literal;
  const particles = [str(author['dropping-particle']), str(author['non-dropping-particle'])];
  const parts = [str(author.given), ...particles, str(author.family), str(author.suffix)].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : undefined;
}

/** `issued: {"date-parts": [[2024, 1, 22]]}`, `{"raw": "2024-01-22"}`, `{"literal": …}`, or CSL 1.0.2's EDTF string "2024-01-22". */
function date(value: Json | undefined): string | undefined {
  if (typeof value === 'string') return isoDate(value);
  if (!isObject(value)) return undefined;
  const parts = value['date-parts'];
  if (Array.isArray(parts) && Array.isArray(parts[0])) {
    const [y, m, d] = parts[0].map((p) => Number(p));
    return ymd(y, Number.isFinite(m) ? m : undefined, Number.isFinite(d) ? d : undefined);
  }
  return isoDate(str(value.raw) ?? str(value.literal));
}

function keywords(value: Json | undefined): string[] | undefined {
  if (Array.isArray(value)) return value.map(str).filter((k): k is string => Boolean(k));
  const s = str(value);
  return s ? s.split(/[,;]/).map(normaliseSpace).filter(Boolean) : undefined;
}

function parse({ text }: DigestText): ParsedDigest {
  const json = readJson(text);
  if (!json.ok)
    throw new DigestError('malformed', `${LABEL}: the JSON is broken ${json.where}: ${json.message}`, { format: NAME, line: json.line, column: json.column });
  const found = itemsOf(json.value, text);
  if (!found) {
    throw new DigestError('malformed', `${LABEL}: expected a list of items, each with "type" and "title" (and "author", "issued", "abstract", "DOI").`, {
      format: NAME,
      line: 1,
    });
  }
  const lines = arrayItemLines(text, found.start);
  const out = new EntryCollector(NAME, true);
  found.items.forEach((item, i) => {
    const line = lines[i] ?? 1;
    if (!isObject(item)) {
      out.skip(line, JSON.stringify(item)?.slice(0, 120) ?? '', `item ${i + 1} is not an object`);
      return;
    }
    const type = str(item.type) ?? '';
    const url = str(item.URL);
    const fromDoi = identityFromDoi(str(item.DOI));
    const preprint = /^(article|preprint|report|manuscript)$/.test(type) || /arxiv/i.test(str(item.publisher) ?? str(item['container-title']) ?? '');
    const ref =
      parseArxivId(url) ??
      (preprint ? (parseArxivId(str(item.number)) ?? parseArxivId(str(item.id))) : undefined) ??
      (fromDoi.arxivId ? { id: fromDoi.arxivId, version: fromDoi.arxivVersion } : undefined);
    const container = str(item['container-title']);
    const journalRef = container && !/^arxiv/i.test(container) ? [container, str(item.volume), str(item.page)].filter(Boolean).join(', ') : undefined;
    out.add({
      line,
      title: str(item.title),
      abstract: str(item.abstract),
      arxivId: ref?.id,
      arxivVersion: ref?.version,
      doi: fromDoi.doi,
      authors: Array.isArray(item.author) ? item.author.map(name).filter((n): n is string => Boolean(n)) : undefined,
      published: date(item.issued),
      keywords: keywords(item.keyword),
      journalRef,
      links: { ...(ref ? arxivLinks(ref.id) : {}), ...(url && !ref ? { abs: httpsLink(url) } : {}) },
    });
  });
  return out.result(LABEL, undefined, 'the list holds no items.');
}

export const cslJson: DigestFormat = {
  name: NAME,
  description: 'CSL-JSON items (Zotero, Mendeley, citation.js, Crossref) with title, author, abstract, issued, DOI, URL.',
  detect({ text }) {
    const json = readJson(text);
    if (!json.ok) return 0;
    return itemsOf(json.value, text) ? 0.95 : 0;
  },
  parse,
};
