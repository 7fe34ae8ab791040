import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { strFromU8, unzipSync } from 'fflate';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { expect, freshDataDir, openApp, ROOT, shoot, startApp, test, type RunningApp } from './fixtures';
import type { Shell } from '../../src/api/bridge';
import { parseDigest } from '../../src/digest/parse';
import { checkProperties } from '../unit/export/obsidian-check';

interface Row {
  id: string;
  title: string;
}

/** A reading list of three papers, one with tags, a note and two highlights (one with a comment). */
async function annotatedList(app: RunningApp) {
  const { items } = await app.call<{ items: Row[] }>('papers.query', { limit: 3 });
  const list = await app.call<{ id: string }>('lists.create', { name: 'Vault export' });
  await app.call('lists.add', { id: list.id, paperIds: items.map((p) => p.id) });
  await app.call('tags.add', { paperIds: [items[0].id], names: ['survey', 'to cite'] });
  await app.call('notes.save', { paperId: items[0].id, text: 'Why it matters:\n\n- adaptive thinking\n- **cheaper** inference' });
  await app.call('highlights.add', { paperId: items[0].id, start: 0, end: 24, color: 'yellow', comment: 'the subject' });
  await app.call('highlights.add', { paperId: items[0].id, start: 30, end: 60, color: 'green' });
  return { papers: items, listId: list.id };
}

const frontMatter = (text: string) => parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(text)![1]) as Record<string, unknown>;

/** Shows the list, opens its first paper if asked, and opens the Export dialog. */
async function openExport(page: import('@playwright/test').Page, { openFirst = false } = {}) {
  await page
    .getByRole('navigation', { name: 'Library' })
    .getByRole('button', { name: /^Vault export/ })
    .click();
  await expect(page.getByRole('status').filter({ hasText: '3 papers' })).toBeVisible();
  if (openFirst) {
    const row = page.getByRole('listbox', { name: 'Papers' }).getByRole('option').first();
    const title = await row.locator('.row-title').innerText();
    await row.click();
    await expect(page.getByRole('region', { name: 'Reader' }).getByRole('heading', { level: 1 })).toHaveText(title);
  }
  await page.getByRole('button', { name: 'Export…' }).click();
  return page.getByRole('dialog', { name: 'Export' });
}

test('exports a reading list with notes and highlights as a zip of Markdown files', async ({ page, app }) => {
  const { papers } = await annotatedList(app);
  const cspErrors: string[] = [];
  page.on('console', (m) => m.text().includes('Content Security Policy') && cspErrors.push(m.text()));
  const errors = await openApp(page, app);
  const dialog = await openExport(page);
  await expect(dialog.getByRole('radio', { name: 'Reading list “Vault export”' })).toBeChecked();
  await expect(dialog.getByRole('radio', { name: 'Markdown' })).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: /wiki links/ })).toBeChecked();
  await shoot(page, 'export-dialog');
  // Web mode without --export-dir may write nowhere: Markdown is downloaded.
  await expect(dialog.getByRole('button', { name: /^Export into/ })).toHaveCount(0);
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download .zip' }).click()]);
  expect(download.suggestedFilename()).toBe('Reading list - Vault export.zip');
  await expect(dialog.getByRole('status')).toContainText('Downloaded “Reading list - Vault export.zip”: 3 papers in 4 Markdown files.');

  const files = Object.fromEntries(Object.entries(unzipSync(fs.readFileSync((await download.path())!))).map(([name, bytes]) => [name, strFromU8(bytes)]));
  expect(Object.keys(files)).toHaveLength(4);
  const index = files['Reading list - Vault export.md'];
  expect(frontMatter(index)).toMatchObject({ title: 'Reading list - Vault export', kind: 'list', papers: 3 });
  const linked = [...index.matchAll(/^- \[\[([^\]|]+)/gm)].map((m) => `${m[1]}.md`);
  expect(linked).toHaveLength(3);
  linked.forEach((name, i) => expect(frontMatter(files[name])).toMatchObject({ id: papers[i].id, title: papers[i].title, lists: ['Vault export'] }));
  const annotated = files[linked[0]];
  expect(frontMatter(annotated)).toMatchObject({ tags: ['survey', 'to-cite'], tag_names: ['survey', 'to cite'], status: 'unread', starred: false });
  expect(annotated).toContain('## Highlights\n\n- > ');
  expect(annotated).toMatch(/- > .+\n\n {2}the subject\n- > .+/);
  expect(annotated).toContain('## Note\n\nWhy it matters:\n\n- adaptive thinking\n- **cheaper** inference');
  expect(cspErrors).toEqual([]);
  expect(errors).toEqual([]);
});

test('downloads BibTeX of the open paper', async ({ page, app }) => {
  const { papers } = await annotatedList(app);
  await openApp(page, app);
  const dialog = await openExport(page, { openFirst: true });
  await dialog.getByRole('radio', { name: /^This paper/ }).check();
  await dialog.getByRole('radio', { name: 'BibTeX' }).check();
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download .bib' }).click()]);
  const bib = parseBibtex(fs.readFileSync((await download.path())!, 'utf8'), { sentenceCase: false });
  expect(bib.errors).toEqual([]);
  expect(bib.entries.map((e) => e.fields.title)).toEqual([papers[0].title]);
  expect(bib.entries[0].fields.keywords?.toSorted()).toEqual(['survey', 'to cite']);
});

test('with a folder chooser (as on the desktop), exports into a folder; a re-export keeps edits made there and reports edits to the exported part', async ({
  page,
}) => {
  const vault = path.join(freshDataDir(), 'My vault');
  // The core writes only into a folder the person chose: the shell's dialog grants it (here, the flag).
  const app = await startApp(freshDataDir(), ['--export-dir', vault]);
  try {
    await exportIntoFolderTwice(page, app, vault);
  } finally {
    await app.stop();
  }
});

/** The desktop shell's folder chooser, as the Electron preload offers it, answering `folder`. */
async function stubFolderChooser(page: import('@playwright/test').Page, folder: string) {
  await page.addInitScript((dir) => {
    (window as Window & { digestReaderShell?: Shell }).digestReaderShell = { chooseFolder: async () => dir };
  }, folder);
}

async function exportIntoFolderTwice(page: import('@playwright/test').Page, app: RunningApp, vault: string) {
  const { papers } = await annotatedList(app);
  await stubFolderChooser(page, vault);
  await openApp(page, app);
  const dialog = await openExport(page);
  await dialog.getByRole('button', { name: 'Export into a folder…' }).click();
  const report = dialog.getByRole('status', { name: 'Export report' });
  await expect(report).toContainText('3 papers into');
  await expect(report).toContainText('4 created, 0 updated, 0 unchanged');

  const name = fs.readdirSync(vault).find((f) => fs.readFileSync(path.join(vault, f), 'utf8').includes(`id: ${papers[0].id}`))!;
  const file = path.join(vault, name);
  fs.appendFileSync(file, '\n## My thoughts\n\nWritten in my vault, after the export.\n');
  await app.call('tags.add', { paperIds: [papers[0].id], names: ['reread'] });
  await dialog.getByRole('button', { name: 'Export into a folder…' }).click();
  await expect(report).toContainText('0 created, 1 updated, 3 unchanged');
  const text = fs.readFileSync(file, 'utf8');
  expect(text).toContain('Written in my vault, after the export.');
  expect(frontMatter(text).tags).toEqual(['survey', 'to-cite', 'reread']);

  fs.writeFileSync(file, text.replace('adaptive thinking', 'adaptive thinking (edited in the vault)'));
  await dialog.getByRole('button', { name: 'Export into a folder…' }).click();
  await expect(report).toContainText('These files were edited inside their exported part');
  await expect(report.getByRole('listitem')).toHaveText([name]);
  await shoot(page, 'export-folder-conflict');
  expect(fs.readFileSync(file, 'utf8')).toContain('(edited in the vault)');
  await report.getByRole('button', { name: 'Overwrite them' }).click();
  await expect(report).toContainText('0 created, 1 updated, 3 unchanged');
  expect(fs.readFileSync(file, 'utf8')).not.toContain('(edited in the vault)');
  expect(fs.readFileSync(file, 'utf8')).toContain('Written in my vault, after the export.');
}

test('in web mode, Markdown goes into the folder given with --export-dir, and a page cannot name another', async ({ page }) => {
  const vault = path.join(freshDataDir(), 'My vault');
  const elsewhere = path.join(freshDataDir(), 'Elsewhere');
  const app = await startApp(freshDataDir(), ['--export-dir', vault]);
  try {
    await annotatedList(app);
    await openApp(page, app);
    const dialog = await openExport(page);
    await dialog.getByRole('button', { name: 'Export into “My vault”' }).click();
    await expect(dialog.getByRole('status', { name: 'Export report' })).toContainText(`3 papers into ${vault}: 4 created`);
    await shoot(page, 'export-web-folder');
    expect(fs.readdirSync(vault)).toHaveLength(4);

    const scope = { kind: 'library' };
    await expect(app.call('export.markdown', { scope, outDir: elsewhere })).rejects.toThrow(
      'Digest Reader writes only Markdown, and only into a folder you chose for it',
    );
    await expect(app.call('export.csv', { scope, outDir: vault })).rejects.toThrow('writes only Markdown'); // a .csv would replace one there
    expect(fs.existsSync(elsewhere)).toBe(false);
  } finally {
    await app.stop();
  }
});

test('a folder the shell did not grant is refused with a message, and nothing is written', async ({ page, app }) => {
  await annotatedList(app);
  const elsewhere = path.join(freshDataDir(), 'Not chosen');
  await stubFolderChooser(page, elsewhere);
  await openApp(page, app);
  const dialog = await openExport(page);
  await dialog.getByRole('button', { name: 'Export into a folder…' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Digest Reader writes only Markdown, and only into a folder you chose for it. Choose the folder again.');
  expect(fs.existsSync(elsewhere)).toBe(false);
});

const ARXIV_QUERY = path.join(ROOT, 'test', 'fixtures', 'formats', 'arxiv-api-query.xml');

/** Imports the arXiv API response through the page's file chooser and opens its digest. */
async function importArxivQuery(page: import('@playwright/test').Page) {
  await page.getByRole('button', { name: 'Import digest…' }).first().click();
  const importer = page.getByRole('dialog', { name: 'Import a digest' });
  await importer.getByLabel('Digest file').setInputFiles(ARXIV_QUERY);
  await expect(importer.getByRole('status', { name: 'Import report' })).toContainText('Imported “arXiv query: all:electron 2024-01-22”');
  await importer.getByRole('button', { name: 'Close' }).click();
  await page
    .getByRole('navigation', { name: 'Library' })
    .getByRole('button', { name: /^arXiv query: all:electron/ })
    .click();
  await expect(page.getByRole('status').filter({ hasText: '3 papers' })).toBeVisible();
}

async function download(page: import('@playwright/test').Page, dialog: import('@playwright/test').Locator, format: string, button: string) {
  await dialog.getByRole('radio', { name: format, exact: true }).check();
  const [file] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: button }).click()]);
  return { name: file.suggestedFilename(), text: fs.readFileSync((await file.path())!, 'utf8') };
}

test('an arXiv API response imported through the page exports as BibTeX in arXiv’s convention, RIS and CSL-JSON', async ({ page, app }) => {
  const errors = await openApp(page, app);
  await importArxivQuery(page);
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await expect(dialog.getByRole('radio', { name: 'Digest “arXiv query: all:electron 2024-01-22”' })).toBeChecked();

  const bib = await download(page, dialog, 'BibTeX', 'Download .bib');
  expect(bib.name).toBe('Digest - arXiv query - all - electron 2024-01-22.bib');
  await expect(dialog.getByRole('status')).toContainText(`Downloaded “${bib.name}”: 3 papers.`);
  const flexgen = bib.text.split('\n\n').find((e) => e.includes('eprint={2303.06865}'))!;
  expect(flexgen.split('      doi=')[0]).toBe(
    [
      '@misc{sheng2023flexgen,',
      '      title={FlexGen: High-Throughput Generative Inference of Large Language Models with a Single GPU},',
      '      author={Ying Sheng and Lianmin Zheng and Christopher Ré and Ce Zhang},',
      '      year={2023},',
      '      eprint={2303.06865},',
      '      archivePrefix={arXiv},',
      '      primaryClass={cs.LG},',
      '      url={https://arxiv.org/abs/2303.06865},',
      '',
    ].join('\n'),
  );
  const parsed = parseBibtex(bib.text, { sentenceCase: false, unsupported: 'ignore' });
  expect(parsed.errors).toEqual([]);
  expect(parsed.entries.map((e) => e.key)).toEqual(['h12003multielectron', 'sheng2023flexgen', 'perez2024flaws']);
  expect(bib.text).toContain('title={$\\mathtt{F}$Laws: Scaling Laws for Fine-Tuning with \\textbf{Few} Examples}');

  const ris = await download(page, dialog, 'RIS', 'Download .ris');
  expect(ris.name).toBe('Digest - arXiv query - all - electron 2024-01-22.ris');
  const fromRis = parseDigest(ris.text, { format: 'ris' }).entries;
  expect(fromRis.map((e) => [e.arxivId, e.title, e.authors?.[0]])).toEqual([
    ['hep-ex/0307015', 'Multi-Electron Production at High Transverse Momenta in ep Collisions at HERA', 'H1 Collaboration'],
    ['2303.06865', 'FlexGen: High-Throughput Generative Inference of Large Language Models with a Single GPU', 'Ying Sheng'],
    ['2401.12345', 'FLaws: Scaling Laws for Fine-Tuning with Few Examples', 'Ana Sofía Pérez'],
  ]);
  expect(ris.text).toContain('TY  - UNPB\r\n');

  const csl = await download(page, dialog, 'CSL-JSON', 'Download .csl.json');
  expect(csl.name).toBe('Digest - arXiv query - all - electron 2024-01-22.csl.json');
  const items = JSON.parse(csl.text) as { id: string; type: string; DOI: string; number: string }[];
  expect(items.map((i) => [i.id, i.type, i.DOI, i.number])).toEqual([
    ['h12003multielectron', 'article', '10.48550/arXiv.hep-ex/0307015', 'arXiv:hep-ex/0307015'],
    ['sheng2023flexgen', 'article', '10.5555/3618408.3619696', 'arXiv:2303.06865'],
    ['perez2024flaws', 'article', '10.48550/arXiv.2401.12345', 'arXiv:2401.12345'],
  ]);
  expect(parseDigest(csl.text, { format: 'csl-json' }).entries.map((e) => e.arxivId)).toEqual(['hep-ex/0307015', '2303.06865', '2401.12345']);
  expect(errors).toEqual([]);
});

test('an Obsidian export into a chosen folder passes the property-type check; the Export dialog in light and dark', async ({ page }) => {
  const vault = path.join(freshDataDir(), 'Vault');
  const app = await startApp(freshDataDir(), ['--export-dir', vault]);
  try {
    await annotatedList(app);
    const errors = await openApp(page, app);
    await importArxivQuery(page);
    const { items } = await app.call<{ items: Row[] }>('papers.query', { limit: 1000 });
    const flexgenId = items.find((p) => p.title.startsWith('FlexGen'))!.id;
    await app.call('tags.add', { paperIds: [flexgenId], names: ['to cite', '2024', 'C++ & Rust'] });
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.getByRole('radio', { name: 'The whole library' }).check();
    for (const theme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: theme });
      await shoot(page, `export-dialog-formats-${theme}`);
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await dialog.getByRole('button', { name: 'Export into “Vault”' }).click();
    await expect(dialog.getByRole('status', { name: 'Export report' })).toContainText(`into ${vault}: `);

    const files = Object.fromEntries(fs.readdirSync(vault).map((f) => [f, fs.readFileSync(path.join(vault, f), 'utf8')]));
    expect(Object.keys(files).length).toBeGreaterThan(100);
    const { problems, types } = checkProperties(files);
    expect(problems).toEqual([]);
    expect(types).toMatchObject({
      title: 'text',
      aliases: 'list',
      authors: 'list',
      url: 'text',
      published: 'date',
      arxiv: 'text',
      tags: 'list',
      starred: 'checkbox',
      year: 'number',
    });
    const flexgen = frontMatter(Object.values(files).find((t) => t.includes('arxiv: "2303.06865"'))!);
    expect(flexgen).toMatchObject({
      aliases: ['FlexGen: High-Throughput Generative Inference of Large Language Models with a Single GPU'],
      authors: ['Ying Sheng', 'Lianmin Zheng', 'Christopher Ré', 'Ce Zhang'],
      url: 'https://arxiv.org/abs/2303.06865',
      published: '2023-03-13',
      tags: ['to-cite', '_2024', 'C-Rust'],
      tag_names: ['to cite', '2024', 'C++ & Rust'],
    });
    expect(errors).toEqual([]);
  } finally {
    await app.stop();
  }
});
