import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect, freshDataDir, openApp, openBySearch, pageSettled, ROOT, shoot, startApp, test } from './fixtures';

const SECOND = path.join(ROOT, 'test', 'fixtures', 'second-digest.txt');
const list = (page: import('@playwright/test').Page) => page.getByRole('listbox', { name: 'Papers' });

test('first run shows the 119 papers of the sample digest', async ({ page, app }) => {
  await openApp(page, app);
  await expect(page.getByRole('status').filter({ hasText: '119 papers' })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Library' });
  await expect(nav.getByRole('button', { name: /All papers/ })).toContainText('119');
  await expect(nav.getByRole('button', { name: /Trending papers \(sample\)/ })).toContainText('119');
  await expect(list(page).getByRole('option').first()).toContainText('Towards Concise and Adaptive Thinking');
  await expect(list(page)).not.toContainText('Subscribe');
  await list(page).getByRole('option').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Towards Concise and Adaptive Thinking in Large Reasoning Models: A Survey');
  await expect(page.getByRole('list', { name: 'Appeared in' })).toContainText('Trending papers (sample) · paper 1');
  await shoot(page, 'library-reader');
  await page.emulateMedia({ colorScheme: 'dark' });
  await shoot(page, 'library-reader-dark');
});

test('j and k step through the list; the reader follows', async ({ page, app }) => {
  await openApp(page, app);
  await page.keyboard.press('j');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Towards Concise');
  await page.keyboard.press('j');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Efficient Multi-Agent System Training');
  await page.keyboard.press('k');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Towards Concise');
  await expect(list(page).getByRole('option', { selected: true })).toContainText('Towards Concise');
  // The next paper opens at its title, wherever the last one was scrolled to.
  const reader = page.getByRole('region', { name: 'Reader' });
  const scrolled = () => reader.evaluate((e) => e.scrollTop);
  await reader.evaluate((e) => (e.scrollTop = 400));
  expect(await scrolled()).toBeGreaterThan(100);
  await page.keyboard.press('j');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Efficient Multi-Agent System Training');
  await expect.poll(scrolled).toBe(0);
});

test('search as you type ranks a title match first and highlights the terms', async ({ page, app }) => {
  await openApp(page, app);
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Search papers' })).toBeFocused();
  await page.keyboard.type('speculative decoding', { delay: 20 });
  const first = list(page).getByRole('option').first();
  await expect(first.locator('.row-title')).toContainText(/speculative decoding/i);
  await expect(first.locator('.row-title mark')).toHaveText(['Speculative', 'Decoding']);
  await expect(page.getByRole('status').filter({ hasText: /results/ })).toBeVisible();
  await first.click();
  await expect(page.getByRole('heading', { level: 1 }).locator('mark')).toHaveCount(2);
  await shoot(page, 'search-results');
  await page.getByRole('searchbox', { name: 'Search papers' }).fill('xylophonic zebras');
  await expect(page.getByRole('heading', { name: 'No papers match “xylophonic zebras”' })).toBeVisible();
  await expect(page.getByText('No title, abstract, tag or note contains these words')).toBeVisible();
  await shoot(page, 'search-empty');
  await page.getByRole('button', { name: 'Clear search' }).click();
  await expect(page.getByRole('status').filter({ hasText: '119 papers' })).toBeVisible();
});

test('rows never overlap when a search changes the list', async ({ page, app }) => {
  await openApp(page, app);
  // Rows are of different heights; the list is virtualised and must not keep one row's height for another.
  const overlaps = () =>
    list(page)
      .getByRole('option')
      .evaluateAll((rows) => {
        const boxes = rows
          .map((r) => ({ top: r.getBoundingClientRect().top, bottom: r.getBoundingClientRect().bottom, title: r.querySelector('.row-title')?.textContent }))
          .sort((a, b) => a.top - b.top);
        return boxes.slice(1).flatMap((b, i) => (b.top < boxes[i].bottom - 1 ? [`${b.title} overlaps ${boxes[i].title}`] : []));
      });
  for (const [q, status] of [
    ['speculative decoding', /results/],
    ['', /119 papers/],
    ['inference', /results/],
    ['speculative', /results/],
    ['speculative decoding', /results/],
  ] as const) {
    await page.getByRole('searchbox', { name: 'Search papers' }).fill(q);
    await expect(page.getByRole('status').filter({ hasText: status })).toBeVisible();
    await expect.poll(overlaps, { message: `after searching “${q}”` }).toEqual([]);
  }
});

test('the list asks for a page of rows at a time and fetches the next as it scrolls, to the last paper', async ({ page, app }) => {
  const offsets: number[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/api/call/papers.query')) offsets.push((JSON.parse(r.postData() ?? '{}') as { offset?: number }).offset ?? 0);
  });
  await openApp(page, app);
  // A search typed key by key asks for its first page only: the next is not fetched until scrolled to.
  await page.getByRole('searchbox', { name: 'Search papers' }).pressSequentially('inference', { delay: 20 });
  await expect(page.getByRole('status').filter({ hasText: /\d+ results/ })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search papers' }).fill('');
  await expect(page.getByRole('status').filter({ hasText: '119 papers' })).toBeVisible();
  // Keys typed fast may share a request, so only "more than the opening list and the clearing" is sure.
  expect(offsets.length).toBeGreaterThan(2);
  expect(offsets.filter((o) => o > 0)).toEqual([]);
  // Scrolled down, page after page comes, up to the sample's last paper.
  const scroller = page.locator('.list-scroll');
  await expect
    .poll(async () => {
      await scroller.evaluate((e) => (e.scrollTop = e.scrollHeight));
      return list(page).getByRole('option').last().textContent();
    })
    .toContain('CAM++: A Fast and Efficient Network for Speaker Verification');
  const more = offsets.filter((o) => o > 0);
  expect(more.length).toBeGreaterThan(1);
  expect(more).toEqual(more.toSorted((a, b) => a - b));
});

test('a Hugging Face file downloaded again, only its upvotes grown: already imported, nothing new, the upvotes updated', async ({ page, app }) => {
  const file = path.join(ROOT, 'test', 'fixtures', 'formats', 'hf-daily-papers.json');
  const items = JSON.parse(fs.readFileSync(file, 'utf8')) as { paper: { title: string; upvotes: number } }[];
  await openApp(page, app);
  await page.getByRole('button', { name: 'Import digest…' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Import a digest' });
  await dialog.getByLabel('Digest files').setInputFiles(file);
  const report = dialog.getByRole('status', { name: 'Import report' });
  await expect(report).toContainText('Imported “Hugging Face daily papers');
  items[0].paper.upvotes += 100;
  const later = Buffer.from(JSON.stringify(items.reverse()));
  await dialog.getByLabel('Digest files').setInputFiles({ name: 'daily_papers (1).json', mimeType: 'application/json', buffer: later });
  await expect(report).toContainText('Already imported: nothing new.');
  await expect(report).toContainText('one paper updated (upvotes and other facts)');
  await shoot(page, 'import-nothing-new-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await shoot(page, 'import-nothing-new-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await dialog.getByRole('button', { name: 'Close' }).click();
  const digests = page.getByRole('navigation', { name: 'Library' }).getByRole('list', { name: 'Digests' }).getByRole('button');
  await expect(digests.filter({ hasText: 'Hugging Face daily papers' })).toHaveCount(1);
  await openBySearch(page, items.at(-1)!.paper.title.split(':')[0], new RegExp(`^${items.at(-1)!.paper.title.split(':')[0]}`));
  await expect(page.getByRole('region', { name: 'Reader' })).toContainText(`▲ ${items.at(-1)!.paper.upvotes} on Hugging Face`);
});

test('import through the file chooser, re-import adds nothing, paste works', async ({ page, app }) => {
  await openApp(page, app);
  await page.getByRole('button', { name: 'Import digest…' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Import a digest' });
  await dialog.getByLabel('Digest files').setInputFiles(SECOND);
  const report = dialog.getByRole('status', { name: 'Import report' });
  await expect(report).toContainText(`Imported “second-digest ${fs.statSync(SECOND).mtime.toISOString().slice(0, 10)}”`);
  await expect(report).toContainText('3 papers added');
  await expect(report).toContainText('2 already in your library');
  await shoot(page, 'import-report');
  await dialog.getByLabel('Digest files').setInputFiles(SECOND);
  await expect(report).toContainText('Already imported');
  await expect(report).toContainText('0 papers added');

  await dialog.getByRole('tab', { name: 'Paste text' }).click();
  await dialog.getByLabel('Name').fill('Pasted one');
  await dialog
    .getByLabel('Digest text')
    .fill(
      'A Pasted Paper About Tensor Sketches\nWe show that tensor sketches compress gradients for distributed training by 8x with no loss in accuracy on three benchmarks and two model families.\nA Title Without Its Abstract',
    );
  await dialog.getByRole('button', { name: 'Import pasted text' }).click();
  await expect(report).toContainText('Imported “Pasted one”');
  await expect(report).toContainText('1 paper added');
  await expect(report).toContainText('Line 3: a title with no abstract after it');
  await shoot(page, 'import-paste-report');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /All papers/ })).toContainText('123');
  // The view switched to the new digest.
  await expect(list(page).getByRole('option')).toHaveCount(1);
});

test('bad input gets a clear message and changes nothing', async ({ page, app }) => {
  await openApp(page, app);
  await page.getByRole('button', { name: 'Import digest…' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Import a digest' });
  const input = dialog.getByLabel('Digest files');
  const alert = dialog.getByRole('alert');
  await input.setInputFiles({ name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.from('') });
  await expect(alert).toContainText('The digest is empty');
  await input.setInputFiles({ name: 'image.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3, 0]) });
  await expect(alert).toContainText('binary file');
  await input.setInputFiles({ name: 'papers.json', mimeType: 'application/json', buffer: Buffer.from('[{"title": "x", "abstract": "y"}]') });
  await expect(alert).toContainText('It looks like JSON');
  await input.setInputFiles({ name: 'papers.csv', mimeType: 'text/csv', buffer: Buffer.from('title,abstract,year\nA,B,2024\n') });
  await expect(alert).toContainText('It looks like a table (CSV)');
  const huge = path.join(freshDataDir(), 'huge.txt');
  fs.writeFileSync(huge, Buffer.alloc(50 * 1024 * 1024, 'a'));
  await input.setInputFiles(huge);
  await expect(alert).toContainText('is 50.0 MB; digests up to 32 MB');
  await shoot(page, 'import-error');
  expect(await app.call<{ paperCount: number; digests: unknown[] }>('digests.list')).toMatchObject({ paperCount: 119, digests: [expect.anything()] });
});

test('markup in a digest is shown as text and runs nothing', async ({ page, app }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await app.call('digests.import', {
    name: 'Hostile <b>digest</b>',
    source: 'paste',
    text: '<script>alert(1)</script> Title <img src=x onerror=alert(2)>\nAn abstract with <img src=x onerror="alert(3)"> and a <a href="javascript:alert(4)">link</a> and <iframe src="javascript:alert(5)"></iframe> inside it, long enough to be an abstract.\n',
  });
  await openApp(page, app);
  await openBySearch(page, 'abstract iframe', /^<script>alert\(1\)/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('<script>alert(1)</script> Title <img src=x onerror=alert(2)>');
  await expect(page.locator('.abstract')).toContainText('<a href="javascript:alert(4)">link</a>');
  await expect(page.locator('main img, main script, main iframe, main a[href^="javascript"]')).toHaveCount(0);
  await pageSettled(page); // had anything run, its dialog would be open by now
  expect(dialogs).toEqual([]);
});

test('restart: the data and the index are still there, and the index is loaded, not rebuilt', async ({ page }) => {
  const dataDir = freshDataDir();
  let app = await startApp(dataDir);
  await app.call('digests.import', { name: 'Second', text: fs.readFileSync(SECOND, 'utf8'), source: 'file' });
  await app.stop();
  app = await startApp(dataDir);
  try {
    // The list is served at once; the index opens beside it ('loading'), from its snapshot.
    const status = () => app.call<{ paperCount: number; index: { source: string; size: number } }>('app.status');
    await expect.poll(async () => (await status()).index.source).not.toBe('loading');
    expect(await status()).toMatchObject({ paperCount: 122, index: { source: 'loaded', size: 122 } });
    await openApp(page, app);
    await expect(page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /Second/ })).toContainText('5');
    await page.getByRole('searchbox', { name: 'Search papers' }).fill('graph tokenizer');
    await expect(list(page).getByRole('option').first()).toContainText('Graph Tokenizers for Molecular Property Prediction');
  } finally {
    await app.stop();
  }
});

test('a corrupt store file is set aside, the newest backup restored, and the reader is told', async ({ page }) => {
  const dataDir = freshDataDir();
  let app = await startApp(dataDir);
  const [first] = (await app.call<{ items: { id: string }[] }>('papers.query', { limit: 1 })).items;
  await app.call('notes.save', { paperId: first.id, text: 'A note that outlives a damaged file.' });
  await app.stop(); // a clean stop takes the day's backup, as the library now holds a note
  fs.writeFileSync(path.join(dataDir, 'userdata.json'), '{"schemaVersion": 1, "settings": {"sampleImp');
  app = await startApp(dataDir);
  try {
    await openApp(page, app);
    const alert = page.getByRole('alert').filter({ hasText: 'Your data file (userdata.json) was damaged' });
    await expect(alert).toContainText('restored from the backup');
    await expect(alert).toContainText('1 note');
    expect(fs.readdirSync(dataDir).some((f) => f.startsWith('userdata.json.corrupt-'))).toBe(true);
    expect(await app.call('notes.get', { paperId: first.id })).toMatchObject({ text: 'A note that outlives a damaged file.' });
    await expect(page.getByRole('status').filter({ hasText: '119 papers' })).toBeVisible();
    await shoot(page, 'corrupt-store-warning');
  } finally {
    await app.stop();
  }
});

test('a page without the token is told how to connect', async ({ page, app }) => {
  await page.goto(app.url.replace(/#.*/, ''));
  await expect(page.getByRole('alert')).toContainText('Open the link that `npm start` printed');
});

test('a second server on the same library is refused', async ({ app }) => {
  await expect(startApp(app.dataDir)).rejects.toThrow(/already using the library/);
});
