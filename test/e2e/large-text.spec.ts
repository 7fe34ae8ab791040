/**
 * A paper with a 1 MB abstract (issue 12, finding 5): opening it froze the page for 8–9 s. The
 * reader must show it whole, the list must find it by a rare word in it, and a search that marks
 * thousands of its words must land while the page keeps answering. (How long each takes is for a
 * benchmark; here the bound is only generous enough for a busy machine.)
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect, openApp, ROOT, test } from './fixtures';

const TITLE = 'An Enormous Abstract for Testing Large Text';
const RARE_WORD = 'quokkanomics';
const BOUND = { timeout: 30_000 };

/** About 1 MB of the sample's real abstracts, with RARE_WORD once, three quarters in. */
function hugeAbstract(bytes = 1_000_000): string {
  const lines = fs.readFileSync(path.join(ROOT, 'resources', 'trending-papers.txt'), 'utf8').split('\n');
  const sentences = lines.filter((l) => l.length > 300);
  const parts: string[] = [];
  for (let i = 0, length = 0; length < bytes; i++) {
    parts.push(sentences[i % sentences.length]);
    length += sentences[i % sentences.length].length + 1;
    if (length > bytes * 0.75 && !parts.includes(RARE_WORD)) parts.push(RARE_WORD);
  }
  return parts.join(' ');
}

test('a 1 MB abstract: found by a rare word, opened in the reader, and marked while the page answers', async ({ page, app }) => {
  const abstract = hugeAbstract();
  await app.call('digests.import', { name: 'Large text', source: 'paste', text: `${TITLE}\n${abstract}\n` });
  await openApp(page, app);
  const list = page.getByRole('listbox', { name: 'Papers' });
  const reader = page.getByRole('region', { name: 'Reader' });

  await page.getByRole('searchbox', { name: 'Search papers' }).fill(RARE_WORD);
  const row = list.getByRole('option', { name: new RegExp(TITLE) });
  await expect(row).toBeVisible(BOUND);
  await expect(row.locator('.row-snippet mark')).toHaveText(RARE_WORD, BOUND);

  await row.click();
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(TITLE, BOUND);
  // The whole abstract is there (its end too), with the rare word marked in it.
  await expect(reader.locator('.abstract mark.search-hit')).toHaveText(RARE_WORD, BOUND);
  await expect(reader.locator('.abstract')).toContainText(abstract.slice(-60), BOUND);

  // A common word marks about 1,700 words of it: the reader shows them, and the page answers.
  await page.getByRole('searchbox', { name: 'Search papers' }).fill('inference');
  await expect(reader.locator('.abstract mark.search-hit').first()).toBeVisible(BOUND);
  await expect.poll(() => reader.locator('.abstract mark.search-hit').count(), BOUND).toBeGreaterThan(500);
  await page.getByRole('searchbox', { name: 'Search papers' }).fill('');
  await expect(reader.locator('.abstract mark.search-hit')).toHaveCount(0, BOUND);
});
