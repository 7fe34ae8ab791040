/**
 * A day's arXiv RSS listing of any length, in the shape of rss.arxiv.org's feeds (see
 * test/fixtures/formats/arxiv-rss-cs.CL.xml): papers from the synthetic stream with arXiv ids,
 * authors, categories and announce types, for the import bench (issue 13's speed target).
 */
import { random } from './coined-names';
import { syntheticPapers } from './synthetic-library';

const CATEGORIES = ['cs.CL', 'cs.AI', 'cs.LG', 'cs.CV', 'cs.IR', 'stat.ML', 'eess.AS'];
const GIVEN = ['Tao', 'Maria', 'Chen', 'Grace', 'Amir', 'Sofia', 'Kenji', 'Aisha', 'Lukas', 'Priya', 'Omar', 'Elena'];
const FAMILY = ['Ge', 'Garcia', 'Li', 'Hopper', 'Rahimi', 'Rossi', 'Tanaka', 'Okafor', 'Müller', 'Sharma', 'Haddad', 'Petrova'];

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The feed's text and the title of its last paper (to wait until search finds it). */
export function arxivRssFeed(entries: number, seed = 2501): { text: string; lastTitle: string } {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  const papers = syntheticPapers(entries, seed);
  const items = papers.map((p, i) => {
    const id = `2501.${String(10_000 + i).padStart(5, '0')}`;
    // A listing is mostly new papers, some cross-lists; replacements of papers the library has not got are skipped.
    const type = next() < 0.8 ? 'new' : 'cross';
    const categories = [...new Set([pick(CATEGORIES), pick(CATEGORIES), 'cs.CL'])];
    const authors = Array.from({ length: 1 + Math.floor(next() * 6) }, () => `${pick(GIVEN)} ${pick(FAMILY)}`);
    return `    <item>
      <title>${xml(p.title)}</title>
      <link>https://arxiv.org/abs/${id}</link>
      <description>arXiv:${id}v1 Announce Type: ${type} 
Abstract: ${xml(p.abstract)}</description>
      <guid isPermaLink="false">oai:arXiv.org:${id}v1</guid>
${categories.map((c) => `      <category>${c}</category>`).join('\n')}
      <pubDate>Mon, 20 Jan 2025 00:00:00 -0500</pubDate>
      <arxiv:announce_type>${type}</arxiv:announce_type>
      <dc:rights>http://creativecommons.org/licenses/by/4.0/</dc:rights>
      <dc:creator>${xml(authors.join(', '))}</dc:creator>
    </item>`;
  });
  const text = `<?xml version='1.0' encoding='UTF-8'?>
<rss xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" version="2.0">
  <channel>
    <title>cs.CL updates on arXiv.org</title>
    <link>http://rss.arxiv.org/rss/cs.CL</link>
    <description>cs.CL updates on the arXiv.org e-print archive.</description>
    <atom:link href="http://rss.arxiv.org/rss/cs.CL" rel="self" type="application/rss+xml"/>
    <docs>http://www.rssboard.org/rss-specification</docs>
    <language>en-us</language>
    <lastBuildDate>Mon, 20 Jan 2025 05:00:31 +0000</lastBuildDate>
    <managingEditor>rss-help@arxiv.org</managingEditor>
    <pubDate>Mon, 20 Jan 2025 00:00:00 -0500</pubDate>
${items.join('\n')}
  </channel>
</rss>
`;
  return { text, lastTitle: papers.at(-1)!.title };
}
