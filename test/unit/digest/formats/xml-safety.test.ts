import { describe, expect, it } from 'vitest';
import { parseDigest } from '../../../../src/digest/parse';
import { digestError, fixture } from '../support';

const laughs = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<rss xmlns:arxiv="http://arxiv.org/schemas/atom" version="2.0"><channel><title>cs.CL updates on arXiv.org</title>
<item><title>&lol9;</title><description>arXiv:2401.00001v1 Announce Type: new Abstract: &lol9;</description></item>
</channel></rss>`;

const quadratic = `<?xml version="1.0"?>
<!DOCTYPE feed [<!ENTITY big "${'x'.repeat(50000)}">]>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/"><entry><title>T</title><summary>${'&big;'.repeat(5000)}</summary></entry></feed>`;

const external = `<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>cs.CL updates on arXiv.org</title><item><title>&xxe;</title><description>arXiv:2401.00001v1 Announce Type: new Abstract: x</description></item></channel></rss>`;

describe('XML safety', () => {
  it.each([
    ['a billion-laughs bomb', laughs],
    ['a quadratic-blowup entity', quadratic],
    ['an external entity', external],
  ])('refuses %s before expanding anything', (_, xml) => {
    const before = process.memoryUsage().heapUsed;
    const error = digestError(() => parseDigest(xml));
    expect(error.code).toBe('unsafe');
    expect(error.message).toMatch(/declares its own entities/);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(64 * 1024 * 1024);
  });

  it('accepts a DOCTYPE without entity declarations', () => {
    const xml = fixture('arxiv-rss-cs.CL.xml').replace('<rss ', '<!DOCTYPE rss>\n<rss ');
    expect(parseDigest(xml).entries).toHaveLength(5);
  });

  it('names the format, line and column of truncated XML', () => {
    const text = fixture('arxiv-rss-cs.CL.xml');
    const cut = text.slice(0, text.indexOf('Speech Tokenizers'));
    const error = digestError(() => parseDigest(cut));
    expect(error.code).toBe('malformed');
    expect(error.format).toBe('arxiv-rss');
    expect(error.line).toBe(cut.split('\n').length);
    expect(error.message).toMatch(/^arXiv RSS\/Atom listing: the XML ends at line \d+, column \d+ before <title>, <item>, <channel>, <rss> are closed/);
  });

  it('names the line and column of a mismatched tag', () => {
    const text = fixture('arxiv-api-query.xml').replace('</summary>', '</summry>');
    const error = digestError(() => parseDigest(text));
    expect(error).toMatchObject({ code: 'malformed', format: 'arxiv-api', line: 25 });
    expect(error.message).toMatch(/^arXiv API response \(Atom\): the XML is broken at line 25, column \d+: .*summary/);
  });
});
