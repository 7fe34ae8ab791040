import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../../src/cli/main';
import { openCore } from '../../../src/core';
import { SAMPLE_PATH, SECOND_PATH, tempDir } from '../../helpers';
import { cli, cliIn, cliWith } from './run-bin';

/** A library made by the command line, then annotated through the app's core (as the app would). */
let data: string;
let listId: string;
beforeAll(async () => {
  data = path.join(tempDir(), 'library');
  const imported = await cli('--data', data, 'import', SAMPLE_PATH, SECOND_PATH);
  expect(imported).toMatchObject({ status: 0, stderr: '' });
  const core = await openCore({ dataDir: data });
  try {
    const { items } = await core.handlers['papers.query'].run({ q: '', limit: 3 });
    const ids = items.map((p) => p.id);
    await core.handlers['tags.add'].run({ paperIds: ids.slice(0, 2), names: ['reasoning'] });
    listId = (await core.handlers['lists.create'].run({ name: 'To read' })).id;
    await core.handlers['lists.add'].run({ id: listId, paperIds: ids });
    await core.handlers['notes.save'].run({ paperId: ids[0], text: 'A note written in the app.' });
    await core.handlers['compare.create'].run({ paperIds: ids.slice(0, 2), name: 'Two surveys' });
  } finally {
    await core.close();
  }
}, 120_000);

// Each test starts the bin one or more times; on a busy two-core machine that takes seconds apiece.
describe('digest-reader command line', { timeout: 90_000 }, () => {
  it('imports files, reporting what each added; a second import adds nothing', async () => {
    const dir = tempDir();
    const first = await cli('--data', dir, 'import', SECOND_PATH);
    // Named after the file and its date: the trending text says neither what nor when.
    const name = `second-digest ${fs.statSync(SECOND_PATH).mtime.toISOString().slice(0, 10)}`;
    expect(first).toMatchObject({ status: 0, stdout: expect.stringContaining(`imported “${name}” (trending-papers): 5 papers added`) });
    const again = await cli('--data', dir, 'import', SECOND_PATH);
    expect(again).toMatchObject({ status: 0, stdout: expect.stringContaining(`already imported as “${name}”: nothing new`) });
  });

  it('runs from any folder: a file large enough to be read in a worker thread is imported from outside the project', async () => {
    const elsewhere = tempDir();
    const run = await cliIn(elsewhere, undefined, '--data', path.join(elsewhere, 'lib'), 'import', SAMPLE_PATH);
    expect(run).toMatchObject({ status: 0, stderr: '', stdout: expect.stringContaining('119 papers added') });
  });

  it('a listing downloaded again, only its upvotes grown, is no new digest: it says so and updates them', async () => {
    const dir = tempDir();
    const file = path.resolve(import.meta.dirname, '..', '..', 'fixtures', 'formats', 'hf-daily-papers.json');
    const first = await cli('--data', dir, 'import', file);
    const name = /imported “([^”]+)”/.exec(first.stdout)![1];
    const items = JSON.parse(fs.readFileSync(file, 'utf8')) as { paper: { upvotes: number } }[];
    items[0].paper.upvotes += 5;
    const later = path.join(dir, 'daily_papers (1).json');
    fs.writeFileSync(later, JSON.stringify(items.reverse()));
    const again = await cli('--data', dir, 'import', later);
    expect(again).toMatchObject({ status: 0, stdout: `${later}: already imported as “${name}”: nothing new; 1 paper updated (upvotes and other facts)\n` });
    expect((await cli('--data', dir, 'stats')).stdout).toContain('Digests: 1\n');
  });

  it('reads standard input with -, reports as JSON, honours --format, and names ambiguous digests by id', async () => {
    const dir = tempDir();
    const r = await cliWith(fs.readFileSync(SECOND_PATH, 'utf8'), '--data', dir, 'import', '-', '--json', '--format', 'trending-papers');
    expect(r.status).toBe(0);
    const [report] = JSON.parse(r.stdout);
    expect(report).toMatchObject({
      file: '-',
      ok: true,
      report: { added: 5, format: 'trending-papers', digest: { name: expect.stringMatching(/^Pasted digest \d{4}-/) } },
    });
    expect(await cli('--data', dir, 'import', SECOND_PATH, '--format', 'nonsense')).toMatchObject({
      status: 2,
      stderr: expect.stringContaining('--format nonsense: expected one of'),
    });
    // Two digests whose names both start "Pasted" and "second": asked by a prefix they share, the command lists both ids.
    await cliWith(`${fs.readFileSync(SAMPLE_PATH, 'utf8')}`, '--data', dir, 'import', '-');
    const ambiguous = await cli('--data', dir, 'list', '--digest', 'Pasted digest');
    expect(ambiguous.status).toBe(1);
    expect(ambiguous.stderr).toMatch(/“Pasted digest” could be 2 digests; name one by its id:\n {2}\S+ {2}Pasted digest/);
    expect((await cli('--version')).stdout).toMatch(/^digest-reader \d+\.\d+\.\d+\n$/);
  });

  it('shows how an import is going on a terminal, on one line it clears at the end', async () => {
    const lines: string[] = [];
    const progress: string[] = [];
    const io = { out: (t: string) => lines.push(t), err: (t: string) => lines.push(t), progress: (t: string) => progress.push(t) };
    expect(await run(['--data', tempDir(), 'import', SAMPLE_PATH], io)).toBe(0);
    expect(progress[0]).toBe(`${SAMPLE_PATH}: reading…`);
    expect(progress).toContain(`${SAMPLE_PATH}: 119 papers read, matching them with your library…`);
    expect(progress.at(-1)).toBe('');
    expect(lines.join('\n')).toContain('119 papers added');
  });

  it('reports files it cannot import, imports the others, and exits 1', async () => {
    const dir = tempDir();
    const json = path.join(dir, 'papers.json');
    fs.writeFileSync(json, '[{"title": "x"}]');
    const r = await cli('--data', path.join(dir, 'lib'), 'import', path.join(dir, 'missing.txt'), json, SECOND_PATH);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('missing.txt: cannot read it (ENOENT)');
    expect(r.stderr).toContain('papers.json: ');
    expect(r.stderr).toMatch(/JSON/);
    expect(r.stdout).toContain('5 papers added');
  });

  it('searches, as JSON, with filters by tag and list name', async () => {
    const r = await cli('--data', data, 'search', 'speculative', 'decoding', '--json', '--limit', '5');
    expect(r.status).toBe(0);
    const found = JSON.parse(r.stdout);
    expect(found.total).toBeGreaterThan(5);
    expect(found.items).toHaveLength(5);
    expect(found.items[0].title).toMatch(/speculative decoding/i);
    const tagged = JSON.parse((await cli('--data', data, 'search', 'reasoning', '--tag', 'Reasoning', '--json')).stdout);
    expect(tagged.items.map((p: { tags: string[] }) => p.tags)).toEqual([['reasoning'], ['reasoning']]);
    const unknown = await cli('--data', data, 'search', 'x', '--list', 'Nope');
    expect(unknown).toMatchObject({ status: 1, stderr: expect.stringContaining('No list named “Nope”. Known: “Read later”, “To read”.') });
  });

  it('imports references without abstracts, and says how many have none', async () => {
    const bib =
      '@inproceedings{v, title={Attention is all you need}, author={Vaswani, Ashish}, year={2017}}\n@article{h, title={Long short-term memory}, author={Hochreiter, Sepp}, year={1997}}';
    const r = await cliWith(bib, '--data', tempDir(), 'import', '-');
    expect(r).toMatchObject({
      status: 0,
      stdout: expect.stringContaining('2 papers added, 0 already in the library, 2 without an abstract, 0 lines not read'),
    });
  });

  it('says how many a search matched when more match than it ranks', async () => {
    const dir = tempDir();
    const bib = Array.from({ length: 520 }, (_, i) => `@article{k${i}, title = {Sparse routing, part ${i}}, abstract = {Mixture of experts ${i}.}}`).join('\n');
    expect(await cliWith(bib, '--data', dir, 'import', '-')).toMatchObject({ status: 0, stdout: expect.stringContaining('520 papers added') });
    const lines = await cli('--data', dir, 'search', 'sparse', 'routing');
    expect(lines.stderr.trim()).toBe('50 of 500 papers: the best of 520 matches');
    const found = JSON.parse((await cli('--data', dir, 'search', 'sparse', 'routing', '--json', '--limit', '2')).stdout);
    expect(found).toMatchObject({ total: 500, matched: 520 });
  });

  it('lists papers, of a list in its order, as lines', async () => {
    const r = await cli('--data', data, 'list', '--list', 'To read');
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(3);
    expect(r.stdout).toMatch(/^[0-9a-f]{16} {2}Towards Concise and Adaptive Thinking.*\[reasoning\]$/m);
    expect(r.stderr.trim()).toBe('3 papers');
  });

  it('counts what the library holds', async () => {
    const r = await cli('--data', data, 'stats', '--json');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      papers: { total: 122, unread: 122, read: 0 },
      digests: [
        { name: expect.stringMatching(/^trending-papers \d{4}-\d\d-\d\d$/), papers: 119 },
        { name: expect.stringMatching(/^second-digest \d{4}-\d\d-\d\d$/), papers: 5 },
      ],
      lists: [
        { name: 'Read later', papers: 0 },
        { name: 'To read', papers: 3 },
      ],
      tags: [{ name: 'reasoning', papers: 2 }],
    });
    expect((await cli('--data', data, 'stats')).stdout).toContain('Papers: 122 (122 unread, 0 reading, 0 read; 0 starred)');
  });

  it('exports Markdown; a re-export keeps an edit made outside the app, and reports one inside the exported part', async () => {
    const out = path.join(tempDir(), 'vault');
    const first = await cli('--data', data, 'export', 'markdown', '--scope', 'list:To read', '--out', out);
    expect(first).toMatchObject({ status: 0, stdout: expect.stringContaining('3 papers into') });
    expect(first.stdout).toContain('4 created, 0 updated, 0 unchanged');
    const noted = fs.readdirSync(out).find((f) => fs.readFileSync(path.join(out, f), 'utf8').includes('A note written in the app.'))!;
    const file = path.join(out, noted);
    fs.appendFileSync(file, '\nMy own thoughts, added in my vault.\n');
    const again = await cli('--data', data, 'export', 'markdown', '--scope', 'list:To read', '--out', out);
    expect(again).toMatchObject({ status: 0, stdout: expect.stringContaining('0 created, 0 updated, 4 unchanged') });
    expect(fs.readFileSync(file, 'utf8')).toContain('My own thoughts, added in my vault.');

    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('A note written in the app.', 'A note I changed in the vault.'));
    const conflict = await cli('--data', data, 'export', 'markdown', '--scope', 'list:To read', '--out', out);
    expect(conflict.status).toBe(1);
    expect(conflict.stderr).toContain(`Not overwritten: ${noted}: the exported part was edited after the last export`);
    expect(fs.readFileSync(file, 'utf8')).toContain('A note I changed in the vault.');
  });

  it('exports a comparison by name', async () => {
    const out = tempDir();
    const r = await cli('--data', data, 'export', 'markdown', '--scope', 'comparison:two surveys', '--out', out, '--standard-links');
    expect(r).toMatchObject({ status: 0, stdout: expect.stringContaining('2 papers into') });
    expect(fs.readFileSync(path.join(out, 'Comparison - Two surveys.md'), 'utf8')).toMatch(/^- \[.+\]\(.+\.md\)$/m);
  });

  it('exports BibTeX to standard output and CSV into a folder', async () => {
    const bib = await cli('--data', data, 'export', 'bibtex', '--scope', 'tag:reasoning');
    expect(bib.status).toBe(0);
    const parsed = parseBibtex(bib.stdout, { sentenceCase: false });
    expect(parsed.errors).toEqual([]);
    expect(parsed.entries).toHaveLength(2);
    const out = tempDir();
    const csv = await cli('--data', data, 'export', 'csv', '--out', out);
    expect(csv).toMatchObject({ status: 0, stderr: expect.stringContaining(`Wrote 122 papers to ${path.join(out, 'Library.csv')}`) });
    const rows = Papa.parse<Record<string, string>>(fs.readFileSync(path.join(out, 'Library.csv'), 'utf8').replace(/^\uFEFF/, ''), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(rows).toHaveLength(122);
    expect(rows.filter((r) => r.lists === 'To read')).toHaveLength(3);
  });

  it('says when the output folder is a file', async () => {
    const file = path.join(tempDir(), 'taken');
    fs.writeFileSync(file, '');
    const r = await cli('--data', data, 'export', 'markdown', '--out', file);
    expect(r).toMatchObject({ status: 1, stderr: expect.stringContaining('it is a file, not a folder') });
  });

  it('refuses a library the app has open, clearly, and changes nothing', async () => {
    const dir = tempDir();
    fs.cpSync(data, dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'library.lock'), String(process.pid)); // a live process holds it
    const r = await cli('--data', dir, 'import', SECOND_PATH);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`Another Digest Reader (process ${process.pid}) is already using the library in ${dir}. Close it first`);
    expect(fs.readFileSync(path.join(dir, 'library.lock'), 'utf8')).toBe(String(process.pid));
  });

  it('refuses a folder that holds no library (except to import into it)', async () => {
    const r = await cli('--data', path.join(tempDir(), 'typo'), 'list');
    expect(r).toMatchObject({ status: 1, stderr: expect.stringContaining('There is no library in') });
  });

  it('has help for itself and for each command', async () => {
    const all = await cli('--help');
    expect(all.status).toBe(0);
    for (const name of ['import', 'search', 'list', 'export', 'stats']) expect(all.stdout).toMatch(new RegExp(`^ {2}${name} `, 'm'));
    const exportHelp = await cli('export', '--help');
    expect(exportHelp).toMatchObject({ status: 0, stdout: expect.stringContaining('--overwrite-changed') });
    expect((await cli('help', 'search')).stdout).toContain('digest-reader search <query> [options]');
  });

  it('wrong usage exits 2 and says what is wrong', async () => {
    const r = await cli('--data', data, 'serch', 'x');
    expect(r).toMatchObject({ status: 2, stdout: '' });
    expect(r.stderr).toBe('digest-reader: Unknown command “serch”.\nRun “digest-reader --help” for usage.\n');
  });

  // The same code as the bin, run in this process: a subprocess each would add seconds apiece.
  it.each([
    [[], 'Which command?'],
    [['search'], 'search: missing an argument'],
    [['search', 'x', '--bogus'], "Unknown option '--bogus'"],
    [['search', 'x', '--limit', 'lots'], '--limit lots: expected a whole number'],
    [['export', 'pdf'], 'Unknown export format “pdf”'],
    [['export', 'markdown'], 'A Markdown export needs --out <dir>'],
    [['export', 'csv', '--scope', 'shelf:x'], '--scope shelf:x: expected one of'],
    [['stats', 'extra'], 'stats: unexpected argument “extra”'],
  ])('wrong usage %j exits 2 and says what is wrong', async (args, message) => {
    const out: string[] = [];
    const err: string[] = [];
    const status = await run(['--data', data, ...args], { out: (t) => out.push(t), err: (t) => err.push(t) });
    expect(status).toBe(2);
    expect(out).toEqual([]);
    expect(err.join('\n')).toContain(message);
    expect(err.join('\n')).toMatch(/--help/);
  });
});
