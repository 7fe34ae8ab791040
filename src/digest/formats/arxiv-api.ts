import { arxivLinks, httpsLink, identityFromDoi, isArxivCategory, parseArxivId } from '../arxiv';
import { DigestError } from '../errors';
import { EntryCollector } from '../entry';
import { dayOf, isoDate, normaliseSpace } from '../text';
import type { DigestFormat, DigestText, ParsedDigest } from '../types';
import { attr, elementLines, list, parseXml, prefixFor, sniffXml, textOf, type XmlNode } from '../xml';

/**
 * arXiv API responses (export.arxiv.org/api/query): an Atom feed whose entries carry `id` (the abs
 * URL with version), wrapped `title` and `summary`, `author/name` (with `arxiv:affiliation`),
 * `published`, `updated`, `arxiv:primary_category`, `category`×n, links (the `title="pdf"` one),
 * `arxiv:doi`, `arxiv:comment`, `arxiv:journal_ref`, and `opensearch:totalResults` on the feed.
 * The API's error entry (title "Error", id …/api/errors#…) is reported as an error.
 */

const NAME = 'arxiv-api';
const LABEL = 'arXiv API response (Atom)';
const ARXIV_NS = 'http://arxiv.org/schemas/atom';
const OPENSEARCH_NS = 'http://a9.com/-/spec/opensearch/1.1/';

function detect({ text }: DigestText): number {
  const sniff = sniffXml(text);
  if (!sniff || sniff.root.replace(/^.*:/, '') !== 'feed') return 0;
  const head = text.slice(0, 20000);
  if (/Announce Type:|announce_type>|oai:arXiv\.org:/i.test(head)) return 0.5;
  if (/opensearch|arxiv\.org\/api|ArXiv Query:/i.test(head)) return 0.97;
  if (/arxiv\.org\/schemas\/atom|arxiv\.org\/abs\//i.test(head)) return 0.8;
  return 0.4; // some other Atom feed: read its titles and summaries
}

/** "ArXiv Query: search_query=cat:cs.CL&id_list=&start=0&max_results=10" → "arXiv query: cat:cs.CL". */
function metaTitle(feedTitle: string): string | undefined {
  const m = /^\s*arxiv query:\s*(.*)$/i.exec(feedTitle);
  if (!m) return feedTitle.trim() || undefined;
  const params = new URLSearchParams(m[1].replace(/&amp;/g, '&'));
  const query = params.get('search_query')?.trim();
  const ids = params.get('id_list')?.trim();
  return normaliseSpace(`arXiv query: ${query || (ids ? `ids ${ids}` : 'all')}`).slice(0, 160);
}

function isErrorEntry(entry: XmlNode): boolean {
  return textOf(entry.title).trim() === 'Error' && /\/api\/errors/.test(textOf(entry.id));
}

function readEntry(entry: XmlNode, arxiv: string) {
  const id = textOf(entry.id);
  const links = list(entry.link);
  const alternate = attr(links.find((l) => attr(l, 'rel') === 'alternate') ?? {}, 'href');
  const pdf = attr(links.find((l) => attr(l, 'title') === 'pdf') ?? {}, 'href');
  const ref = parseArxivId(id) ?? parseArxivId(alternate);
  const primary = attr(list(entry[`${arxiv}:primary_category`])[0], 'term');
  const categories = list(entry.category)
    .map((c) => attr(c, 'term') ?? '')
    .filter(isArxivCategory);
  const fromDoi = identityFromDoi(textOf(entry[`${arxiv}:doi`]));
  return {
    title: textOf(entry.title),
    abstract: textOf(entry.summary),
    arxivId: ref?.id,
    arxivVersion: ref?.version,
    doi: fromDoi.doi,
    authors: list(entry.author).map((a) => textOf(a.name)),
    published: isoDate(textOf(entry.published)),
    updated: isoDate(textOf(entry.updated)),
    primaryCategory: primary && isArxivCategory(primary) ? primary : categories[0],
    categories: primary && isArxivCategory(primary) && !categories.includes(primary) ? [primary, ...categories] : categories,
    comment: textOf(entry[`${arxiv}:comment`]) || undefined,
    journalRef: textOf(entry[`${arxiv}:journal_ref`]) || undefined,
    links: ref ? { ...arxivLinks(ref.id), ...(pdf ? { pdf: httpsLink(pdf) } : {}) } : { abs: httpsLink(alternate), pdf: httpsLink(pdf) },
  };
}

function parse({ text }: DigestText): ParsedDigest {
  const sniff = sniffXml(text);
  const rootTag = sniff?.rootTag ?? '';
  const arxiv = prefixFor(rootTag, ARXIV_NS, 'arxiv');
  const opensearch = prefixFor(rootTag, OPENSEARCH_NS, 'opensearch');
  const doc = parseXml(text, LABEL, NAME, ['entry', 'link', 'author', 'category', `${arxiv}:primary_category`]);
  const feed = doc[sniff?.root ?? 'feed'] as XmlNode | undefined;
  if (!feed || (sniff?.root ?? '').replace(/^.*:/, '') !== 'feed') {
    throw new DigestError('malformed', `${LABEL}: expected an Atom <feed>, found <${sniff?.root || 'no element'}>.`, { format: NAME, line: 1 });
  }
  const entries = list(feed.entry);
  const lines = elementLines(text, 'entry');
  const failed = entries.findIndex(isErrorEntry);
  if (failed >= 0) {
    const message = normaliseSpace(textOf(entries[failed].summary)) || 'no explanation given';
    throw new DigestError('feed-error', `${LABEL}: arXiv answered with an error instead of papers (line ${lines[failed] ?? 1}): “${message}”.`, {
      format: NAME,
      line: lines[failed],
    });
  }
  const out = new EntryCollector(NAME);
  entries.forEach((entry, i) => out.add({ line: lines[i] ?? 1, plain: true, tex: true, ...readEntry(entry, arxiv) }));
  const total = textOf(feed[`${opensearch}:totalResults`]).trim();
  const feedTitle = textOf(feed.title);
  const empty = total === '0' ? 'the query found no papers (totalResults is 0).' : 'the feed holds no entries.';
  return out.result(LABEL, { title: metaTitle(feedTitle), date: dayOf(textOf(feed.updated)) }, empty);
}

export const arxivApi: DigestFormat = {
  name: NAME,
  description: 'arXiv API responses (Atom from export.arxiv.org/api/query), with ids, versions, authors, categories, DOI and journal ref.',
  detect,
  parse,
};
