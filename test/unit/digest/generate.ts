/** Generators of large feeds for tests (and for timing by hand: see the report). */

const words = 'model language data training inference scaling attention token reasoning benchmark agent retrieval'.split(' ');
const sentence = (i: number, n: number) => Array.from({ length: n }, (_, k) => words[(i * 7 + k * 3) % words.length]).join(' ');
const id = (i: number) => `2401.${String(10000 + i).padStart(5, '0')}`;

/** An arXiv RSS 2.0 listing of n items. */
export function rssListing(n: number): string {
  const items = Array.from(
    { length: n },
    (_, i) => `    <item>
      <title>Paper ${i}: ${sentence(i, 8)}</title>
      <link>https://arxiv.org/abs/${id(i)}</link>
      <description>arXiv:${id(i)}v1 Announce Type: ${i % 5 === 0 ? 'cross' : 'new'} 
Abstract: ${sentence(i, 180)}.</description>
      <guid isPermaLink="false">oai:arXiv.org:${id(i)}v1</guid>
      <category>cs.LG</category>
      <category>cs.AI</category>
      <pubDate>Mon, 22 Jan 2024 00:00:00 -0500</pubDate>
      <arxiv:announce_type>${i % 5 === 0 ? 'cross' : 'new'}</arxiv:announce_type>
      <dc:rights>http://creativecommons.org/licenses/by/4.0/</dc:rights>
      <dc:creator>Author ${i}, Second Author and Third Author</dc:creator>
    </item>`,
  );
  return `<?xml version='1.0' encoding='UTF-8'?>
<rss xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns:dc="http://purl.org/dc/elements/1.1/" version="2.0">
  <channel>
    <title>cs.LG updates on arXiv.org</title>
    <link>http://rss.arxiv.org/rss/cs.LG</link>
    <pubDate>Mon, 22 Jan 2024 00:00:00 -0500</pubDate>
${items.join('\n')}
  </channel>
</rss>
`;
}

/** An arXiv API response of n entries. */
export function apiResponse(n: number): string {
  const entries = Array.from(
    { length: n },
    (_, i) => `  <entry>
    <id>http://arxiv.org/abs/${id(i)}v2</id>
    <updated>2024-02-01T10:00:00Z</updated>
    <published>2024-01-22T18:00:00Z</published>
    <title>Paper ${i}: ${sentence(i, 8)}
  continued</title>
    <summary>  ${sentence(i, 60)}
${sentence(i + 1, 60)}
${sentence(i + 2, 60)}
</summary>
    <author><name>Author ${i}</name></author>
    <author><name>Second Author</name><arxiv:affiliation>Somewhere</arxiv:affiliation></author>
    <arxiv:doi>10.1000/example.${i}</arxiv:doi>
    <link href="http://arxiv.org/abs/${id(i)}v2" rel="alternate" type="text/html"/>
    <link title="pdf" href="http://arxiv.org/pdf/${id(i)}v2" rel="related" type="application/pdf"/>
    <arxiv:primary_category term="cs.LG" scheme="http://arxiv.org/schemas/atom"/>
    <category term="cs.LG" scheme="http://arxiv.org/schemas/atom"/>
  </entry>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom">
  <title>arXiv Query: search_query=cat:cs.LG&amp;id_list=&amp;start=0&amp;max_results=${n}</title>
  <id>http://arxiv.org/api/generated</id>
  <updated>2024-02-02T00:00:00-05:00</updated>
  <opensearch:totalResults>${n}</opensearch:totalResults>
${entries.join('\n')}
</feed>
`;
}
