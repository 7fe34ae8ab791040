import * as fs from 'node:fs';
import * as path from 'node:path';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/boundary/dispatch';
import { compareHandlers } from '../../../src/compare/handlers';
import {
  addAttribute,
  addPapers,
  createComparison,
  deleteComparison,
  listComparisons,
  moveAttribute,
  movePaper,
  quoteCell,
  removeAttribute,
  removePaper,
  renameAttribute,
  renameComparison,
  restoreAttribute,
  restoreComparison,
  setCell,
} from '../../../src/compare/comparisons';
import { comparisonMarkdown, escapeCell } from '../../../src/compare/markdown';
import { buildMatrix } from '../../../src/compare/matrix';
import { tagPapers } from '../../../src/tags/tags';
import { addHighlight } from '../../../src/highlights/highlights';
import { saveNote } from '../../../src/notes/notes';
import { SECOND } from '../../helpers';
import { readerContext } from '../reader/helpers';

async function sample() {
  const r = await readerContext();
  const byTitle = (start: string) => [...r.library.corpus.papers].find((p) => p.title.startsWith(start))!;
  const [flexgen, lookm, dynasor, focus, maas, gpo, tree] = [
    'FlexGen',
    'LOOK-M',
    'Efficiently Serving LLM Reasoning',
    'FocusLLM',
    'Multi-agent Architecture',
    'Group Preference',
    'Tree Cross',
  ].map(byTitle);
  const matrix = (id: string) => buildMatrix(r.ctx, r.library.terms, id);
  return { ...r, flexgen, lookm, dynasor, focus, maas, gpo, tree, matrix };
}

describe('comparisons', () => {
  it('compares 2 to 6 papers and explains the limit otherwise', async () => {
    const { ctx, ids } = await sample();
    expect(() => createComparison(ctx, ids.slice(0, 1))).toThrow('Compare 2 to 6 papers at a time: select at least 2 (1 is selected).');
    expect(() => createComparison(ctx, [ids[0], ids[0]])).toThrow(/at least 2/);
    expect(() => createComparison(ctx, ids.slice(0, 7))).toThrow('Compare 2 to 6 papers at a time: 7 are selected. Remove 1 first.');
    expect(() => createComparison(ctx, [ids[0], 'not-a-paper'])).toThrow(/not in the library/);
    const c = createComparison(ctx, ids.slice(0, 6));
    expect(() => addPapers(ctx, c.id, [ids[6]])).toThrow(/this one has 6, so 0 more at most/);
    expect(ctx.store.data.comparisons[c.id].paperIds).toHaveLength(6);
  });

  it('heads each column with who, when and which, so two papers of one title are told apart', async () => {
    const { ctx, library, flexgen, lookm, matrix } = await sample();
    const hf = fs.readFileSync(path.join(import.meta.dirname, '..', '..', 'fixtures', 'formats', 'hf-daily-papers.json'), 'utf8');
    await library.import({ name: 'HF', text: hf, source: 'file' });
    const c = createComparison(ctx, [flexgen.id, lookm.id]);
    const [first, second] = (await matrix(c.id)).columns;
    expect(first.byline).toBe('Sheng et al. · 2023 · arXiv:2303.06865');
    expect(second.byline).toBeNull(); // the sample says nothing of it
  });

  it('a draft is unnamed and unlisted; naming it saves it; a new draft replaces the old one', async () => {
    const { ctx, ids } = await sample();
    const first = createComparison(ctx, ids.slice(0, 2));
    expect(first).toMatchObject({ name: 'Untitled comparison', saved: false });
    expect(listComparisons(ctx)).toEqual([]);
    const second = createComparison(ctx, ids.slice(2, 4));
    expect(Object.keys(ctx.store.data.comparisons)).toEqual([second.id]);
    renameComparison(ctx, second.id, '  Inference   speed ');
    expect(listComparisons(ctx)).toEqual([expect.objectContaining({ id: second.id, name: 'Inference speed', paperCount: 2, missing: 0 })]);
    // A saved comparison survives the next draft; names are unique among saved ones.
    createComparison(ctx, ids.slice(4, 6));
    expect(ctx.store.data.comparisons[second.id]).toBeDefined();
    expect(() => createComparison(ctx, ids.slice(0, 2), 'inference speed')).toThrow(/already a comparison named “Inference speed”/);
    expect(() => renameComparison(ctx, second.id, '   ')).toThrow(/needs a name/);
  });

  it('deletes with undo, keeping the comparison exactly as it was', async () => {
    const { ctx, ids } = await sample();
    const c = createComparison(ctx, ids.slice(0, 3), 'Kept');
    const a = addAttribute(ctx, c.id, 'Method');
    setCell(ctx, c.id, ids[0], a.id, 'offloading');
    const before = structuredClone(ctx.store.data.comparisons[c.id]);
    expect(deleteComparison(ctx, c.id)).toEqual({ id: c.id, name: 'Kept' });
    expect(listComparisons(ctx)).toEqual([]);
    restoreComparison(ctx, c.id);
    expect(ctx.store.data.comparisons[c.id]).toEqual(before);
    // The tombstone is used up: a second undo has nothing to bring back, and changes nothing.
    deleteComparison(ctx, c.id);
    restoreComparison(ctx, c.id);
    expect(() => restoreComparison(ctx, 'never-deleted')).toThrow(/can no longer be undone/);
  });

  it('adds, removes and reorders columns; a removed column’s cells come back with it', async () => {
    const { ctx, ids } = await sample();
    const c = createComparison(ctx, ids.slice(0, 3), 'Columns');
    const a = addAttribute(ctx, c.id, 'Dataset');
    setCell(ctx, c.id, ids[1], a.id, 'HELM');
    movePaper(ctx, c.id, ids[2], 0);
    expect(ctx.store.data.comparisons[c.id].paperIds).toEqual([ids[2], ids[0], ids[1]]);
    expect(removePaper(ctx, c.id, ids[1])).toEqual({ position: 2 });
    expect(() => removePaper(ctx, c.id, ids[0])).toThrow(/cannot lose another column/);
    addPapers(ctx, c.id, [ids[1], ids[3]]);
    expect(ctx.store.data.comparisons[c.id].paperIds).toEqual([ids[2], ids[0], ids[1], ids[3]]);
    expect(ctx.store.data.comparisons[c.id].values[ids[1]][a.id].value).toBe('HELM');
  });

  it('attribute rows: add, rename, move, remove with undo; names are offered again in any comparison', async () => {
    const { ctx, ids } = await sample();
    const c = createComparison(ctx, ids.slice(0, 2), 'Rows');
    const method = addAttribute(ctx, c.id, 'Method');
    const speed = addAttribute(ctx, c.id, 'Speed-up');
    expect(() => addAttribute(ctx, c.id, 'speed-up')).toThrow(/already has a row “speed-up”/);
    renameAttribute(ctx, c.id, speed.id, 'Speedup');
    moveAttribute(ctx, c.id, speed.id, 0);
    expect(ctx.store.data.comparisons[c.id].attributes.map((a) => a.name)).toEqual(['Speedup', 'Method']);
    setCell(ctx, c.id, ids[0], method.id, 'offloading');
    expect(removeAttribute(ctx, c.id, method.id)).toEqual({ id: method.id, name: 'Method' });
    expect(ctx.store.data.comparisons[c.id].values[ids[0]][method.id]).toBeUndefined();
    const other = createComparison(ctx, ids.slice(2, 4), 'Other');
    expect(() => restoreAttribute(ctx, other.id, method.id)).toThrow(/not removed from this comparison/);
    restoreAttribute(ctx, c.id, method.id);
    expect(ctx.store.data.comparisons[c.id].attributes.map((a) => a.name)).toEqual(['Speedup', 'Method']);
    expect(ctx.store.data.comparisons[c.id].values[ids[0]][method.id].value).toBe('offloading');
    expect(ctx.store.data.attributeNames).toEqual(['Method', 'Speed-up', 'Speedup']);
  });

  it('fills a cell from a span of the abstract, anchored like a highlight', async () => {
    const { ctx, flexgen, lookm, matrix } = await sample();
    const c = createComparison(ctx, [flexgen.id, lookm.id], 'Quotes');
    const a = addAttribute(ctx, c.id, 'Speed-up');
    const start = lookm.abstract.indexOf('1.5x faster decoding');
    const cell = quoteCell(ctx, c.id, lookm.id, a.id, start, start + '1.5x faster decoding'.length);
    expect(cell).toMatchObject({ value: '1.5x faster decoding', quote: { exact: '1.5x faster decoding', start } });
    expect((await matrix(c.id)).columns[1].cells[a.id]).toEqual({ value: '1.5x faster decoding', quote: { range: [start, start + 20] } });
    expect(() => quoteCell(ctx, c.id, lookm.id, a.id, 5, 5)).toThrow(/not inside the abstract/);
    expect(() => quoteCell(ctx, c.id, lookm.id, a.id, 0, lookm.abstract.length + 1)).toThrow(/not inside the abstract/);
    // Typing over a quoted cell makes it free text; clearing it removes it.
    setCell(ctx, c.id, lookm.id, a.id, 'about 1.5x');
    expect((await matrix(c.id)).columns[1].cells[a.id]).toEqual({ value: 'about 1.5x', quote: null });
    setCell(ctx, c.id, lookm.id, a.id, '  ');
    expect((await matrix(c.id)).columns[1].cells[a.id]).toBeUndefined();
  });

  it('builds the matrix: provenance, status and tags, claims, shared and own terms, highlights and notes', async () => {
    const { ctx, flexgen, lookm, dynasor, matrix } = await sample();
    tagPapers(ctx, [flexgen.id], ['offloading']);
    saveNote(ctx, lookm.id, 'Compare with H2O.');
    const at = lookm.abstract.indexOf('KV cache');
    addHighlight(ctx, lookm.id, at, at + 8, 'green', 'the core idea');
    const c = createComparison(ctx, [flexgen.id, lookm.id, dynasor.id], 'Matrix');
    const m = await matrix(c.id);
    expect(m.columns.map((col) => col.title)).toEqual([flexgen.title, lookm.title, dynasor.title]);
    expect(m.columns[0]).toMatchObject({ missing: false, state: 'unread', starred: false, tags: [expect.objectContaining({ name: 'offloading' })] });
    expect(m.columns[0].appearances).toEqual([expect.objectContaining({ digestName: 'Sample', position: flexgen.appearances[0].position })]);
    expect(m.columns[1]).toMatchObject({ note: 'Compare with H2O.', highlights: [{ exact: 'KV cache', comment: 'the core idea', color: 'green' }] });
    expect(m.columns[2].claims.map((cl) => cl.text).join(' ')).toContain('3.3x higher query rates');
    expect(m.sharedTerms[0].term).toBe('cache');
    expect(m.columns[0].sharedTerms).toContain('cache');
    expect(m.columns[2].sharedTerms).not.toContain('cache');
    const ranges = m.columns[1].termRanges.map(([s, e]) => lookm.abstract.slice(s, e).toLowerCase());
    expect(ranges).toContain('cache');
    // The same terms are marked inside the claims, and only the column's shared terms.
    const inClaims = m.columns[1].claims.flatMap((cl) => cl.termRanges.map(([s, e]) => cl.text.slice(s, e).toLowerCase()));
    expect(inClaims).toContain('cache');
    expect(inClaims.every((t) => m.columns[1].sharedTerms.includes(t))).toBe(true);
    expect(m.columns[0].ownTerms[0]).toBe('flexgen');
  });

  it('a paper gone from the library shows as missing and keeps its cells', async () => {
    const dir = (await readerContext()).dir;
    // The papers of a second digest, compared with one of the sample; then that digest's file goes.
    const first = await readerContext(dir);
    const report = await first.library.import({ name: 'Second', text: SECOND, source: 'file' });
    const graph = [...first.library.corpus.papers].find((p) => p.title.startsWith('Graph Tokenizers'))!;
    const c = createComparison(first.ctx, [first.ids[0], graph.id], 'With a lost paper');
    const a = addAttribute(first.ctx, c.id, 'Method');
    setCell(first.ctx, c.id, graph.id, a.id, 'graph tokenizer');
    fs.rmSync(path.join(dir, 'digests', `${report.digest!.id}.json`));
    const again = await readerContext(dir);
    const m = await buildMatrix(again.ctx, again.library.terms, c.id);
    expect(m.columns[1]).toMatchObject({
      missing: true,
      title: 'Graph Tokenizers for Molecular Property Prediction',
      claims: [],
      cells: { [a.id]: { value: 'graph tokenizer', quote: null } },
    });
    expect(listComparisons(again.ctx)[0]).toMatchObject({ paperCount: 2, missing: 1 });
    expect(comparisonMarkdown(m)).toContain('Missing paper: Graph Tokenizers for Molecular Property Prediction');
  });
});

describe('Markdown export', () => {
  it('is a GFM table: a column per paper, claims with figures in bold, attributes, terms', async () => {
    const { ctx, flexgen, lookm, maas, matrix } = await sample();
    const c = createComparison(ctx, [flexgen.id, lookm.id, maas.id], 'Inference speed');
    const a = addAttribute(ctx, c.id, 'Speed-up');
    setCell(ctx, c.id, flexgen.id, a.id, '1 token/s | batch 144');
    const md = comparisonMarkdown(await matrix(c.id));
    const lines = md.trim().split('\n');
    expect(lines[0]).toBe('## Inference speed');
    expect(lines[2]).toBe(
      `| | ${flexgen.title} | LOOK-M: Look-Once Optimization in KV Cache for Efficient Multimodal Long-Context Inference | ${maas.title} |`,
    );
    expect(lines[3]).toBe('| --- | --- | --- | --- |');
    expect(lines.find((l) => l.startsWith('| **Speed-up**'))).toBe('| **Speed-up** | 1 token/s \\| batch 144 |   |   |');
    expect(md).toContain('**1.5x** faster decoding');
    // Every row has as many cells as the header.
    for (const line of lines.slice(2)) expect(line.split(/(?<!\\)\|/).length).toBe(6);
    const html = micromark(md, { extensions: [gfm()], htmlExtensions: [gfmHtml()] });
    expect(html).toContain('<table>');
    expect(html.match(/<tr>/g)).toHaveLength(1 + 6);
    expect(html).toContain('<td>1 token/s | batch 144</td>');
    // The tildes of "6~45% … 0.54%~11.82%" stay tildes, not a strikethrough.
    expect(html).not.toContain('<del>');
    expect(html).toContain('6~45%');
    expect(html).toContain('<strong>0.54%~11.82%</strong>');
  });

  it('escapes what would be markup', () => {
    expect(escapeCell('a|b *c* _d_ <script> [x](y) `z` ~s~ &amp;\nnext')).toBe('a\\|b \\*c\\* \\_d\\_ \\<script\\> \\[x\\](y) \\`z\\` \\~s\\~ \\&amp; next');
  });
});

describe('the compare.* handlers', () => {
  it('validate their arguments at the boundary and explain the limits', async () => {
    const { ctx, library, ids } = await sample();
    const handlers = compareHandlers(ctx, library.terms);
    expect(await dispatch(handlers, 'compare.create', { paperIds: ids.slice(0, 1) })).toEqual({
      ok: false,
      error: { code: 'too-few-papers', message: expect.stringContaining('Compare 2 to 6 papers') },
    });
    expect(await dispatch(handlers, 'compare.create', { paperIds: ['../etc'] })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    const created = await dispatch(handlers, 'compare.create', { paperIds: ids.slice(0, 3) });
    expect(created.ok).toBe(true);
    const id = (created as { value: { id: string } }).value.id;
    expect(await dispatch(handlers, 'compare.rename', { id, name: 'Via handlers' })).toEqual({ ok: true, value: undefined });
    expect(await dispatch(handlers, 'compare.list', {})).toMatchObject({ ok: true, value: [{ id, name: 'Via handlers' }] });
    expect(await dispatch(handlers, 'compare.delete', { id })).toEqual({ ok: true, value: { id, name: 'Via handlers' } });
    // The undo names what was deleted; the core kept it. A page cannot send a comparison of its own.
    expect(await dispatch(handlers, 'compare.restore', { comparison: { id, name: 'Forged' } })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
    expect(await dispatch(handlers, 'compare.restore', { id })).toEqual({ ok: true, value: undefined });
    expect(await dispatch(handlers, 'compare.markdown', { id })).toMatchObject({ ok: true, value: { markdown: expect.stringContaining('## Via handlers') } });
    expect(await dispatch(handlers, 'compare.get', { id: 'gone' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});
