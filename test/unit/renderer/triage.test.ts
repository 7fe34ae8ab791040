// Triage when a paper cannot be opened: it says so, and skipping moves on (it used to wait forever).
import { expect, it, vi } from 'vitest';

const paperB = { id: 'b', title: 'Paper B', abstract: 'B.', state: 'unread', starred: false };
const invoke = vi.fn(async (name: string, arg: { id?: string }) => {
  if (name === 'papers.query') return { ok: true as const, value: { total: 2, matched: 2, items: [{ id: 'a' }, { id: 'b' }] } };
  if (name === 'papers.get' && arg.id === 'b') return { ok: true as const, value: paperB };
  return { ok: false as const, error: { code: 'not-found', message: `no ${name} for ${arg.id ?? 'this'}` } };
});
vi.stubGlobal('window', { digestReader: { invoke, subscribe: () => () => {} } });

it('shows a paper that could not be opened as such, and x skips to the next', async () => {
  const { useApp } = await import('../../../renderer/store');
  await useApp.getState().startTriage('d1');
  expect(useApp.getState().triage).toMatchObject({ index: 0, paper: null, loading: false });
  await useApp.getState().triageRead(); // nothing to mark: the paper is not there
  expect(invoke).not.toHaveBeenCalledWith('status.set', expect.anything());
  await useApp.getState().triageSkip();
  expect(useApp.getState().triage).toMatchObject({ index: 1, paper: { id: 'b' }, loading: false, history: [] });
});
