import { CSP } from '../../src/boundary/security';
import { expect, openApp, pageSettled, test } from './fixtures';

// A digest whose titles and abstracts carry markup, as a hostile or broken mail might.
const HOSTILE = [
  'Attack of the <img src=x onerror="alert(\'img\')"> title',
  'An abstract that hides <script>alert("script")</script> and <img src=x onerror=alert(2)> among words long enough to read as one.',
  'A second paper <svg onload=alert(3)>',
  'Its abstract: <iframe src="javascript:alert(4)"></iframe> and <a href="javascript:alert(5)">a link</a>, with more words after it.',
].join('\n');

test('digest text carrying HTML runs nothing: it shows as text, and the CSP blocks what a slip would inject', async ({ page, app }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const cspErrors: string[] = [];
  page.on('console', (m) => m.text().includes('Content Security Policy') && cspErrors.push(m.text()));
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(e.effectiveDirective));
  });

  // The policy travels both as a header and in the page itself.
  const res = await fetch(app.url.replace(/#.*/, ''));
  expect(res.headers.get('content-security-policy')).toBe(CSP);
  expect(await res.text()).toContain('http-equiv="Content-Security-Policy"');

  await app.call('digests.import', { name: 'Hostile <b>digest</b>', text: HOSTILE, source: 'paste' });
  await openApp(page, app);
  const list = page.getByRole('listbox', { name: 'Papers' });
  await page
    .getByRole('navigation', { name: 'Library' })
    .getByRole('button', { name: /Hostile <b>digest<\/b>/ })
    .click();
  await list.getByRole('option', { name: /Attack of the/ }).click();
  const title = page.getByRole('heading', { level: 1 });
  await expect(title).toHaveText('Attack of the <img src=x onerror="alert(\'img\')"> title');
  await expect(page.getByRole('region', { name: 'Reader' }).getByText('hides <script>alert("script")</script> and')).toBeVisible();
  await list.getByRole('option', { name: /A second paper/ }).click();
  await expect(title).toHaveText('A second paper <svg onload=alert(3)>');
  expect(await page.locator('img[src="x"], svg[onload], iframe, a[href^="javascript:"]').count()).toBe(0);

  // Suppose a future change rendered that text as HTML: the CSP still runs none of it, and says so.
  await page.evaluate((markup) => {
    const slip = document.createElement('div');
    slip.innerHTML = markup; // the <img onerror> handler is inline script
    document.body.append(slip);
    const script = document.createElement('script');
    script.textContent = 'alert("inline script")';
    document.body.append(script);
  }, HOSTILE);
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations))
    .toEqual(expect.arrayContaining(['script-src-attr', 'script-src-elem']));
  expect(cspErrors.length).toBeGreaterThan(0);
  await pageSettled(page); // the <img onerror> has failed to load: its handler would have fired, had it been allowed
  expect(dialogs).toEqual([]);
});
