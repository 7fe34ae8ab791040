// The desktop path of an import: the shell imports a file and sends 'import.finished' through the
// preload's transport; the page opens the import dialog on its report and shows that digest.
import { expect, it, vi } from 'vitest';
import type { EventName, Events } from '../../../src/api';

let push: (event: EventName, payload: Events[EventName]) => void = () => {};
const invoke = vi.fn(async (name: string) => ({ ok: false as const, error: { code: 'test', message: `no ${name} here` } }));
vi.stubGlobal('window', {
  digestReader: {
    invoke,
    subscribe(listener: typeof push) {
      push = listener;
      return () => {};
    },
  },
});

it('shows the report of an import made by the desktop menu, and opens that digest', async () => {
  const { connectEvents, useApp } = await import('../../../renderer/store');
  const off = connectEvents();
  const digest = { id: 'd1', name: 'Monday', source: 'file', importedAt: '2026-01-01T00:00:00.000Z', paperCount: 3 };
  push('import.finished', { name: 'Monday', report: { digest, alreadyImported: null, added: 3, merged: 0, skipped: [] } as never, error: null });
  expect(useApp.getState()).toMatchObject({
    importOpen: true,
    importResults: [{ name: 'Monday', report: { added: 3 }, error: null }],
    view: { kind: 'digest', id: 'd1' },
  });
  expect(invoke).toHaveBeenCalledWith('papers.query', expect.objectContaining({ digestId: 'd1' }));

  push('import.finished', { name: 'broken', report: null, error: '“broken.txt” is not a file.' });
  // A second file of the same batch adds its own report while the dialog shows.
  expect(useApp.getState().importResults).toEqual([
    expect.objectContaining({ name: 'Monday', error: null }),
    { name: 'broken', report: null, error: '“broken.txt” is not a file.' },
  ]);
  off();
});
