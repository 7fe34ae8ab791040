import { writeSyntheticLibrary } from '../../scripts/bench/synthetic-library';
import { expect, freshDataDir, openApp, shoot, startApp, test } from './fixtures';

const PAPERS = 10_000;

test('a 10,000-paper library: the list shows at once, and a query typed key by key finds and marks papers', async ({ page }) => {
  test.setTimeout(240_000); // the first start indexes 10,000 papers: minutes on a busy machine
  const dataDir = freshDataDir();
  writeSyntheticLibrary(dataDir, PAPERS);
  const app = await startApp(dataDir);
  try {
    await openApp(page, app);
    await expect(page.getByRole('status').filter({ hasText: `${PAPERS.toLocaleString('en')} papers` })).toBeVisible();

    const search = page.getByRole('searchbox', { name: 'Search papers' });
    await search.click();
    await page.keyboard.type('speculative decoding', { delay: 40 });
    // The first start builds the index: until then the status says so, then the results come.
    await expect(page.getByRole('status').filter({ hasText: /[\d,]+ results? ·/ })).toBeVisible({ timeout: 150_000 });
    const first = page.getByRole('listbox', { name: 'Papers' }).getByRole('option').first();
    await expect(first.locator('.row-title')).toContainText(/speculative|decoding/i);
    await expect(first.locator('mark').first()).toHaveText(/^(speculative|decoding)$/i);
    await shoot(page, 'large-library-search');

    await search.fill('');
    await expect(page.getByRole('status').filter({ hasText: `${PAPERS.toLocaleString('en')} papers` })).toBeVisible();
  } finally {
    await app.stop();
  }
});
