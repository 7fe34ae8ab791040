import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, freshDataDir, openApp, openBySearch, ROOT, shoot, startApp, test } from './fixtures';

const list = (page: Page) => page.getByRole('listbox', { name: 'Papers' });
const search = (page: Page) => page.getByRole('searchbox', { name: 'Search papers' });
const nav = (page: Page) => page.getByRole('navigation', { name: 'Library' });
const table = (page: Page) => page.getByRole('table');

const FLEXGEN = 'FlexGen: High-Throughput Generative Inference of Large Language Models with a Single GPU';
const LOOKM = 'LOOK-M: Look-Once Optimization in KV Cache for Efficient Multimodal Long-Context Inference';
const DYNASOR = 'Efficiently Serving LLM Reasoning Programs with Certaindex';

/** Drags the column headed `from` by its grip onto the column headed `to`, with the mouse. */
async function dragColumn(page: Page, from: string, to: string) {
  const head = (title: string) => table(page).getByRole('columnheader').filter({ hasText: title });
  const a = (await head(from).locator('.drag-handle').boundingBox())!;
  const b = (await head(to).boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++) await page.mouse.move(a.x + a.width / 2 + (b.x + b.width / 2 - a.x - a.width / 2) * (i / 12), a.y + a.height / 2);
  await page.mouse.up();
}

/** Searches and Ctrl-clicks the first result into the multi-selection. */
async function pickBySearch(page: Page, query: string, title: string) {
  await search(page).fill(query);
  const row = list(page).getByRole('option').first();
  await expect(row).toContainText(title);
  await row.click({ modifiers: ['ControlOrMeta'] });
}

/** Selects `text` inside the abstract of column `column` (0-based) as a reader would, and releases the mouse. */
async function selectInAbstract(page: Page, column: number, text: string) {
  const abstract = table(page).locator('.cmp-abstract').nth(column);
  await abstract.evaluate((el, wanted) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const nodes: Text[] = [];
    while (walker.nextNode()) nodes.push(walker.currentNode as Text);
    const full = nodes.map((n) => n.data).join('');
    const start = full.indexOf(wanted);
    if (start < 0) throw new Error(`“${wanted}” is not in the abstract`);
    const at = (offset: number): [Text, number] => {
      let seen = 0;
      for (const n of nodes) {
        if (offset <= seen + n.data.length) return [n, offset - seen];
        seen += n.data.length;
      }
      throw new Error('offset out of range');
    };
    const range = document.createRange();
    range.setStart(...at(start));
    range.setEnd(...at(start + wanted.length));
    const sel = window.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(range);
  }, text);
  await abstract.dispatchEvent('mouseup');
}

test('compare three papers found by search: claims, an attribute row filled by typing and by quoting, saved, reopened after a restart, exported as Markdown', async ({
  page,
  context,
}) => {
  test.setTimeout(150_000); // two servers, a restart and four screenshots: over a minute on a busy machine
  const dataDir = freshDataDir();
  let app = await startApp(dataDir);
  try {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.url).origin });
    await openApp(page, app);

    // One paper is not a comparison: the action says why.
    await pickBySearch(page, 'FlexGen', FLEXGEN);
    await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Compare' }).click();
    await expect(page.getByRole('alert')).toContainText('Compare 2 to 6 papers at a time: select at least 2 (1 is selected)');
    await page.getByRole('button', { name: 'Dismiss message' }).click();

    await pickBySearch(page, 'LOOK-M KV cache', LOOKM);
    await pickBySearch(page, 'Certaindex', DYNASOR);
    const bar = page.getByRole('toolbar', { name: 'Selection' });
    await expect(bar).toContainText('3 selected');
    await bar.getByRole('button', { name: 'Compare' }).click();

    // The comparison replaces the list and the reader.
    await expect(page.getByRole('heading', { name: 'Untitled comparison' })).toBeVisible();
    await expect(list(page)).toHaveCount(0);
    const heads = table(page).getByRole('columnheader');
    await expect(heads).toHaveCount(4);
    await expect(heads.nth(1)).toContainText(FLEXGEN);
    await expect(heads.nth(2)).toContainText(LOOKM);
    await expect(heads.nth(3)).toContainText(DYNASOR);
    const claims = table(page).getByRole('row', { name: /Key claims/ });
    await expect(claims.getByRole('cell').nth(0).locator('.cmp-figure')).toContainText(['1 token/s', '144']);
    await expect(claims.getByRole('cell').nth(1).locator('.cmp-figure')).toHaveText(['80%', '1.5x']);
    await expect(claims.getByRole('cell').nth(2).locator('.cmp-figure')).toHaveText(['50%', '3.3x', '4.7x']);
    // The shared terms are marked inside the claims too, as in the abstracts.
    await expect(claims.getByRole('cell').nth(1).locator('mark.cmp-term').first()).toBeVisible();
    const sharedRow = (
      await table(page)
        .getByRole('row', { name: /Shared terms/ })
        .innerText()
    ).toLowerCase();
    for (const marked of await claims.locator('mark.cmp-term').allInnerTexts()) expect(sharedRow).toContain(marked.toLowerCase());
    await expect(
      table(page)
        .getByRole('row', { name: /Shared terms/ })
        .getByRole('cell')
        .nth(0),
    ).toContainText('cache');

    // Reorder: Dynasor to the front and back again.
    await page.getByRole('button', { name: /Move “Efficiently Serving.*” left/ }).click();
    await expect(heads.nth(2)).toContainText(DYNASOR);
    await page.getByRole('button', { name: /Move “Efficiently Serving.*” right/ }).click();
    await expect(heads.nth(3)).toContainText(DYNASOR);
    // And by dragging a column's grip onto another column.
    await dragColumn(page, LOOKM, FLEXGEN);
    await expect(heads.nth(1)).toContainText(LOOKM);
    await expect(heads.nth(2)).toContainText(FLEXGEN);
    await dragColumn(page, FLEXGEN, LOOKM);
    await expect(heads.nth(1)).toContainText(FLEXGEN);
    await expect(heads.nth(2)).toContainText(LOOKM);

    // An attribute row, one cell typed, one filled from a span of the abstract.
    await page.getByRole('combobox', { name: 'New attribute row' }).fill('Speed-up');
    await page.keyboard.press('Enter');
    await expect(table(page).getByRole('rowheader', { name: /Speed-up/ })).toBeVisible();
    const flexCell = page.getByRole('textbox', { name: `Speed-up of “${FLEXGEN}”` });
    await flexCell.fill('1 token/s at batch 144 (OPT-175B, one GPU)');
    await flexCell.press('Enter');
    await expect(flexCell).not.toBeFocused();
    await page.getByRole('button', { name: 'Show full' }).click();
    await selectInAbstract(page, 1, 'up to 1.5x faster decoding');
    await page.getByRole('dialog', { name: 'Fill a row with the selection' }).getByRole('button', { name: 'Fill “Speed-up”' }).click();
    const lookCell = page.getByRole('textbox', { name: `Speed-up of “${LOOKM}”` });
    await expect(lookCell).toHaveValue('up to 1.5x faster decoding');
    await expect(table(page).getByText('quoted from the abstract')).toHaveCount(1);
    await expect(table(page).locator('mark.cmp-quoted')).toHaveText('up to 1.5x faster decoding');

    // Save under a name: it is listed in the sidebar.
    await page.getByRole('button', { name: 'Save comparison…' }).click();
    await page.getByRole('textbox', { name: 'Comparison name' }).fill('Inference speed');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Inference speed' })).toBeVisible();
    const saved = nav(page).getByRole('button', { name: /^Inference speed/ });
    await expect(saved).toContainText('3');
    await expect(saved).toHaveAttribute('aria-current', 'page');

    await shoot(page, 'compare-1280-abstracts');
    await page.getByRole('button', { name: 'Collapse' }).click();
    await page.locator('.cmp-scroll').evaluate((el) => el.scrollTo(0, 0));
    await shoot(page, 'compare-1280');
    await page.emulateMedia({ colorScheme: 'dark' });
    await shoot(page, 'compare-1280-dark');
    await page.setViewportSize({ width: 900, height: 800 });
    await shoot(page, 'compare-900-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await shoot(page, 'compare-900');
    await page.setViewportSize({ width: 1280, height: 800 });

    // Restart on the same data: the comparison is still there, cells and quote included.
    await page.getByRole('button', { name: 'Close' }).click();
    await expect(list(page)).toBeVisible();
    await app.stop();
    app = await startApp(dataDir);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.url).origin });
    await page.goto(app.url);
    await nav(page)
      .getByRole('button', { name: /^Inference speed/ })
      .click();
    await expect(page.getByRole('heading', { name: 'Inference speed' })).toBeVisible();
    await expect(page.getByRole('textbox', { name: `Speed-up of “${FLEXGEN}”` })).toHaveValue('1 token/s at batch 144 (OPT-175B, one GPU)');
    await expect(page.getByRole('textbox', { name: `Speed-up of “${LOOKM}”` })).toHaveValue('up to 1.5x faster decoding');
    await expect(table(page).getByText('quoted from the abstract')).toHaveCount(1);

    // Export: the Markdown table is on the clipboard and in the dialog.
    await page.getByRole('button', { name: 'Export Markdown' }).click();
    const dialog = page.getByRole('dialog', { name: 'Markdown table' });
    await expect(dialog.getByRole('status')).toHaveText(/Copied to the clipboard/);
    const markdown = await dialog.getByRole('textbox', { name: 'Markdown' }).inputValue();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(markdown);
    const lines = markdown.trim().split('\n');
    expect(lines[0]).toBe('## Inference speed');
    expect(lines[2]).toBe(`| | ${FLEXGEN} | ${LOOKM} | ${DYNASOR} |`);
    expect(lines[3]).toBe('| --- | --- | --- | --- |');
    expect(lines).toContain('| **Speed-up** | 1 token/s at batch 144 (OPT-175B, one GPU) | up to 1.5x faster decoding |   |');
    const claimsLine = lines.find((l) => l.startsWith('| **Key claims**'))!;
    expect(claimsLine).toContain('**1.5x** faster decoding');
    expect(claimsLine).toContain('**3.3x** higher query rates');
    for (const line of lines.slice(2)) expect(line.split(/(?<!\\)\|/)).toHaveLength(6);
    await shoot(page, 'compare-markdown');
    await dialog.getByRole('button', { name: 'Close' }).click();

    // Delete from the sidebar, then undo.
    await nav(page).getByRole('button', { name: 'Actions for comparison Inference speed' }).click();
    await page.getByRole('menuitem', { name: 'Delete comparison' }).click();
    await expect(nav(page).getByRole('button', { name: /^Inference speed/ })).toHaveCount(0);
    await page.getByRole('status').filter({ hasText: 'Deleted the comparison “Inference speed”' }).getByRole('button', { name: 'Undo' }).click();
    await expect(nav(page).getByRole('button', { name: /^Inference speed/ })).toBeVisible();
    await expect(page.getByRole('textbox', { name: `Speed-up of “${LOOKM}”` })).toHaveValue('up to 1.5x faster decoding');
  } finally {
    await app.stop();
  }
});

test('bad input: more than six papers is explained; a missing paper keeps its cells; long abstracts and many rows stay readable', async ({ page }) => {
  test.setTimeout(150_000);
  const dataDir = freshDataDir();
  let app = await startApp(dataDir);
  try {
    // Seven papers selected with Shift-click: the action explains the limit.
    await openApp(page, app);
    await list(page).getByRole('option').nth(0).click();
    await list(page)
      .getByRole('option')
      .nth(6)
      .click({ modifiers: ['Shift'] });
    const bar = page.getByRole('toolbar', { name: 'Selection' });
    await expect(bar).toContainText('7 selected');
    await bar.getByRole('button', { name: 'Compare' }).click();
    await expect(page.getByRole('alert')).toContainText('Compare 2 to 6 papers at a time: 7 are selected. Remove 1 first.');
    await page.getByRole('button', { name: 'Dismiss message' }).click();

    // A comparison of six, one paper with a very long abstract, one from a digest that will go missing.
    const long = `A Very Long Abstract About Speculative Sampling Without End\n${'We measure speculative sampling across many settings and report a 2.5x speed-up on long prompts. '.repeat(40)}\n`;
    await app.call('digests.import', { name: 'Long one', source: 'paste', text: long });
    await app.call('digests.import', {
      name: 'Second',
      source: 'file',
      text: fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'second-digest.txt'), 'utf8'),
    });
    const all = (await app.call<{ items: { id: string; title: string }[] }>('papers.query', { limit: 1000 })).items;
    const find = (start: string) => all.find((p) => p.title.startsWith(start))!.id;
    const ids = [
      find('FlexGen'),
      find('A Very Long Abstract'),
      find('Graph Tokenizers'),
      find('LOOK-M'),
      find('Efficiently Serving LLM Reasoning'),
      find('FocusLLM'),
    ];
    const { id } = await app.call<{ id: string }>('compare.create', { paperIds: ids, name: 'Stress' });
    const graph = ids[2];
    for (const name of ['Method', 'Dataset', 'Speed-up', 'Hardware', 'Memory', 'Batch size', 'Baselines', 'Code']) {
      const a = await app.call<{ id: string }>('compare.addAttribute', { id, name });
      for (const paperId of ids)
        await app.call('compare.setCell', {
          id,
          paperId,
          attributeId: a.id,
          value: `${name} for this paper: ${'a rather long free-text value '.repeat(name === 'Method' ? 6 : 1)}`,
        });
    }
    await app.stop();
    const digests = path.join(dataDir, 'digests');
    const second = fs.readdirSync(digests).find((f) => JSON.parse(fs.readFileSync(path.join(digests, f), 'utf8')).digest.name === 'Second')!;
    fs.rmSync(path.join(digests, second));
    app = await startApp(dataDir);
    await page.goto(app.url);
    await nav(page)
      .getByRole('button', { name: /^Stress/ })
      .click();

    await expect(table(page).getByRole('columnheader')).toHaveCount(7);
    const missing = table(page).getByRole('columnheader').nth(3);
    await expect(missing).toContainText('Missing');
    await expect(missing).toContainText('Graph Tokenizers for Molecular Property Prediction');
    await expect(page.getByRole('textbox', { name: 'Method of “Graph Tokenizers for Molecular Property Prediction”' })).toHaveValue(/^Method for this paper/);
    expect(
      await app
        .call<{ columns: { paperId: string; missing: boolean }[] }>('compare.get', { id })
        .then((m) => m.columns.find((c) => c.paperId === graph)!.missing),
    ).toBe(true);
    await page.getByRole('button', { name: 'Show full' }).click();

    // The page never scrolls sideways; the table does, with the row labels fixed at the left.
    for (const width of [1280, 900]) {
      await page.setViewportSize({ width, height: 800 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      const scroller = page.locator('.cmp-scroll');
      const label = table(page).getByRole('rowheader', { name: /Key claims/ });
      const before = (await label.boundingBox())!.x;
      await scroller.evaluate((el) => (el.scrollLeft = 600));
      expect((await label.boundingBox())!.x).toBe(before);
      await shoot(page, `compare-stress-${width}-scrolled`);
      await scroller.evaluate((el) => el.scrollTo(0, 0));
      await shoot(page, `compare-stress-${width}`);
      await page.emulateMedia({ colorScheme: 'dark' });
      await shoot(page, `compare-stress-${width}-dark`);
      await page.emulateMedia({ colorScheme: 'light' });
    }
  } finally {
    await app.stop();
  }
});

test('Compare with… from the reader, then add a paper from inside the comparison; light and dark are accessible', async ({ page, app }) => {
  test.setTimeout(150_000); // axe runs twice over the whole comparison: over a minute on a busy machine
  await openApp(page, app);
  await openBySearch(page, 'FlexGen', /^FlexGen/);
  await page.getByRole('region', { name: 'Reader' }).getByRole('button', { name: 'Compare with…' }).click();
  const picker = page.getByRole('dialog', { name: 'Compare with' });
  await picker.getByRole('searchbox', { name: 'Find papers' }).fill('LOOK-M KV cache');
  // The rows move as the search lands: pick once they answer what was typed.
  await expect(picker.getByRole('list', { name: 'Papers to pick' })).toHaveAttribute('aria-busy', 'false');
  await picker.getByRole('checkbox', { name: LOOKM }).check();
  await picker.getByRole('button', { name: 'Compare 2 papers' }).click();
  await expect(page.getByRole('heading', { name: 'Untitled comparison' })).toBeVisible();
  await expect(table(page).getByRole('columnheader')).toHaveCount(3);

  await page.getByRole('button', { name: 'Add paper…' }).click();
  const add = page.getByRole('dialog', { name: 'Add papers to the comparison' });
  await add.getByRole('searchbox', { name: 'Find papers' }).fill('FlexGen');
  await expect(add.getByRole('checkbox', { name: FLEXGEN })).toBeDisabled();
  await add.getByRole('searchbox', { name: 'Find papers' }).fill('Certaindex');
  await expect(add.getByRole('list', { name: 'Papers to pick' })).toHaveAttribute('aria-busy', 'false');
  await add.getByRole('checkbox', { name: DYNASOR }).check();
  await add.getByRole('button', { name: 'Add 1 paper' }).click();
  await expect(table(page).getByRole('columnheader')).toHaveCount(4);
  await expect(table(page).getByRole('columnheader').nth(3)).toContainText(DYNASOR);

  // Removing a column can be undone, cells and all.
  await page.getByRole('button', { name: /Remove “LOOK-M.*” from the comparison/ }).click();
  await expect(table(page).getByRole('columnheader')).toHaveCount(3);
  await page.getByRole('status').filter({ hasText: 'Removed “LOOK-M' }).getByRole('button', { name: 'Undo' }).click();
  await expect(table(page).getByRole('columnheader').nth(2)).toContainText(LOOKM);

  await expectAccessible(page, 'comparison (light)', '.comparison'); // the sidebar has its own checks
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(page, 'comparison (dark)', '.comparison');
});
