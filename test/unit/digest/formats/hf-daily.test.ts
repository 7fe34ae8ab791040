import { describe, expect, it } from 'vitest';
import { parseDigest } from '../../../../src/digest/parse';
import { SAMPLE } from '../../../helpers';
import { digestError, fixture } from '../support';

const daily = () => parseDigest(fixture('hf-daily-papers.json'));

describe('Hugging Face daily papers JSON', () => {
  it('reads the api/daily_papers list with identity, links and upvotes', () => {
    const { format, entries, skipped, meta } = daily();
    expect(format).toBe('hf-daily-papers');
    expect(skipped).toEqual([]);
    expect(entries).toHaveLength(6);
    expect(meta).toEqual({ title: 'Hugging Face daily papers', date: '2025-02-07' });
    const maas = entries[0];
    expect(maas).toMatchObject({
      title: 'Multi-agent Architecture Search via Agentic Supernet',
      arxivId: '2502.04180',
      authors: ['Guibin Zhang', 'Luyang Niu', 'Junfeng Fang', 'Kun Wang', 'Lei Bai', 'Xiang Wang'],
      published: '2025-02-06T16:12:06Z',
      upvotes: 27,
      keywords: ['multi-agent systems', 'agentic supernet', 'MaAS', 'inference costs'],
      links: {
        abs: 'https://arxiv.org/abs/2502.04180',
        pdf: 'https://arxiv.org/pdf/2502.04180',
        hf: 'https://huggingface.co/papers/2502.04180',
        code: 'https://github.com/bingreeky/MaAS',
      },
      line: 2,
    });
    expect(entries[4].links?.project).toBe('https://nlp.stanford.edu/projects/snli/');
  });

  it("joins arXiv's hard line breaks: the sample's papers come out with the sample's very abstracts", () => {
    const sample = new Map(
      SAMPLE.split('\n')
        .map((l, i, all) => [l.replace(/^Subscribe/, ''), all[i + 1]] as const)
        .filter(([t]) => t),
    );
    const shared = daily().entries.filter((e) => sample.has(e.title));
    expect(shared.map((e) => e.arxivId)).toEqual(['2502.04180', '2408.11745', '2410.20290', '2303.06865', '1508.05326']);
    for (const e of shared.slice(1)) {
      expect(e.abstract).not.toContain('\n');
      expect(e.abstract).toBe(sample.get(e.title));
    }
    // MaAS on Hugging Face keeps arXiv's LaTeX; the sample has it flattened ("6sim45%").
    expect(shared[0].abstract).toContain('$6\\sim45\\%$');
  });

  it('keeps LaTeX in the title', () => {
    expect(daily().entries[5].title).toBe('S$^4$C: Speculative Sampling with Syntactic and Semantic Coherence for Efficient Inference');
  });

  it("reads the papers page's {dailyPapers: [...]} object and its date", () => {
    const { entries, meta } = parseDigest(fixture('hf-daily-page.json'));
    expect(entries.map((e) => e.arxivId)).toEqual(['2303.06865', '1508.05326']);
    expect(meta?.date).toBe('2025-02-07');
  });

  it('reads bare paper objects (api/papers/<id>) and a list of them', () => {
    const paper = JSON.parse(fixture('hf-daily-papers.json'))[1].paper;
    const { entries } = parseDigest(JSON.stringify([paper]));
    expect(entries[0]).toMatchObject({ arxivId: '2408.11745', upvotes: 24 });
  });

  it('skips an item without a summary and one that is not a paper, with their lines', () => {
    const items = JSON.parse(fixture('hf-daily-papers.json')).slice(0, 2);
    delete items[1].paper.summary;
    delete items[1].summary;
    items[1].paper.id = 'not-an-arxiv-id';
    const text = JSON.stringify([...items, 42], null, 1);
    const { entries, skipped, withoutAbstract } = parseDigest(text, { format: 'hf-daily-papers' });
    expect(entries).toHaveLength(1);
    expect(withoutAbstract).toEqual([]);
    expect(skipped.map((s) => s.reason)).toEqual([expect.stringMatching(/without an abstract/), expect.stringMatching(/item 3 is not a paper/)]);
    expect(skipped[1].line).toBe(text.split('\n').findIndex((l) => l.trim() === '42') + 1);
  });

  it('says what it expected for JSON of another shape, and where broken JSON breaks', () => {
    const shape = digestError(() => parseDigest('{"papers": [{"title": "A"}]}', { format: 'hf-daily-papers' }));
    expect(shape.code).toBe('malformed');
    expect(shape.message).toMatch(/Hugging Face.*an object with papers; expected a list of \{"paper"/);
    const broken = digestError(() => parseDigest(fixture('hf-daily-papers.json').slice(0, 3000)));
    expect(broken.code).toBe('malformed'); // a download cut short: where it breaks, without --format too
    expect(broken.message).toMatch(/^This looks like JSON of Hugging Face papers, but it is broken at line \d+, column \d+/);
    const forced = digestError(() => parseDigest(fixture('hf-daily-papers.json').slice(0, 3000), { format: 'hf-daily-papers' }));
    expect(forced.code).toBe('malformed');
    expect(forced.message).toMatch(/JSON is broken at line \d+, column \d+/);
    expect(digestError(() => parseDigest('[]', { format: 'hf-daily-papers' })).code).toBe('no-entries'); // a day without papers
    expect(digestError(() => parseDigest('{"dailyPapers": []}')).code).toBe('no-entries');
  });

  it('reads one paper, as api/papers/<id> answers', () => {
    const one = {
      id: '2502.02737',
      title: 'SmolLM2: When Smol Goes Big',
      summary: 'We train a small language model on 11T tokens.',
      authors: [{ name: 'Loubna Ben Allal' }],
    };
    expect(parseDigest(JSON.stringify(one)).entries).toEqual([
      expect.objectContaining({ arxivId: '2502.02737', title: 'SmolLM2: When Smol Goes Big', authors: ['Loubna Ben Allal'] }),
    ]);
  });
});
