import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, openApp, openBySearch, ROOT, shoot, test } from './fixtures';

const FORMATS = path.join(ROOT, 'test', 'fixtures', 'formats');
const FILES = [
  'hf-daily-papers.json',
  'arxiv-rss-cs.CL.xml',
  'arxiv-api-query.xml',
  'arxiv-email-cs.txt',
  'references.bib',
  'references.ris',
  'references.csl.json',
];
const list = (page: Page) => page.getByRole('listbox', { name: 'Papers' });
const reader = (page: Page) => page.getByRole('region', { name: 'Reader' });
const importDialog = (page: Page) => page.getByRole('dialog', { name: 'Import a digest' });
const showAllPapers = (page: Page) =>
  page
    .getByRole('navigation', { name: 'Library' })
    .getByRole('button', { name: /^All papers/ })
    .click();

/** Drops files on the window as a person would from a file manager. */
async function dropFiles(page: Page, names: string[]) {
  const files = names.map((name) => ({ name, data: fs.readFileSync(path.join(FORMATS, name), 'base64') }));
  const transfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([Uint8Array.from(atob(f.data), (c) => c.charCodeAt(0))], f.name));
    return dt;
  }, files);
  for (const type of ['dragenter', 'dragover', 'drop']) await page.dispatchEvent('.app', type, { dataTransfer: transfer });
}

test('every format through the file chooser at once, one report each; the sample and a Hugging Face file merge', async ({ page, app }) => {
  test.setTimeout(120_000);
  await openApp(page, app);
  await page.getByRole('button', { name: 'Import digest…' }).first().click();
  await importDialog(page)
    .getByLabel('Digest files')
    .setInputFiles(FILES.map((f) => path.join(FORMATS, f)));
  for (const name of FILES) await expect(importDialog(page).getByRole('status', { name: `Import report: ${name}` })).toBeVisible();
  const hf = importDialog(page).getByRole('status', { name: 'Import report: hf-daily-papers.json' });
  await expect(hf).toContainText(/Imported “Hugging Face daily papers \d{4}-\d\d-\d\d”/);
  await expect(hf).toContainText('Read as Hugging Face papers (JSON)');
  await expect(hf).toContainText('5 already in your library'); // the sample's papers, now with their ids
  await expect(importDialog(page).getByRole('status', { name: 'Import report: arxiv-rss-cs.CL.xml' })).toContainText('1 updated to a newer version');
  await expect(importDialog(page).getByRole('alert')).toHaveCount(0);
  await shoot(page, 'import-many-reports');
  await importDialog(page).getByRole('button', { name: 'Close' }).click();

  // A paper of the sample now has its authors, ids and links.
  await showAllPapers(page);
  await openBySearch(page, 'FlexGen high-throughput', /^FlexGen/);
  const byline = reader(page).getByLabel('Authors');
  await expect(byline.getByRole('button').first()).toBeVisible();
  const links = reader(page).getByRole('navigation', { name: 'Open the paper' });
  await expect(links.getByRole('link', { name: /^arXiv/ })).toHaveAttribute('href', 'https://arxiv.org/abs/2303.06865');
  await expect(links.getByRole('link', { name: /^PDF/ })).toHaveAttribute('href', /^https:\/\/arxiv\.org\/pdf\/2303\.06865/);
  await expect(links.getByRole('link', { name: /^Hugging Face/ })).toHaveAttribute('href', 'https://huggingface.co/papers/2303.06865');
  for (const link of await links.getByRole('link').all()) await expect(link).toHaveAttribute('rel', /noopener/);
  // Provenance keeps every source it came from: the sample, the Hugging Face file, the API answer, the references.
  const appeared = reader(page).getByRole('list', { name: 'Appeared in' });
  await expect(appeared).toContainText('Trending papers (sample)');
  await expect(appeared).toContainText('Hugging Face daily papers');

  // An author opens all their papers.
  const author = (await byline.getByRole('button').first().textContent())!;
  await byline.getByRole('button', { name: author }).click();
  await expect(page.getByRole('list', { name: 'Filters' })).toContainText(`By ${author}`);
  await expect(list(page).getByRole('option', { name: /^FlexGen/ })).toBeVisible();
  await page.getByRole('button', { name: `Remove filter: By ${author}` }).click();
  await expect(page.getByRole('list', { name: 'Filters' })).toHaveCount(0);

  // A title is found by the word it shows (S$^4$C as S4C), and maths shows as maths in the abstract too.
  await openBySearch(page, 'S4C', /^S4C: Speculative Sampling.*Tao Ge/);
  const abstract = reader(page).locator('.abstract');
  await expect(abstract.locator('.math').filter({ hasText: '2.26×' })).toBeVisible();
  await expect(abstract).not.toContainText('\\times');
  // A selection that starts inside a formula takes it whole: the highlight is "2.26× speed-up".
  await abstract.evaluate((root) => {
    const math = root.querySelector('.math')!;
    const text = math.nextSibling!; // " speed-up over …", beside the formula in the same piece
    const range = document.createRange();
    range.setStart(math.firstChild!, 1);
    range.setEnd(text, text.textContent!.indexOf('speed-up') + 'speed-up'.length);
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(range);
    root.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
  });
  await page.getByRole('button', { name: 'Highlight yellow' }).click();
  await expect(abstract.locator('mark.hl-yellow')).toHaveText('2.26× speed-up');
  await expect(abstract.locator('mark.hl-yellow .math')).toHaveText('2.26×');
  await expect(
    reader(page)
      .getByRole('region', { name: /Highlights/ })
      .locator('blockquote'),
  ).toHaveText('2.26× speed-up');
  await shoot(page, 'reader-maths');

  // Three papers of one title compared: each column says who, when and which, where a source said.
  const rows = list(page).getByRole('option');
  await rows.nth(2).click(); // the sample's S4C (no identity), then the two others beside it
  await rows.nth(0).click({ modifiers: ['ControlOrMeta'] });
  await rows.nth(1).click({ modifiers: ['ControlOrMeta'] });
  await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Compare' }).click();
  const heads = page.getByRole('table').getByRole('columnheader');
  await expect(heads.filter({ hasText: 'Ge et al. · 2024 · arXiv:2401.10774' })).toBeVisible();
  await expect(heads.filter({ hasText: /Wang and Chen · 2024 · arXiv:\d{4}\.\d{5}/ })).toBeVisible();
  await shoot(page, 'compare-bylines');
});

test('files dropped on the window are imported together; a paper without ids offers searches elsewhere', async ({ page, app }) => {
  await openApp(page, app);
  await dropFiles(page, ['arxiv-api-query.xml', 'references.ris']);
  await expect(importDialog(page).getByRole('status', { name: 'Import report: arxiv-api-query.xml' })).toContainText('Read as an arXiv API answer');
  await expect(importDialog(page).getByRole('status', { name: 'Import report: references.ris' })).toContainText('Read as RIS');
  await importDialog(page).getByRole('button', { name: 'Close' }).click();

  await showAllPapers(page);
  await openBySearch(page, 'Towards Concise and Adaptive Thinking', /^Towards Concise and Adaptive Thinking/);
  const find = reader(page).getByRole('navigation', { name: 'Find the paper' });
  await expect(find.getByRole('link', { name: /^Semantic Scholar/ })).toHaveAttribute(
    'href',
    /^https:\/\/www\.semanticscholar\.org\/search\?q=Towards%20Concise/,
  );
});

test("Google Scholar's BibTeX, which has no abstracts, adds its papers; the reader says none came and leads to the paper", async ({ page, app }) => {
  const scholar = `@inproceedings{vaswani2017attention,
  title={Attention is all you need},
  author={Vaswani, Ashish and Shazeer, Noam and Parmar, Niki},
  booktitle={Advances in Neural Information Processing Systems},
  pages={5998--6008},
  year={2017}
}

@article{hochreiter1997long,
  title={Long short-term memory},
  author={Hochreiter, Sepp and Schmidhuber, J{\\"u}rgen},
  journal={Neural computation},
  volume={9},
  number={8},
  pages={1735--1780},
  year={1997}
}
`;
  await openApp(page, app);
  await page.getByRole('button', { name: 'Import digest…' }).first().click();
  await importDialog(page)
    .getByLabel('Digest files')
    .setInputFiles({ name: 'scholar.bib', mimeType: 'text/x-bibtex', buffer: Buffer.from(scholar) });
  const report = importDialog(page).getByRole('status', { name: 'Import report' });
  await expect(report).toContainText('2 papers added');
  await expect(report).toContainText('2 without an abstract');
  await shoot(page, 'import-no-abstract-light');
  await importDialog(page).getByRole('button', { name: 'Close' }).click();
  await showAllPapers(page);
  await openBySearch(page, 'long short-term memory', /^Long short-term memory/);
  await expect(reader(page).getByLabel('Authors')).toContainText('Jürgen Schmidhuber');
  await expect(reader(page)).toContainText('Neural computation, 9, 1735–1780');
  await expect(reader(page)).toContainText('Published 1997'); // a year, not "Jan 1, 1997"
  await expect(reader(page).locator('.abstract-missing')).toHaveText('No abstract came with this paper. The links above search for it.'); // it has no id or link
  const find = reader(page).getByRole('navigation', { name: 'Find the paper' });
  await expect(find.getByRole('link', { name: /^arXiv/ })).toHaveAttribute('href', /^https:\/\/arxiv\.org\/.*Long%20short-term%20memory/);
  await shoot(page, 'reader-no-abstract-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await shoot(page, 'reader-no-abstract-dark');
  await expectAccessible(page, 'a paper without an abstract (dark)');
  // After a restart of the page the papers are still there, from the library on disk.
  await page.reload();
  // The page comes back as it was (the search and the open paper) before a new search is typed.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Long short-term memory');
  await expect(page.getByRole('searchbox', { name: 'Search papers' })).toHaveValue('long short-term memory');
  await openBySearch(page, 'attention is all you need', /^Attention is all you need/);
  await expect(reader(page).locator('.abstract-missing')).toBeVisible();
  // Compared side by side, each column says the same.
  await page.getByRole('searchbox', { name: 'Search papers' }).fill('');
  await page
    .getByRole('navigation', { name: 'Library' })
    .getByRole('button', { name: /^scholar \d{4}-\d\d-\d\d/ })
    .click();
  const rows = list(page).getByRole('option');
  await expect(rows).toHaveCount(2);
  // Triage says it too.
  await page.getByRole('button', { name: 'Triage unread' }).click();
  const triage = page.getByRole('region', { name: 'Triage' });
  await expect(triage.locator('.abstract-missing')).toHaveText('No abstract came with this paper.');
  await shoot(page, 'triage-no-abstract-dark');
  await page.keyboard.press('Escape');
  await expect(triage).toHaveCount(0);
  await rows.nth(0).click();
  await rows.nth(1).click({ modifiers: ['ControlOrMeta'] });
  await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Compare' }).click();
  await expect(page.getByRole('table').locator('.abstract-missing')).toHaveCount(2);
  await expect(page.getByRole('table').getByText('No abstract.', { exact: true })).toHaveCount(2); // no claims to find
  await shoot(page, 'compare-no-abstract-dark');
});

for (const theme of ['light', 'dark'] as const) {
  test(`a paper's identity, filters by category and year, and the newest published first (${theme})`, async ({ page, app }) => {
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme: theme });
    await app.call('digests.import', { fileName: 'q.xml', text: fs.readFileSync(path.join(FORMATS, 'arxiv-api-query.xml'), 'utf8'), source: 'file' });
    await app.call('digests.import', { fileName: 'cs.CL.xml', text: fs.readFileSync(path.join(FORMATS, 'arxiv-rss-cs.CL.xml'), 'utf8'), source: 'file' });
    await openApp(page, app);
    await page.getByRole('combobox', { name: 'Sort by' }).selectOption('published');
    await page.getByRole('combobox', { name: 'Category' }).selectOption('cs.CL');
    await expect(page.getByRole('list', { name: 'Filters' })).toContainText('In cs.CL');
    const rows = list(page).getByRole('option');
    await expect(rows.first()).toBeVisible();
    const count = await rows.count();
    expect(count).toBeGreaterThan(0);
    await rows.first().click();
    await expect(reader(page).getByRole('list', { name: 'Categories' }).getByRole('button', { name: 'cs.CL' })).toBeVisible();
    await shoot(page, `identity-reader-${theme}`);
    await expectAccessible(page, `identity reader (${theme})`);
    // A year that has none of these papers empties the list, and says so.
    await page.getByRole('combobox', { name: 'Year' }).selectOption({ index: 1 });
    await expect(page.getByRole('list', { name: 'Filters' })).toContainText(/From \d{4}/);
  });
}
