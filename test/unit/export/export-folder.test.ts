import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { unzipSync, strFromU8 } from 'fflate';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/boundary/dispatch';
import { addAttribute, createComparison, setCell } from '../../../src/compare/comparisons';
import { splitFrontMatter } from '../../../src/export/front-matter';
import { atomicWrite, type WriteFile } from '../../../src/export/writer';
import { tagPapers } from '../../../src/tags/tags';
import { parse as parseYaml } from 'yaml';
import { tempDir } from '../../helpers';
import { annotatedLibrary } from './helpers';

const LIST_INDEX = 'Reading list - Reasoning - to read.md';
const read = (dir: string, name: string) => fs.readFileSync(path.join(dir, name), 'utf8');
const frontMatter = (text: string) => parseYaml(splitFrontMatter(text).yaml!) as Record<string, unknown>;

async function exportList(opts: { overwriteChanged?: boolean; wikiLinks?: boolean; write?: WriteFile } = {}) {
  const lib = await annotatedLibrary(opts.write);
  const out = path.join(tempDir(), 'vault', 'papers'); // does not exist yet
  const run = (more: { overwriteChanged?: boolean } = {}) =>
    lib.handlers['export.markdown'].run({
      scope: { kind: 'list', ids: [lib.listId] },
      outDir: out,
      wikiLinks: opts.wikiLinks ?? true,
      overwriteChanged: false,
      ...more,
    });
  return { ...lib, out, run, first: await run() };
}

describe('Markdown export into a folder', () => {
  it('creates the folder, one file per paper and an index linking to them', async () => {
    const { first, out, picked, ctx } = await exportList();
    expect(first).toMatchObject({ count: 3, updated: [], unchanged: [], conflicts: [], failed: null, notWritten: [] });
    expect(first.created).toHaveLength(4);
    expect(fs.readdirSync(out).sort()).toEqual([...first.created].sort());
    const index = read(out, LIST_INDEX);
    expect(frontMatter(index)).toEqual({ title: 'Reading list - Reasoning: to read', kind: 'list', id: expect.any(String), papers: 3 });
    const links = [...index.matchAll(/\[\[([^\]|]+)(?:\|[^\]]*)?\]\]/g)].map((m) => `${m[1]}.md`);
    expect(links).toHaveLength(3);
    for (const [i, file] of links.entries()) expect(frontMatter(read(out, file))).toMatchObject({ id: picked[i], title: ctx.corpus.paper(picked[i])!.title });
    const annotated = read(out, links[0]);
    expect(frontMatter(annotated)).toMatchObject({
      tags: ['efficient-reasoning'],
      tag_names: ['efficient reasoning'],
      lists: ['Reasoning: to read'],
      status: 'unread',
      starred: false,
    });
    expect(annotated).toContain('## Highlights\n\n- > ');
    expect(annotated).toContain('  the subject\n');
    expect(annotated).toContain('## Note\n\nSurvey worth citing.\n\n- covers **adaptive** thinking');
    expect(frontMatter(read(out, links[1]))).toMatchObject({ status: 'read', starred: true, read: expect.stringMatching(/^\d{4}-\d\d-\d\d$/) });
  });

  it('a re-export with nothing new writes nothing', async () => {
    const { run, out } = await exportList();
    const before = fs.readdirSync(out).map((f) => fs.statSync(path.join(out, f)).mtimeMs);
    const again = await run();
    expect(again).toMatchObject({ created: [], updated: [], conflicts: [] });
    expect(again.unchanged).toHaveLength(4);
    expect(fs.readdirSync(out).map((f) => fs.statSync(path.join(out, f)).mtimeMs)).toEqual(before);
  });

  it('a file edited outside the app keeps the edit when the paper is exported again', async () => {
    const { run, out, ctx, picked, first } = await exportList();
    const file = first.created.find((f) => read(out, f).includes(`id: ${picked[0]}`))!;
    const mine = '\n## My reading notes\n\nCompare with [[Another paper]]; reread §3.\n';
    // In the vault: an alias of the reader's own, a property of theirs, and text after the exported part.
    const edited = read(out, file).replace(/^(aliases:\n {2}- .*\n)/m, '$1  - CAT survey\nrating: 5\n') + mine;
    fs.writeFileSync(path.join(out, file), edited);
    tagPapers(ctx, [picked[0]], ['survey']);

    const again = await run();
    expect(again.updated).toEqual([file]);
    const text = read(out, file);
    expect(text.endsWith(mine)).toBe(true);
    const title = ctx.corpus.paper(picked[0])!.title;
    expect(frontMatter(text)).toMatchObject({ aliases: [title, 'CAT survey'], rating: 5, tags: ['efficient-reasoning', 'survey'] });
  });

  it('a file whose exported part the reader changed is reported, not overwritten, unless asked', async () => {
    const { run, out, ctx, picked, first } = await exportList();
    const file = first.created.find((f) => read(out, f).includes(`id: ${picked[0]}`))!;
    const edited = read(out, file).replace('Survey worth citing.', 'Survey worth citing, twice.');
    fs.writeFileSync(path.join(out, file), edited);
    tagPapers(ctx, [picked[0]], ['survey']);

    const again = await run();
    expect(again.conflicts).toEqual([{ file, reason: expect.stringContaining('edited') }]);
    expect(read(out, file)).toBe(edited);
    const forced = await run({ overwriteChanged: true });
    expect(forced.updated).toEqual([file]);
    expect(read(out, file)).not.toContain('twice');
  });

  it('finds a file the reader renamed, and never touches the reader’s own files', async () => {
    const { run, out, first, picked, ctx } = await exportList();
    const file = first.created.find((f) => read(out, f).includes(`id: ${picked[2]}`))!;
    fs.renameSync(path.join(out, file), path.join(out, 'Renamed by me.md'));
    fs.writeFileSync(path.join(out, file), '# My own file that happens to have this name\n');
    tagPapers(ctx, [picked[2]], ['renamed']);
    const again = await run();
    expect(again.updated.sort()).toEqual([LIST_INDEX, 'Renamed by me.md'].sort());
    expect(read(out, file)).toBe('# My own file that happens to have this name\n');
    expect(read(out, LIST_INDEX)).toContain('[[Renamed by me|');
  });

  it('stops at a failed write (a full disk), reports what it wrote and leaves no partial file', async () => {
    let writes = 0;
    const fillsUp: WriteFile = (file, data) => {
      if (++writes > 2) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      atomicWrite(file, data);
    };
    const { first, out } = await exportList({ write: fillsUp });
    expect(first.created).toHaveLength(2);
    expect(first.failed).toEqual({ file: expect.stringMatching(/\.md$/), message: 'the disk is full' });
    expect(first.notWritten).toEqual([first.failed!.file, LIST_INDEX]);
    expect(fs.readdirSync(out).sort()).toEqual([...first.created].sort());
  });
});

describe('export handlers through the contract', () => {
  it('refuse a folder that is a file, a relative path and an unknown list, with clear messages', async () => {
    const { handlers, listId } = await annotatedLibrary();
    const file = path.join(tempDir(), 'not-a-folder.md');
    fs.writeFileSync(file, 'x');
    const call = (arg: unknown) => dispatch(handlers, 'export.markdown', arg);
    expect(await call({ scope: { kind: 'list', ids: [listId] }, outDir: file })).toMatchObject({
      ok: false,
      error: { code: 'not-a-folder', message: expect.stringContaining('it is a file') },
    });
    expect(await call({ scope: { kind: 'list', ids: [listId] }, outDir: 'relative/dir' })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await call({ scope: { kind: 'list', ids: ['nope'] }, outDir: tempDir() })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await call({ scope: { kind: 'list' }, outDir: tempDir() })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await call({ scope: { kind: 'everything' }, outDir: tempDir() })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await dispatch(handlers, 'export.csv', { scope: { kind: 'selection', ids: [] } })).toMatchObject({
      ok: false,
      error: { code: 'nothing-to-export' },
    });
  });

  it('zip the same files a folder export writes', async () => {
    const { handlers, listId, out, first } = await exportList();
    const zip = await handlers['export.zip'].run({ format: 'markdown', scope: { kind: 'list', ids: [listId] }, wikiLinks: true });
    expect(zip.fileName).toBe('Reading list - Reasoning - to read.zip');
    const files = unzipSync(Buffer.from(zip.base64, 'base64'));
    expect(Object.keys(files).sort()).toEqual([...first.created].sort());
    for (const [name, bytes] of Object.entries(files)) expect(strFromU8(bytes)).toBe(read(out, name));
  });

  it('give BibTeX and CSV as text, or write them into a folder', async () => {
    const { handlers, tagId } = await annotatedLibrary();
    const scope = { kind: 'tag' as const, ids: [tagId] };
    const bib = await handlers['export.bibtex'].run({ scope });
    expect(bib).toMatchObject({ fileName: 'Tag - efficient reasoning.bib', count: 2, path: null });
    expect(parseBibtex(bib.text!, { sentenceCase: false }).entries.map((e) => e.fields.keywords)).toEqual([['efficient reasoning'], ['efficient reasoning']]);
    const dir = tempDir();
    const written = await handlers['export.csv'].run({ scope: { kind: 'library' }, outDir: dir });
    expect(written).toMatchObject({ fileName: 'Library.csv', count: 119, text: null, path: path.join(dir, 'Library.csv') });
    const rows = Papa.parse<Record<string, string>>(read(dir, 'Library.csv').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
    expect(rows.data).toHaveLength(119);
    expect(rows.data.filter((r) => r.tags === 'efficient reasoning')).toHaveLength(2);
  });

  it('export a comparison, with its attributes in each paper’s front matter', async () => {
    const { handlers, ctx, picked } = await annotatedLibrary();
    const c = createComparison(ctx, picked.slice(0, 2), 'Efficiency');
    const speedUp = addAttribute(ctx, c.id, 'Speed-up');
    setCell(ctx, c.id, picked[0], speedUp.id, '2.1x');
    // A draft (unnamed) comparison is still being put together: its values stay out of the files.
    const draft = createComparison(ctx, picked.slice(0, 2));
    setCell(ctx, draft.id, picked[0], addAttribute(ctx, draft.id, 'Dataset').id, 'GSM8K');
    const zip = await handlers['export.zip'].run({ format: 'markdown', scope: { kind: 'comparison', ids: [c.id] }, wikiLinks: false });
    const files = Object.fromEntries(Object.entries(unzipSync(Buffer.from(zip.base64, 'base64'))).map(([k, v]) => [k, strFromU8(v)]));
    expect(Object.keys(files)).toContain('Comparison - Efficiency.md');
    const annotated = Object.values(files).find((t) => t.includes(`id: ${picked[0]}`))!;
    expect(frontMatter(annotated).attributes).toEqual(['Efficiency / Speed-up: 2.1x']);
  });
});
