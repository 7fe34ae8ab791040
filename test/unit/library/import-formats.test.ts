import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Api } from '../../../src/api';
import { dispatch } from '../../../src/boundary/dispatch';
import { openCore, type Core } from '../../../src/core';
import { SAMPLE_PATH, tempDir } from '../../helpers';

const FIXTURES = path.resolve(import.meta.dirname, '..', '..', 'fixtures', 'formats');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

async function call<K extends keyof Api>(core: Core, name: K, arg: Api[K]['arg']): Promise<Api[K]['result']> {
  const envelope = await dispatch(core.handlers, name, arg);
  if (!envelope.ok) throw new Error(envelope.error.message);
  return envelope.value as Api[K]['result'];
}

/** Waits until a search answers results rather than "the index is opening". */
async function searchable(core: Core) {
  await expect.poll(async () => (await call(core, 'papers.query', { q: 'a' })).indexing, { timeout: 30_000 }).toBeNull();
}

const FOCUS = "FocusLLM: Scaling LLM's Context by Parallel Decoding";

describe('papers from every source meet in one library', () => {
  it('a Hugging Face file merges with the sample, a replacement updates a paper and keeps the reader’s data', async () => {
    const core = await openCore({ dataDir: tempDir(), samplePath: SAMPLE_PATH });
    try {
      const focusId = (await call(core, 'papers.query', { limit: 200 })).items.find((r) => r.title === FOCUS)!.id;
      const before = await call(core, 'papers.get', { id: focusId });
      const start = before.abstract.indexOf('even up to 400K tokens');
      await call(core, 'highlights.add', { paperId: focusId, start, end: start + 'even up to 400K tokens'.length, color: 'yellow' });
      await call(core, 'notes.save', { paperId: focusId, text: 'Chunked context, parallel decoding.' });
      await call(core, 'status.set', { paperIds: [focusId], starred: true });

      const hf = await call(core, 'digests.import', { fileName: 'daily_papers.json', text: fixture('hf-daily-papers.json'), source: 'file' });
      // Five of the six are papers of the sample; the sixth (S$^4$C) is new.
      expect(hf).toMatchObject({
        format: 'hf-daily-papers',
        added: 1,
        merged: 5,
        digest: { name: expect.stringMatching(/^Hugging Face daily papers \d{4}-\d\d-\d\d$/) },
      });
      const merged = await call(core, 'papers.get', { id: focusId });
      expect(merged).toMatchObject({ id: focusId, arxivId: '2408.11745', title: FOCUS, abstract: before.abstract, starred: true });
      expect(merged.authors!.length).toBeGreaterThan(3);
      expect(merged.links).toMatchObject({ hf: 'https://huggingface.co/papers/2408.11745' });
      expect(merged.appearances).toHaveLength(2);

      const rss = await call(core, 'digests.import', { fileName: 'cs.CL', text: fixture('arxiv-rss-cs.CL.xml'), source: 'file' });
      expect(rss.digest!.name).toBe('arXiv cs.CL 2024-01-22');
      expect(rss.revised).toEqual([{ id: focusId, title: FOCUS, version: 2 }]);
      const revised = await call(core, 'papers.get', { id: focusId });
      expect(revised.abstract).not.toBe(before.abstract);
      expect(revised.versions!.at(-1)).toMatchObject({ version: 2 });
      expect(revised).toMatchObject({
        arxivVersion: 2,
        starred: true,
        note: { text: 'Chunked context, parallel decoding.' },
        journalRef: 'Findings of ACL 2025',
      });
      // The highlighted passage is gone from v2: the highlight stays, flagged as no longer found.
      expect(revised.highlights).toEqual([expect.objectContaining({ range: null, quote: expect.objectContaining({ exact: 'even up to 400K tokens' }) })]);
      // Search finds authors, once the index has them.
      await searchable(core);
      expect((await call(core, 'papers.query', { q: 'Zhenyu Li Yike Zhang' })).items[0].id).toBe(focusId);
    } finally {
      await core.close();
    }
  });

  it('filters by author, category and year, and sorts by the date papers came out', async () => {
    const core = await openCore({ dataDir: tempDir() });
    try {
      await call(core, 'digests.import', { fileName: 'q.xml', text: fixture('arxiv-api-query.xml'), source: 'file' });
      await call(core, 'digests.import', { fileName: 'cs.CL.xml', text: fixture('arxiv-rss-cs.CL.xml'), source: 'file' });
      const all = (await call(core, 'papers.query', { sort: 'published', limit: 100 })).items;
      const dates = all.map((r) => r.published).filter(Boolean);
      expect(dates).toEqual([...dates].sort().reverse());
      const someone = all.find((r) => r.authors.length)!.authors[0];
      const byAuthor = (await call(core, 'papers.query', { author: someone.toUpperCase() })).items;
      expect(byAuthor.length).toBeGreaterThan(0);
      for (const r of byAuthor) expect((await call(core, 'papers.get', { id: r.id })).authors!.map((a) => a.toLowerCase())).toContain(someone.toLowerCase());
      const cl = (await call(core, 'papers.query', { category: 'cs.CL', limit: 100 })).items;
      expect(cl.length).toBeGreaterThan(0);
      expect(cl.length).toBeLessThan(all.length);
      const year = Number(dates[0]!.slice(0, 4));
      expect((await call(core, 'papers.query', { year, limit: 100 })).items.every((r) => r.published?.startsWith(String(year)))).toBe(true);
    } finally {
      await core.close();
    }
  });

  it('reads a UTF-16 file sent as bytes, and refuses text and bytes together', async () => {
    const core = await openCore({ dataDir: tempDir() });
    try {
      const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(fixture('references.ris'), 'utf16le')]);
      const r = await call(core, 'digests.import', { fileName: 'refs.ris', bytes: utf16.toString('base64'), source: 'file' });
      expect(r).toMatchObject({ format: 'ris' });
      expect(r.added).toBeGreaterThan(0);
      await expect(call(core, 'digests.import', { text: 'x', bytes: 'eA==', source: 'file' })).rejects.toThrow(/text or as bytes/);
    } finally {
      await core.close();
    }
  });

  it("adds arXiv's BibTeX of a new paper without its abstract; a listing that has the abstract fills it in", async () => {
    const core = await openCore({ dataDir: tempDir() });
    try {
      const bib = /@misc\{sheng2023flexgen[^]*?\n\}/.exec(fixture('references.bib'))![0]; // arXiv's export of FlexGen: no abstract
      const first = await call(core, 'digests.import', { fileName: 'flexgen.bib', text: bib, source: 'file' });
      expect(first).toMatchObject({ format: 'bibtex', added: 1, withoutAbstract: 1 });
      const [row] = (await call(core, 'papers.query', {})).items;
      expect(await call(core, 'papers.get', { id: row.id })).toMatchObject({ arxivId: '2303.06865', abstract: '' });
      await call(core, 'notes.save', { paperId: row.id, text: 'To read for the offloading.' });

      // A file of that one paper with its abstract is a digest of its own, not "already imported".
      const csl = JSON.stringify([
        { type: 'article', title: row.title, DOI: '10.48550/arXiv.2303.06865', abstract: 'We present FlexGen, an engine for LLM inference.' },
      ]);
      const withAbstract = await call(core, 'digests.import', { fileName: 'flexgen.json', text: csl, source: 'file' });
      expect(withAbstract).toMatchObject({ added: 0, merged: 1, alreadyImported: null, digest: { paperCount: 1 }, withoutAbstract: 0 });
      expect((await call(core, 'papers.get', { id: row.id })).abstract).toBe('We present FlexGen, an engine for LLM inference.');

      const api = await call(core, 'digests.import', { fileName: 'q.xml', text: fixture('arxiv-api-query.xml'), source: 'file' });
      expect(api.merged).toBeGreaterThanOrEqual(1);
      const filled = await call(core, 'papers.get', { id: row.id });
      expect(filled.abstract).toMatch(/^The high computational and memory requirements/);
      expect(filled.note?.text).toBe('To read for the offloading.');
      await searchable(core);
      expect((await call(core, 'papers.query', { q: 'latency-insensitive batched' })).items[0].id).toBe(row.id);
    } finally {
      await core.close();
    }
  });

  it('finds a LaTeX title by the word it shows (S$^4$C as S4C)', async () => {
    const core = await openCore({ dataDir: tempDir() });
    try {
      await call(core, 'digests.import', { fileName: 'hf.json', text: fixture('hf-daily-papers.json'), source: 'file' });
      await searchable(core);
      const found = await call(core, 'papers.query', { q: 'S4C' });
      expect(found.items.map((r) => r.title)).toEqual([expect.stringMatching(/^S\$\^4\$C: Speculative Sampling/)]);
    } finally {
      await core.close();
    }
  });
});
