import type { Page } from '@playwright/test';
import { expect, freshDataDir, openApp, pageSettled, shoot, startApp, test } from './fixtures';

const list = (page: Page) => page.getByRole('listbox', { name: 'Papers' });
const nav = (page: Page) => page.getByRole('navigation', { name: 'Library' });
const reader = (page: Page) => page.getByRole('region', { name: 'Reader' });

/** Selects text[start, end) of the abstract shown in the reader, as a mouse selection would. */
async function selectInAbstract(page: Page, from: number, to: number) {
  await page.locator('p.abstract').evaluate(
    (root, [start, end]) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      let seen = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const len = node.textContent!.length;
        if (seen <= start && start <= seen + len) range.setStart(node, start - seen);
        if (seen <= end && end <= seen + len) {
          range.setEnd(node, end - seen);
          break;
        }
        seen += len;
      }
      const sel = window.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
      root.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    },
    [from, to],
  );
}

async function dragRow(page: Page, fromTitle: RegExp, toTitle: RegExp) {
  const handle = list(page).getByRole('option', { name: fromTitle }).locator('.drag-handle');
  const target = list(page).getByRole('option', { name: toTitle });
  const a = (await handle.boundingBox())!;
  const b = (await target.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++) await page.mouse.move(a.x + a.width / 2, a.y + (b.y + b.height / 2 - a.y) * (i / 12));
  await page.mouse.up();
}

test('organise and annotate as a reader would, then find it all after a restart', async ({ page }) => {
  test.setTimeout(150_000); // two servers, a restart and many steps: over a minute on a busy machine
  const dataDir = freshDataDir();
  let app = await startApp(dataDir);
  await openApp(page, app);

  // A reading list with three papers, reordered by drag.
  await nav(page).getByRole('button', { name: 'New list' }).click();
  await page.getByRole('textbox', { name: 'New list name' }).fill('Inference speed');
  await page.getByRole('textbox', { name: 'New list name' }).press('Enter');
  await expect(page.getByRole('heading', { name: 'Inference speed' })).toBeVisible();
  await expect(page.getByText('This list is empty')).toBeVisible();
  await nav(page)
    .getByRole('button', { name: /All papers/ })
    .click();
  const titles = ['FocusLLM', 'CCoE', 'LLaSA'];
  for (const t of titles) {
    await list(page)
      .getByRole('option', { name: new RegExp(`^${t}`) })
      .click();
    await expect(reader(page).getByRole('heading', { level: 1 })).toContainText(t);
    await reader(page).getByRole('combobox', { name: 'Add to list' }).selectOption({ label: 'Inference speed' });
    await expect(page.getByRole('status').filter({ hasText: 'Added the paper to “Inference speed”' })).toBeVisible();
  }
  await nav(page)
    .getByRole('button', { name: /^Inference speed/ })
    .click();
  await expect(list(page).locator('.row-title')).toHaveText([/^FocusLLM/, /^CCoE/, /^LLaSA/]);
  await dragRow(page, /^LLaSA/, /^FocusLLM/);
  await expect(list(page).locator('.row-title')).toHaveText([/^LLaSA/, /^FocusLLM/, /^CCoE/]);
  // And by keyboard: Alt+↓ moves the open paper down.
  await list(page)
    .getByRole('option', { name: /^LLaSA/ })
    .click();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(list(page).locator('.row-title')).toHaveText([/^FocusLLM/, /^LLaSA/, /^CCoE/]);
  await shoot(page, 'reading-list');

  // Tag two papers, then rename the tag.
  await list(page)
    .getByRole('option', { name: /^FocusLLM/ })
    .click();
  await expect(reader(page).getByRole('heading', { level: 1 })).toContainText('FocusLLM');
  await reader(page).getByRole('combobox', { name: 'Add tag' }).fill('long context');
  await reader(page).getByRole('combobox', { name: 'Add tag' }).press('Enter');
  await list(page).getByRole('option', { name: /^CCoE/ }).click();
  await expect(reader(page).getByRole('heading', { level: 1 })).toContainText('CCoE');
  await reader(page).getByRole('combobox', { name: 'Add tag' }).fill('long context');
  await reader(page).getByRole('combobox', { name: 'Add tag' }).press('Enter');
  await expect(nav(page).getByRole('button', { name: /^long context/ })).toContainText('2');
  await nav(page).getByRole('button', { name: 'Actions for tag long context' }).click();
  await page.getByRole('menuitem', { name: 'Rename or merge…' }).click();
  await page.getByRole('textbox', { name: 'Tag name' }).fill('long-context');
  await page.getByRole('textbox', { name: 'Tag name' }).press('Enter');
  await nav(page)
    .getByRole('button', { name: /^long-context/ })
    .click();
  await expect(page.getByRole('heading', { name: 'Tag: long-context' })).toBeVisible();
  await expect(list(page).getByRole('option')).toHaveCount(2);
  await shoot(page, 'tag-view');

  // A note with a heading and a link; a highlighted sentence with a comment.
  await list(page)
    .getByRole('option', { name: /^FocusLLM/ })
    .click();
  await expect(reader(page).getByRole('heading', { level: 1 })).toContainText('FocusLLM'); // not CCoE's note, still showing
  await reader(page)
    .getByRole('textbox', { name: 'Note' })
    .fill('## Why it matters\n\nParallel chunks, see [the code](https://github.com/example/focusllm). Keyword: quasiperiodic.');
  await expect(reader(page).getByRole('status', { name: 'Note status' })).toHaveText('Saved');
  await expect(reader(page).getByLabel('Note preview').getByRole('heading', { name: 'Why it matters' })).toBeVisible();
  await expect(reader(page).getByLabel('Note preview').getByRole('link', { name: 'the code' })).toHaveAttribute('href', 'https://github.com/example/focusllm');
  const abstract = await page.locator('p.abstract').textContent();
  const sentenceEnd = abstract!.indexOf('. ') + 1;
  await selectInAbstract(page, 0, sentenceEnd);
  await page.getByRole('textbox', { name: 'Highlight comment' }).fill('the core claim');
  await page.getByRole('button', { name: 'Highlight green' }).click();
  await expect(reader(page).getByRole('region', { name: /Highlights/ })).toContainText('the core claim');
  await expect(page.locator('mark.hl-green')).toHaveText(abstract!.slice(0, sentenceEnd));
  await shoot(page, 'note-and-highlight');

  // Triage the sample digest with single keys: r marks read, s stars, x skips, u undoes.
  await nav(page)
    .getByRole('button', { name: /Trending papers \(sample\)/ })
    .click();
  await expect(page.getByText('119 unread of 119')).toBeVisible();
  await page.getByRole('button', { name: 'Triage unread' }).click();
  const triage = page.getByRole('region', { name: 'Triage' });
  await expect(triage.getByRole('status')).toHaveText('Paper 1 of 119 unread');
  const first = await triage.getByRole('heading', { level: 2 }).textContent();
  await page.keyboard.press('r');
  await expect(triage.getByRole('status')).toHaveText('Paper 2 of 119 unread');
  await page.keyboard.press('s');
  await expect(triage.getByLabel('Starred')).toBeVisible();
  await page.keyboard.press('r');
  await page.keyboard.press('x');
  await expect(triage.getByRole('status')).toHaveText('Paper 4 of 119 unread');
  await page.keyboard.press('r');
  await expect(triage.getByRole('status')).toHaveText('Paper 5 of 119 unread');
  await page.keyboard.press('u');
  await expect(triage.getByRole('status')).toHaveText('Paper 4 of 119 unread');
  // l goes to the list menu; Esc there gives the keys back to triage, which goes on.
  await expect(triage.getByRole('combobox', { name: 'Add to list' })).toBeVisible();
  await page.keyboard.press('l');
  await expect(triage.getByRole('combobox', { name: 'Add to list' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(triage.getByRole('combobox', { name: 'Add to list' })).not.toBeFocused();
  await page.keyboard.press('x');
  await expect(triage.getByRole('status')).toHaveText('Paper 5 of 119 unread');
  await page.keyboard.press('u');
  await expect(triage.getByRole('status')).toHaveText('Paper 4 of 119 unread');
  await shoot(page, 'triage');
  await page.keyboard.press('Escape');
  await expect(page.getByText('117 unread of 119')).toBeVisible();

  // Restart: everything is there, and a word only in a note finds its paper.
  await app.stop();
  app = await startApp(dataDir);
  try {
    await openApp(page, app);
    await expect(nav(page).getByRole('button', { name: /^Inference speed/ })).toContainText('3');
    await nav(page)
      .getByRole('button', { name: /^Inference speed/ })
      .click();
    await expect(list(page).locator('.row-title')).toHaveText([/^FocusLLM/, /^LLaSA/, /^CCoE/]);
    await expect(nav(page).getByRole('button', { name: /^long-context/ })).toContainText('2');
    await nav(page)
      .getByRole('button', { name: /All papers/ })
      .click();
    await page.getByRole('searchbox', { name: 'Search papers' }).fill('quasiperiodic');
    await expect(list(page).getByRole('option')).toHaveCount(1);
    await list(page).getByRole('option').first().click();
    await expect(reader(page).getByRole('heading', { level: 1 })).toContainText('FocusLLM');
    await expect(reader(page).getByRole('textbox', { name: 'Note' })).toHaveValue(/quasiperiodic/);
    await expect(reader(page).getByRole('region', { name: /Highlights/ })).toContainText('the core claim');
    await page.getByRole('searchbox', { name: 'Search papers' }).fill('');
    await nav(page).getByRole('button', { name: 'Starred' }).click();
    await expect(list(page).getByRole('option')).toHaveCount(1);
    await nav(page)
      .getByRole('button', { name: /Trending papers \(sample\)/ })
      .click();
    await expect(page.getByText('117 unread of 119')).toBeVisible();
    await page.getByRole('combobox', { name: 'Show' }).selectOption('read');
    await expect(list(page).locator('.row-title').first()).toHaveText(first!);
  } finally {
    await app.stop();
  }
});

test('bad names are refused with a message; deleting a list or tag can be undone', async ({ page, app }) => {
  await openApp(page, app);
  await nav(page).getByRole('button', { name: 'New list' }).click();
  await page.getByRole('textbox', { name: 'New list name' }).fill('   ');
  await page.getByRole('textbox', { name: 'New list name' }).press('Enter');
  await expect(page.getByRole('alert')).toContainText('A list needs a name');
  await page.getByRole('textbox', { name: 'New list name' }).fill('read LATER');
  await page.getByRole('textbox', { name: 'New list name' }).press('Enter');
  await expect(page.getByRole('alert')).toContainText('There is already a list named “Read later”');
  await page.getByRole('textbox', { name: 'New list name' }).fill('Keep');
  await page.getByRole('textbox', { name: 'New list name' }).press('Enter');
  await nav(page).getByRole('button', { name: 'Actions for list Keep' }).click();
  await page.getByRole('menuitem', { name: 'Delete list' }).click();
  await expect(nav(page).getByRole('button', { name: /^Keep/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(nav(page).getByRole('button', { name: /^Keep/ })).toBeVisible();

  await list(page).getByRole('option').first().click();
  await reader(page).getByRole('combobox', { name: 'Add tag' }).fill('survey');
  await reader(page).getByRole('combobox', { name: 'Add tag' }).press('Enter');
  await nav(page).getByRole('button', { name: 'Actions for tag survey' }).click();
  await page.getByRole('menuitem', { name: 'Delete tag' }).click();
  await expect(reader(page).getByRole('button', { name: 'Remove tag survey' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(reader(page).getByRole('button', { name: 'Remove tag survey' })).toBeVisible();
});

test('Markdown in notes renders inert: no script, iframe, javascript: or data: links', async ({ page, app }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await openApp(page, app);
  await list(page).getByRole('option').first().click();
  await reader(page)
    .getByRole('textbox', { name: 'Note' })
    .fill(
      [
        '<script>alert("script")</script>',
        '<iframe src="javascript:alert(1)"></iframe>',
        '<img src=x onerror="alert(2)">',
        '[js](javascript:alert(3)) [data](data:text/html;base64,PHNjcmlwdD5hbGVydCg0KTwvc2NyaXB0Pg==) [ok](https://example.org)',
      ].join('\n\n'),
    );
  const preview = reader(page).getByLabel('Note preview');
  await expect(preview.getByRole('link', { name: 'ok' })).toHaveAttribute('href', 'https://example.org');
  await expect(preview.locator('script, iframe, img')).toHaveCount(0);
  for (const name of ['js', 'data']) {
    const href = await preview.getByText(name, { exact: true }).getAttribute('href');
    expect(href ?? '').not.toMatch(/^(javascript|data):/i);
  }
  await pageSettled(page); // had anything run, its dialog would be open by now
  expect(dialogs).toEqual([]);
  await shoot(page, 'note-inert');
});
