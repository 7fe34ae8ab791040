import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, openApp, ROOT, shoot, test } from './fixtures';

const FORMATS = path.join(ROOT, 'test', 'fixtures', 'formats');
const list = (page: Page) => page.getByRole('listbox', { name: 'Papers' });
const nav = (page: Page) => page.getByRole('navigation', { name: 'Library' });
const reader = (page: Page) => page.getByRole('region', { name: 'Reader' });
const category = (page: Page) => page.getByRole('combobox', { name: 'Category' });
const year = (page: Page) => page.getByRole('combobox', { name: 'Year' });

/** Two digests with arXiv categories beside the sample: a cs.CL listing and an API answer (cs.LG, hep-ex…). */
async function importDigests(app: { call<T>(name: string, arg?: unknown): Promise<T> }) {
  const add = async (file: string, name: string) => {
    await app.call('digests.import', { name, text: fs.readFileSync(path.join(FORMATS, file), 'utf8'), source: 'paste' });
  };
  await add('arxiv-rss-cs.CL.xml', 'Computation and language');
  await add('arxiv-api-query.xml', 'Query answer');
}

const showDigest = (page: Page, name: string) =>
  nav(page)
    .getByRole('button', { name: new RegExp(`^${name}`) })
    .click();

test('the filters’ counts count the digest and the search in view, not the whole library', async ({ page, app }) => {
  await importDigests(app);
  await openApp(page, app);
  // The whole library: the listing's five cs.CL papers, and cs.LG from both digests.
  await expect(category(page).getByRole('option', { name: 'cs.CL (5)' })).toHaveCount(1);
  await expect(category(page).getByRole('option', { name: 'cs.LG (3)' })).toHaveCount(1);
  await expect(year(page).getByRole('option', { name: '2024 (4)' })).toHaveCount(1);

  await showDigest(page, 'Query answer');
  await expect(category(page).getByRole('option', { name: 'cs.LG (2)' })).toHaveCount(1);
  await expect(category(page).getByRole('option', { name: /^cs\.CL/ })).toHaveCount(0);
  await expect(year(page).getByRole('option', { name: '2024 (1)' })).toHaveCount(1);
  await expect(year(page).getByRole('option', { name: '2003 (1)' })).toHaveCount(1);
  // A closed select's options do not show in a screenshot: opened as a box, for a person to look at.
  const box = page.locator('select[aria-label="Category"]'); // a listbox while open, no longer a combobox
  await box.evaluate((select: HTMLSelectElement) => (select.size = 7));
  await shoot(page, 'facets-digest-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await shoot(page, 'facets-digest-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await box.evaluate((select: HTMLSelectElement) => (select.size = 0));

  await showDigest(page, 'Computation and language');
  await expect(category(page).getByRole('option', { name: 'cs.CL (5)' })).toHaveCount(1);
  await expect(category(page).getByRole('option', { name: 'cs.LG (1)' })).toHaveCount(1);
  await expect(category(page).getByRole('option', { name: /^hep-ex/ })).toHaveCount(0);
  // A search within it: its results.
  await page.getByRole('searchbox', { name: 'Search papers' }).fill('speech');
  await expect(list(page).getByRole('option')).not.toHaveCount(5);
  const results = await list(page).getByRole('option').count();
  await expect(category(page).getByRole('option', { name: `cs.CL (${results})` })).toHaveCount(1);
  await expect(category(page).getByRole('option', { name: 'cs.SD (1)' })).toHaveCount(1);

  // A category chosen: the years count its papers, and the other categories stay to choose from.
  await page.getByRole('searchbox', { name: 'Search papers' }).fill('');
  await showDigest(page, 'All papers');
  await category(page).selectOption('cs.LG');
  await expect(list(page).getByRole('option')).toHaveCount(3);
  await expect(category(page).getByRole('option', { name: 'cs.CL (5)' })).toHaveCount(1);
  const years = await year(page).getByRole('option').allTextContents();
  const counted = years.slice(1).reduce((n, y) => n + Number(/\((\d+)\)/.exec(y)![1]), 0);
  expect(counted).toBeLessThanOrEqual(3);
});

const status = (page: Page, name: string) => reader(page).getByRole('group', { name: 'Read status' }).getByRole('button', { name, exact: true });

test('in another digest the reader opens its first paper, unless the open one is in it too', async ({ page, app }) => {
  await importDigests(app);
  await app.call('settings.set', { markReadOnOpen: true });
  await openApp(page, app);
  await showDigest(page, 'Trending papers');
  await list(page).getByRole('option').nth(1).click();
  await expect(status(page, 'Read')).toHaveAttribute('aria-pressed', 'true');
  const opened = await reader(page).getByRole('heading', { level: 1 }).textContent();

  // The listing has none of the sample's papers: its first paper opens, selected in the list, still unread.
  await showDigest(page, 'Query answer');
  const first = list(page).getByRole('option').first();
  await expect(first).toHaveAttribute('aria-selected', 'true');
  const firstTitle = (await first.locator('.row-title').textContent())!;
  await expect(reader(page).getByRole('heading', { level: 1 })).not.toHaveText(opened!);
  await expect(reader(page).getByRole('heading', { level: 1 })).toContainText(firstTitle.slice(0, 20));
  // Shown, not chosen: still unread until the reader opens it.
  await expect(status(page, 'Unread')).toHaveAttribute('aria-pressed', 'true');
  await shoot(page, 'view-switch-first-paper-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await shoot(page, 'view-switch-first-paper-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await first.click();
  await expect(status(page, 'Read')).toHaveAttribute('aria-pressed', 'true');

  // Its paper is in All papers too (further down than the first page of rows): it stays open there.
  const kept = await reader(page).getByRole('heading', { level: 1 }).textContent();
  await showDigest(page, 'All papers');
  await expect(page.getByRole('heading', { name: 'All papers' })).toBeVisible();
  await expect(list(page).getByRole('option').first()).not.toHaveText(firstTitle);
  await expect(reader(page).getByRole('heading', { level: 1 })).toHaveText(kept!);

  // A view without papers: the reader is empty, not the last digest's paper.
  await showDigest(page, 'Starred');
  await expect(reader(page).getByRole('heading', { name: 'Select a paper to read it' })).toBeVisible();
});
