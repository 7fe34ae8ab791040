import AxeBuilder from '@axe-core/playwright';
import { expect, openApp, shoot, test } from './fixtures';

interface Page {
  id: string;
  title: string;
}

for (const theme of ['light', 'dark'] as const) {
  test(`Backups: lists what each backup holds, restores one, and undoes the restore (${theme})`, async ({ page, app }) => {
    const [first, second] = (await app.call<{ items: Page[] }>('papers.query', { limit: 2 })).items;
    await app.call('notes.save', { paperId: first.id, text: 'A note worth keeping.' });
    await app.call('tags.add', { paperIds: [first.id, second.id], names: ['to cite'] });
    await app.call('lists.create', { name: 'Thesis' });
    await app.call('backups.create');
    // Then the note is lost (deleted by mistake): the backup still holds it.
    await app.call('notes.save', { paperId: first.id, text: '' });

    await page.emulateMedia({ colorScheme: theme });
    await openApp(page, app);
    await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'Backups' }).click();
    const dialog = page.getByRole('dialog', { name: 'Backups' });
    const rows = dialog.getByRole('row', { name: /^Backup of/ });
    await expect(rows.first()).toBeVisible();
    const withNote = rows.filter({ has: page.getByRole('cell', { name: '1', exact: true }) }).first();
    await expect(withNote.getByRole('cell')).toHaveText(['1', '1', '1', '0', /Restore/]);
    const axe = await new AxeBuilder({ page }).include('dialog').analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    await shoot(page, `backups-${theme}`);

    await withNote.getByRole('button', { name: /^Restore the backup of/ }).click();
    await withNote.getByRole('button', { name: 'Replace my data' }).click();
    await expect(page.getByRole('status').getByText(/Restored the backup of/)).toBeVisible();
    await expect.poll(() => app.call<{ text: string } | null>('notes.get', { paperId: first.id })).toMatchObject({ text: 'A note worth keeping.' });
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => app.call('notes.get', { paperId: first.id })).toBeNull();
  });
}
