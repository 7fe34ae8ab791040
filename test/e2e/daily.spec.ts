/**
 * The daily loop through the page: sources served by a local fixture server (127.0.0.1), fetched
 * into dated digests; stars teaching "Best for you", which reorders the next digest with reasons;
 * a smart list made from a search, whose rule acts at the next fetch; failing sources that say why
 * and change nothing; the trends view in light and dark.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from '@playwright/test';
import { type FixtureServer, startFixtureServer } from '../helpers/fixture-server';
import { expect, expectAccessible, openApp, ROOT, shoot, test } from './fixtures';

const HTML_PAGE = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'http', 'not-a-feed.html'), 'utf8');

interface Item {
  id: string;
  title: string;
  abstract: string;
}

/** An arXiv RSS listing for a category and a day, in the shape arXiv uses since 2024; served by the local fixture server (the links inside are text, never fetched). */
function listing(category: string, day: Date, items: Item[]): string {
  const date = day.toUTCString().replace('GMT', '+0000');
  const entries = items
    .map(
      (p) => `<item><title>${p.title}</title><link>https://arxiv.org/abs/${p.id}</link>
<description>arXiv:${p.id}v1 Announce Type: new
Abstract: ${p.abstract}</description><guid isPermaLink="false">oai:arXiv.org:${p.id}v1</guid><category>${category}</category>
<pubDate>${date}</pubDate><arxiv:announce_type>new</arxiv:announce_type><dc:creator>Ada Example, Alan Sample</dc:creator></item>`,
    )
    .join('\n');
  return `<?xml version='1.0' encoding='UTF-8'?>
<rss xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns:dc="http://purl.org/dc/elements/1.1/" version="2.0"><channel>
<title>${category} updates on arXiv.org</title><link>http://rss.arxiv.org/rss/${category}</link>
<description>${category} updates on the arXiv.org e-print archive.</description><lastBuildDate>${date}</lastBuildDate><pubDate>${date}</pubDate>
${entries}
</channel></rss>`;
}

const KV = (n: number, extra: string): Item => ({
  id: `2601.1${String(n).padStart(4, '0')}`,
  title: `KV cache compression for speculative decoding ${extra}`,
  abstract: `We compress the kv cache of large language models during speculative decoding, ${extra}. The draft model shares the kv cache with the target model, cutting memory by half while keeping the speed-up of speculative decoding on long contexts.`,
});
const OTHER = (n: number, topic: string): Item => ({
  id: `2601.2${String(n).padStart(4, '0')}`,
  title: `${topic}: a study of ${topic.toLowerCase()} in the wild`,
  abstract: `We study ${topic.toLowerCase()} with field data collected over three seasons and report how ${topic.toLowerCase()} varies with climate, soil and altitude, with a public dataset of measurements.`,
});

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);
const FIRST_CL = [KV(1, 'with paged attention'), KV(2, 'by quantised keys'), KV(3, 'using eviction of stale tokens'), OTHER(1, 'Glacier melt')];
const FIRST_LG = [OTHER(2, 'Coral bleaching'), OTHER(3, 'Bird migration'), KV(4, 'for batched serving')];
// The next day's listing: the unrelated papers come first in the digest's own order.
const NEXT_LG = [OTHER(4, 'Desert beetles'), OTHER(5, 'Tidal wetlands'), OTHER(6, 'Alpine lichens'), KV(5, 'on mobile phones'), KV(6, 'with learned eviction')];

let server: FixtureServer;
test.beforeAll(async () => {
  server = await startFixtureServer({
    routes: {
      '/cs.CL.xml': { body: listing('cs.CL', daysAgo(2), FIRST_CL), headers: { 'content-type': 'application/rss+xml' } },
      '/cs.LG.xml': [
        { body: listing('cs.LG', daysAgo(1), FIRST_LG), headers: { 'content-type': 'application/rss+xml' } },
        { body: listing('cs.LG', daysAgo(0), NEXT_LG), headers: { 'content-type': 'application/rss+xml' } },
      ],
      '/portal': { body: HTML_PAGE, headers: { 'content-type': 'text/html; charset=utf-8' } },
    },
  });
});
test.afterAll(() => server.close());

const nav = (page: Page) => page.getByRole('navigation', { name: 'Library' });
const list = (page: Page) => page.getByRole('listbox', { name: 'Papers' });
const sourcesList = (page: Page) => page.getByRole('list', { name: 'Sources' });
const digestButtons = (page: Page) => nav(page).getByRole('list', { name: 'Digests' }).getByRole('button');

async function addFeed(page: Page, name: string, url: string) {
  const form = page.getByRole('form', { name: 'Add a source' });
  await form.getByRole('radio', { name: 'Any feed' }).check();
  await form.getByRole('textbox', { name: 'Address' }).fill(url);
  await form.getByRole('textbox', { name: 'Name (optional)' }).fill(name);
  await form.getByRole('button', { name: 'Add source' }).click();
  await expect(sourcesList(page).getByRole('listitem', { name })).toBeVisible();
}

test('sources fetched into dated digests; stars make "Best for you" reorder the next one with reasons; a smart list rule acts at the next fetch; trends in light and dark', async ({
  page,
  app,
}) => {
  test.setTimeout(240_000);
  const cspViolations: string[] = [];
  page.on('console', (m) => m.text().includes('Content Security Policy') && cspViolations.push(m.text()));
  await page.emulateMedia({ colorScheme: 'light' });
  await openApp(page, app);

  // Two sources, fetched at once: two dated digests.
  await nav(page).getByRole('button', { name: 'Sources' }).click();
  await expect(page.getByRole('heading', { name: 'Sources', level: 1 })).toBeVisible();
  await addFeed(page, 'Language', server.url('/cs.CL.xml'));
  await addFeed(page, 'Learning', server.url('/cs.LG.xml'));
  await expect(sourcesList(page).getByRole('listitem', { name: 'Language' })).toContainText('Not fetched yet');
  const digestsBefore = await digestButtons(page).count();
  await page.getByRole('button', { name: 'Fetch all now' }).click();
  await expect(sourcesList(page).getByRole('listitem', { name: 'Language' })).toContainText(/Fetched just now, 4 new/, { timeout: 30_000 });
  await expect(sourcesList(page).getByRole('listitem', { name: 'Learning' })).toContainText(/Fetched just now, 3 new/);
  await expect(page.getByRole('status').filter({ hasText: 'Last fetch: 7 new papers' })).toBeVisible();
  await expect(digestButtons(page)).toHaveCount(digestsBefore + 2);
  const day = (n: number) => daysAgo(n).toISOString().slice(0, 10);
  const digests = await app.call<{ digests: { id: string; name: string }[] }>('digests.list');
  const names = digests.digests.map((d) => d.name);
  expect(
    names.some((n) => n.includes('cs.CL') && n.includes(day(2))),
    names.join(' | '),
  ).toBe(true);
  expect(
    names.some((n) => n.includes('cs.LG') && n.includes(day(1))),
    names.join(' | '),
  ).toBe(true);
  await shoot(page, 'daily-sources-light');

  // A failing source (a web page where a feed was expected, then an address that is not there) says why and changes nothing.
  await addFeed(page, 'Portal', server.url('/portal'));
  await sourcesList(page).getByRole('button', { name: 'Fetch now: Portal' }).click();
  const portal = sourcesList(page).getByRole('listitem', { name: 'Portal' });
  await expect(portal.getByRole('alert')).toContainText(/web page|HTML/i, { timeout: 30_000 });
  await expect(portal.getByRole('alert')).toContainText('Nothing in your library changed.');
  await addFeed(page, 'Gone', server.url('/gone.xml'));
  await sourcesList(page).getByRole('button', { name: 'Fetch now: Gone' }).click();
  await expect(sourcesList(page).getByRole('listitem', { name: 'Gone' }).getByRole('alert')).toContainText(/404|not found/i, { timeout: 30_000 });
  await expect(page.getByRole('status').filter({ hasText: 'Last fetch:' })).toContainText('1 source failed (below).');
  await expect(digestButtons(page)).toHaveCount(digestsBefore + 2);
  expect((await app.call<{ digests: unknown[] }>('digests.list')).digests).toHaveLength(digests.digests.length);
  await expect(nav(page).getByText('2 failing')).toBeVisible();
  await shoot(page, 'daily-sources-failing-light');
  // Removed with undo.
  await sourcesList(page).getByRole('button', { name: 'Remove Gone' }).click();
  await expect(sourcesList(page).getByRole('listitem', { name: 'Gone' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(sourcesList(page).getByRole('listitem', { name: 'Gone' })).toBeVisible();
  for (const name of ['Gone', 'Portal']) {
    await sourcesList(page)
      .getByRole('button', { name: `Remove ${name}` })
      .click();
    await expect(sourcesList(page).getByRole('listitem', { name })).toHaveCount(0);
  }

  // Stars on the first digest's kv-cache papers: the signals "Best for you" learns from.
  await digestButtons(page).filter({ hasText: 'cs.CL' }).click();
  for (const p of FIRST_CL.slice(0, 3)) {
    await list(page)
      .getByRole('option', { name: new RegExp(p.title) })
      .click();
    // The digest opened its first paper: star this one once the reader shows it.
    await expect(page.getByRole('region', { name: 'Reader' }).getByRole('heading', { level: 1 })).toHaveText(p.title);
    await page.getByRole('region', { name: 'Reader' }).getByRole('button', { name: 'Star', exact: true }).click();
    await expect(page.getByRole('region', { name: 'Reader' }).getByRole('button', { name: 'Star', exact: true })).toHaveAttribute('aria-pressed', 'true');
  }

  // A smart list saved from a search, with a rule; a query that does not parse says where.
  await page.getByRole('searchbox', { name: 'Search papers' }).fill('kv cache');
  await page.getByRole('button', { name: 'Save search as smart list…' }).click();
  const editor = page.getByRole('dialog', { name: 'New smart list' });
  const query = editor.getByRole('textbox', { name: 'Query' });
  await expect(query).toHaveValue('kv cache');
  await query.fill('"kv cache');
  await expect(editor.getByRole('status')).toContainText('The query does not parse: unclosed quote');
  await expect(editor.locator('.caret')).toContainText('^');
  await expect(editor.getByRole('button', { name: 'Save smart list' })).toBeDisabled();
  await query.fill('"kv cache" -glacier');
  await expect(editor.getByRole('status')).toContainText(/Matches \d+ papers? now/);
  await editor.getByRole('textbox', { name: 'Name' }).fill('KV cache');
  await editor.getByRole('combobox', { name: 'Tag it' }).fill('kv-watch');
  await shoot(page, 'daily-smart-editor-light');
  await editor.getByRole('button', { name: 'Save smart list' }).click();
  await expect(editor).toBeHidden();
  const smartNav = nav(page).getByRole('list', { name: 'Smart lists' });
  await expect(smartNav.getByRole('button', { name: /^KV cache/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'KV cache', level: 2 })).toBeVisible();
  await expect(page.getByRole('searchbox', { name: 'Search papers' })).toHaveValue('');

  // The next day's listing: "Best for you" puts its kv-cache papers first, each saying why.
  await nav(page).getByRole('button', { name: 'Sources' }).click();
  await sourcesList(page).getByRole('button', { name: 'Fetch now: Learning' }).click();
  await expect(sourcesList(page).getByRole('listitem', { name: 'Learning' })).toContainText(/Fetched just now, 5 new/, { timeout: 30_000 });
  await expect(page.getByRole('status').filter({ hasText: '5 new papers, 2 match your interests' }).first()).toBeVisible();
  // The rule tagged the new matches, and the smart list counts them as new.
  await expect(nav(page).getByRole('button', { name: /^kv-watch/ })).toContainText('2');
  await expect(smartNav.getByText('2 new')).toBeVisible();
  const newest = digestButtons(page).filter({ hasText: day(0) });
  await newest.click();
  await expect(list(page).getByRole('option').first()).toContainText('Desert beetles'); // the digest's own order
  await page.getByRole('combobox', { name: 'Sort by' }).selectOption('best');
  await expect(list(page).getByRole('option').first()).toContainText('KV cache compression', { timeout: 60_000 });
  await expect(list(page).getByRole('option').nth(1)).toContainText('KV cache compression');
  await expect(list(page).getByRole('option').first()).toContainText(/shares .+ with \d+ (papers? you starred|of your papers)/);
  await expect(page.getByRole('status').filter({ hasText: /Ranked from \d+ of your papers/ })).toBeVisible();
  await shoot(page, 'daily-best-for-you-light');
  await expectAccessible(page, 'best for you (light)');

  // Opening the smart list clears its "new" badge.
  await smartNav.getByRole('button', { name: /^KV cache/ }).click();
  await expect(smartNav.getByText('2 new')).toBeHidden();

  // Trends, in light and dark; a rising term searches.
  await nav(page).getByRole('button', { name: 'Trends' }).click();
  await expect(page.getByRole('heading', { name: 'Trends', level: 1 })).toBeVisible();
  await expect(page.locator('.chart canvas')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Rising terms' })).toBeVisible();
  await shoot(page, 'daily-trends-light');
  await expectAccessible(page, 'trends (light)');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('.chart canvas')).toBeVisible();
  await shoot(page, 'daily-trends-dark');
  await expectAccessible(page, 'trends (dark)');
  await nav(page).getByRole('button', { name: 'Sources' }).click();
  await expect(sourcesList(page)).toBeVisible();
  await shoot(page, 'daily-sources-dark');
  await expectAccessible(page, 'sources (dark)');
  await nav(page).getByRole('button', { name: 'Trends' }).click();
  const term = page.getByRole('list', { name: 'Rising terms' }).getByRole('button').first();
  const text = (await term.textContent())!;
  await term.click();
  await expect(page.getByRole('searchbox', { name: 'Search papers' })).toHaveValue(/\s/.test(text) ? `"${text}"` : text);
  await expect(list(page).getByRole('option').first()).toBeVisible();
  expect(cspViolations).toEqual([]);
});
