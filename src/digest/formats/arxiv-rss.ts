import { arxivLinks, httpsLink, identityFromDoi, isArxivCategory, parseArxivId } from '../arxiv';
import { DigestError } from '../errors';
import { EntryCollector } from '../entry';
import { dayOf, htmlToText, isoDate, normaliseSpace, splitAuthors } from '../text';
import type { AnnounceType, DigestFormat, DigestText, ParsedDigest } from '../types';
import { attr, elementLines, list, parseXml, prefixFor, sniffXml, textOf, type XmlNode } from '../xml';

/**
 * arXiv's per-category listings (rss.arxiv.org, since 2024): RSS 2.0 `item`s whose description is
 * `arXiv:<id>v<n> Announce Type: new|cross|replace|replace-cross` then `Abstract: …`, with `guid`
 * `oai:arXiv.org:<id>v<n>`, `category`×n, `dc:creator` (names joined by commas and "and"),
 * `pubDate` and `arxiv:announce_type`. The Atom variant (rss.arxiv.org/atom/…) and the old RSS 1.0
 * (RDF) listings are read too, and so is any other RSS/Atom feed of papers (titles and descriptions).
 */

const NAME = 'arxiv-rss';
const LABEL = 'arXiv RSS/Atom listing';
const ARXIV_NS = 'http://arxiv.org/schemas/atom';
const DC_NS = 'http://purl.org/dc/elements/1.1/';
const ANNOUNCE = /^\s*arXiv:(\S+)\s+Announce Type:\s*([\w-]+)\s*(?:Abstract:\s*)?/i;
const TYPES: AnnounceType[] = ['new', 'cross', 'replace', 'replace-cross'];
/** The old RSS 1.0 listings end titles with "(arXiv:1805.09166v1 [hep-ex] UPDATED)" or "… CROSS LISTED)". */
const RDF_SUFFIX = /\s*\(arXiv:(\S+?)(?:\s+\[([^\]]*)\])?(?:\s+([A-Z][A-Z ]*?))?\)\s*$/;
const RDF_TYPES: Record<string, AnnounceType> = { UPDATED: 'replace', 'CROSS LISTED': 'cross' };

function listingMarkers(head: string): boolean {
  return /Announce Type:|announce_type>|oai:arXiv\.org:|updates on arXiv\.org/i.test(head);
}

function detect({ text }: DigestText): number {
  const sniff = sniffXml(text);
  if (!sniff) return 0;
  const head = text.slice(0, 20000);
  const root = sniff.root.replace(/^.*:/, '');
  if (root === 'rss') return listingMarkers(head) || /arxiv\.org/i.test(head) ? 0.96 : 0.5;
  if (root === 'RDF') return /arxiv\.org/i.test(head) ? 0.9 : 0.4;
  if (root === 'feed') return listingMarkers(head) ? 0.96 : 0;
  return 0;
}

/** "cs.CL updates on arXiv.org" → "arXiv cs.CL". */
function metaTitle(channelTitle: string): string | undefined {
  const m = /^\s*(.+?)\s+updates on arXiv\.org\s*$/i.exec(channelTitle);
  if (m) return `arXiv ${m[1]}`;
  return channelTitle.trim() || undefined;
}

interface Names {
  arxiv: string;
  dc: string;
}

function readItem(item: XmlNode, ns: Names, atom: boolean) {
  const description = textOf(atom ? (item.summary ?? item.content) : item.description);
  const announced = ANNOUNCE.exec(description);
  const idText = announced?.[1] ?? (atom ? textOf(item.id) : textOf(item.guid));
  const links = list(item.link);
  const link = atom ? attr(links.find((l) => (attr(l, 'rel') ?? 'alternate') === 'alternate') ?? links[0], 'href') : textOf(item.link);
  const fullTitle = textOf(item.title);
  const suffix = RDF_SUFFIX.exec(fullTitle);
  const ref = [idText, suffix?.[1], link, attr(item, 'rdf:about')].map(parseArxivId).find(Boolean);
  const typeText = (textOf(item[`${ns.arxiv}:announce_type`]) || announced?.[2] || '').toLowerCase() as AnnounceType;
  const announceType = TYPES.includes(typeText) ? typeText : RDF_TYPES[suffix?.[3] ?? ''];
  const listed = list(item.category).map((c) => attr(c, 'term') ?? textOf(c));
  const categories = (listed.length > 0 ? listed : (suffix?.[2] ?? '').split(/\s+/)).map((c) => c.trim()).filter(isArxivCategory);
  // The old RDF listings wrap each name in a link: keep the names.
  const creators = list(item[`${ns.dc}:creator`]).map((c) => htmlToText(textOf(c)));
  const atomAuthors = list(item.author).map((a) => textOf(a.name));
  const authors = [...creators.flatMap(splitAuthors), ...atomAuthors.filter(Boolean)];
  const day = isoDate(textOf(atom ? (item.published ?? item.updated) : (item.pubDate ?? item[`${ns.dc}:date`])));
  const replaced = announceType === 'replace' || announceType === 'replace-cross';
  const fromDoi = identityFromDoi(textOf(item[`${ns.arxiv}:doi`] ?? item[`${ns.arxiv}:DOI`]));
  return {
    // arXiv's own listings are plain text; other feeds' descriptions (and the old RDF's) are HTML.
    plain: announced !== null,
    tex: ref !== undefined,
    title: suffix ? fullTitle.slice(0, suffix.index) : fullTitle,
    abstract: announced ? description.slice(announced[0].length) : description,
    arxivId: ref?.id,
    arxivVersion: ref?.version,
    doi: fromDoi.doi,
    authors,
    announceType,
    categories,
    // arXiv lists a paper's primary category first.
    primaryCategory: categories[0],
    published: replaced ? undefined : day,
    updated: replaced ? day : undefined,
    journalRef: textOf(item[`${ns.arxiv}:journal_reference`] ?? item[`${ns.arxiv}:journal_ref`]) || undefined,
    links: ref ? arxivLinks(ref.id) : { abs: httpsLink(link) },
  };
}

function parse({ text }: DigestText): ParsedDigest {
  const sniff = sniffXml(text);
  const rootTag = sniff?.rootTag ?? '';
  const ns: Names = { arxiv: prefixFor(rootTag, ARXIV_NS, 'arxiv'), dc: prefixFor(rootTag, DC_NS, 'dc') };
  const doc = parseXml(text, LABEL, NAME, ['item', 'entry', 'category', 'link', 'author', `${ns.dc}:creator`]);
  const rootName = sniff?.root ?? '';
  const root = doc[rootName] as XmlNode | undefined;
  const local = rootName.replace(/^.*:/, '');
  if (!root || !['rss', 'RDF', 'feed'].includes(local)) {
    throw new DigestError('malformed', `${LABEL}: expected an <rss> or <feed> document, found <${rootName || 'no element'}>.`, { format: NAME, line: 1 });
  }
  const atom = local === 'feed';
  const channel = (local === 'rss' ? list(root.channel)[0] : local === 'RDF' ? list(root.channel)[0] : root) ?? {};
  const items = atom ? list(root.entry) : local === 'RDF' ? list(root.item) : list(channel.item);
  const channelTitle = textOf(channel.title);
  if (items.length === 0 && /^\s*Feed error for query/i.test(channelTitle)) {
    const why = normaliseSpace(textOf(atom ? (root.subtitle ?? root.summary) : channel.description)) || channelTitle;
    throw new DigestError('feed-error', `${LABEL}: arXiv answered with an error instead of papers: “${why.length > 300 ? `${why.slice(0, 299)}…` : why}”.`, {
      format: NAME,
      line: 1,
    });
  }
  const title = metaTitle(channelTitle);
  const lines = elementLines(text, atom ? 'entry' : 'item');
  const out = new EntryCollector(NAME);
  items.forEach((item, i) => out.add({ line: lines[i] ?? 1, ...readItem(item, ns, atom) }));
  const date = dayOf(textOf(atom ? root.updated : (channel.pubDate ?? channel.lastBuildDate ?? channel[`${ns.dc}:date`])));
  return out.result(LABEL, { title, date }, `the feed “${channelTitle || 'untitled'}” holds no entries (arXiv publishes no listing on weekends and holidays).`);
}

export const arxivRss: DigestFormat = {
  name: NAME,
  description: 'arXiv listing feeds: RSS 2.0 or Atom from rss.arxiv.org (Announce Type: new/cross/replace), and other RSS/Atom feeds of papers.',
  detect,
  parse,
};
