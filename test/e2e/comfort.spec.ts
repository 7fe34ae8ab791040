import type { Page } from '@playwright/test';
import { expect, expectAccessible, freshDataDir, openApp, openBySearch, shoot, startApp, test } from './fixtures';

const list = (page: Page) => page.getByRole('listbox', { name: 'Papers' });
const nav = (page: Page) => page.getByRole('navigation', { name: 'Library' });
const reader = (page: Page) => page.getByRole('region', { name: 'Reader' });

test('theme and reading text size are switched live and kept across a restart', async ({ page }) => {
  const dataDir = freshDataDir();
  let app = await startApp(dataDir);
  await openApp(page, app);
  await list(page).getByRole('option').first().click();
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-theme', 'light');
  await page.keyboard.press('Control+,');
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByRole('radio', { name: 'Dark' }).check();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await settings.getByRole('radio', { name: 'Sans-serif' }).check();
  await settings.getByRole('button', { name: 'Close' }).click();
  const size = () => page.locator('p.abstract').evaluate((el) => getComputedStyle(el).fontSize);
  expect(await size()).toBe('18px');
  await page.keyboard.press('Control+=');
  await page.keyboard.press('Control+=');
  await expect.poll(size).toBe('20px');
  await shoot(page, 'reader-dark-large');
  // The session (the open paper) is saved a moment after it changes: wait until the core has it.
  await expect.poll(async () => ((await app.call('session.get')) as { selectedId: string | null } | null)?.selectedId).toEqual(expect.any(String));
  await app.stop();
  app = await startApp(dataDir);
  try {
    await openApp(page, app);
    await expect(html).toHaveAttribute('data-theme', 'dark');
    // Where the reader was: the same paper is open again.
    await expect(reader(page).getByRole('heading', { level: 1 })).toContainText('Towards Concise');
    await expect.poll(size).toBe('20px');
    expect(await page.locator('p.abstract').evaluate((el) => getComputedStyle(el).fontFamily)).toMatch(/^system-ui/);
    await page.keyboard.press('Control+0');
    await expect.poll(size).toBe('18px');
  } finally {
    await app.stop();
  }
});

test('the app restores the last view, search and paper', async ({ page }) => {
  const dataDir = freshDataDir();
  let app = await startApp(dataDir);
  await openApp(page, app);
  await nav(page)
    .getByRole('button', { name: /Trending papers/ })
    .click();
  await page.getByRole('searchbox', { name: 'Search papers' }).fill('kv cache');
  await expect(page.getByRole('status').filter({ hasText: /results/ })).toBeVisible();
  const row = list(page).getByRole('option').nth(1);
  const title = await row.locator('.row-title').innerText();
  await row.click();
  await expect(reader(page).getByRole('heading', { level: 1 })).toHaveText(title);
  // The session is saved a moment after it changes: wait until the core has it.
  await expect
    .poll(async () => (await app.call('session.get')) as { query: string; selectedId: string | null } | null)
    .toMatchObject({ query: 'kv cache', selectedId: expect.any(String) });
  await app.stop();
  app = await startApp(dataDir);
  try {
    await openApp(page, app);
    await expect(page.getByRole('searchbox', { name: 'Search papers' })).toHaveValue('kv cache');
    await expect(nav(page).getByRole('button', { name: /Trending papers/ })).toHaveAttribute('aria-current', 'page');
    await expect(reader(page).getByRole('heading', { level: 1 })).toHaveText(title);
  } finally {
    await app.stop();
  }
});

test('keyboard only: palette, search, open, tag, add to list, cheat sheet', async ({ page, app }) => {
  await openApp(page, app);
  await page.keyboard.press('/');
  await page.keyboard.type('speculative decoding');
  await page.keyboard.press('Enter'); // opens the first result and moves to the list
  await expect(reader(page).getByRole('heading', { level: 1 })).toContainText(/speculative/i);
  await page.keyboard.press('o');
  await expect(reader(page).getByRole('heading', { level: 1 })).toBeFocused();
  await page.keyboard.press('t');
  await expect(reader(page).getByRole('combobox', { name: 'Add tag' })).toBeFocused();
  await page.keyboard.type('decoding');
  await page.keyboard.press('Enter');
  await expect(reader(page).getByRole('list', { name: 'Tags' })).toContainText('decoding');
  await page.keyboard.press('Escape');
  await page.keyboard.press('s');
  await expect(reader(page).getByRole('button', { name: 'Star', exact: true })).toHaveAttribute('aria-pressed', 'true');
  // The palette lists every action; run "Add this paper to “Read later”".
  await page.keyboard.press('Control+k');
  await page.keyboard.type('add this paper to');
  await expect(page.getByRole('dialog', { name: 'Command palette' }).getByRole('option', { selected: true })).toContainText('Add this paper to “Read later”');
  await page.keyboard.press('Enter');
  await expect(nav(page).getByRole('button', { name: /^Read later/ })).toContainText('1');
  await page.keyboard.press('Control+k');
  await page.keyboard.type('toggle theme');
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light'); // system → light (explicit)
  // A word matches only the actions that say it, and the palette goes to every view.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('theme');
  await expect(page.getByRole('dialog', { name: 'Command palette' }).getByRole('option')).toHaveCount(1);
  await page.keyboard.press('Control+a');
  await page.keyboard.type('trends');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Trends', level: 1 })).toBeVisible();
  await nav(page)
    .getByRole('button', { name: /^All papers/ })
    .click();
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText('Next paper');
  await shoot(page, 'shortcuts');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden();
  // Shortcuts never fire while typing.
  await page.keyboard.press('/');
  await page.keyboard.type('jk');
  await expect(page.getByRole('searchbox', { name: 'Search papers' })).toHaveValue('speculative decodingjk');
});

test('related papers of Dovetail include another speculative-decoding paper', async ({ page, app }) => {
  await openApp(page, app);
  await openBySearch(page, 'Dovetail', /^Dovetail/);
  const related = reader(page).getByRole('region', { name: 'Related papers' });
  await expect(related.getByRole('button')).toHaveCount(5);
  await expect(related).toContainText(/Speculative/);
  await related.getByRole('button', { name: /Speculative Rejection/ }).click();
  await expect(reader(page).getByRole('heading', { level: 1 })).toContainText('Fast Best-of-N Decoding via Speculative Rejection');
});

test('long and LaTeX titles, a one-paper digest and empty views look intentional', async ({ page, app }) => {
  const long = `A ${'Very '.repeat(55)}Long Title About Attention`;
  await app.call('digests.import', {
    name: 'One paper',
    source: 'paste',
    text: `${long}\n${'This abstract belongs to a paper whose title is three hundred characters long, to check that the layout holds. '.repeat(4)}\n`,
  });
  await openApp(page, app);
  await nav(page)
    .getByRole('button', { name: /One paper/ })
    .click();
  await list(page).getByRole('option').first().click();
  await expect(reader(page).getByRole('heading', { level: 1 })).toHaveText(long);
  await shoot(page, 'long-title');
  await nav(page)
    .getByRole('button', { name: /All papers/ })
    .click();
  await openBySearch(page, 'Syntactic Semantic Coherence', /Speculative Sampling with Syntactic/);
  await expect(reader(page).getByRole('heading', { level: 1 }).locator('sup')).toHaveText('4');
  await expect(reader(page).getByRole('heading', { level: 1 })).toContainText('S4C: Speculative Sampling');
  await openBySearch(page, 'Inference Scaling Laws resampling imperfect verifiers', /^Inference Scaling/);
  await expect(reader(page).getByRole('heading', { level: 1 })).toHaveText('Inference Scaling FLaws: The Limits of LLM Resampling with Imperfect Verifiers');
  await expect(reader(page).getByRole('heading', { level: 1 }).locator('.latex-tt')).toHaveText('F');
  await page.getByRole('searchbox', { name: 'Search papers' }).fill('');
  await nav(page)
    .getByRole('button', { name: /^Read later/ })
    .click();
  await expect(page.getByText('This list is empty')).toBeVisible();
  await shoot(page, 'empty-list');
});

for (const theme of ['light', 'dark'] as const) {
  test(`no serious accessibility violations on the main views (${theme})`, async ({ page, app }) => {
    test.setTimeout(180_000); // axe runs five times over the whole page
    await page.emulateMedia({ colorScheme: theme });
    await openApp(page, app);
    await expectAccessible(page, 'library');
    await list(page).getByRole('option').first().click();
    await reader(page).getByRole('combobox', { name: 'Add tag' }).fill('axe');
    await reader(page).getByRole('combobox', { name: 'Add tag' }).press('Enter');
    await reader(page).getByRole('combobox', { name: 'Add to list' }).selectOption({ label: 'Read later' });
    await expectAccessible(page, 'reader');
    await page.getByRole('searchbox', { name: 'Search papers' }).fill('speculative decoding');
    await expect(list(page).getByRole('option').first()).toContainText(/speculative/i);
    await expectAccessible(page, 'search results');
    await page.getByRole('searchbox', { name: 'Search papers' }).fill('');
    await nav(page)
      .getByRole('button', { name: /^Read later/ })
      .click();
    await expect(list(page).getByRole('option')).toHaveCount(1);
    await expectAccessible(page, 'list');
    await page.keyboard.press('Control+,');
    await expectAccessible(page, 'settings');
    await shoot(page, `settings-${theme}`);
  });
}
