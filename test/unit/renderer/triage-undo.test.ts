// Undoing a triage skip takes the skip back: "Best for you" must not keep learning from it.
import { expect, it, vi } from 'vitest';

const paper = (id: string) => ({ id, title: `Paper ${id}`, abstract: '.', state: 'unread', starred: false, notInterested: false });
const skippedBefore = new Set(['b']);
const invoke = vi.fn(async (name: string, arg: { id?: string; paperIds?: string[] }) => {
  if (name === 'papers.query') return { ok: true as const, value: { total: 2, matched: 2, items: [{ id: 'a' }, { id: 'b' }] } };
  if (name === 'papers.get') return { ok: true as const, value: paper(arg.id!) };
  if (name === 'status.skip') return { ok: true as const, value: { alreadySkipped: arg.paperIds!.filter((id) => skippedBefore.has(id)) } };
  return { ok: true as const, value: null };
});
vi.stubGlobal('window', { digestReader: { invoke, subscribe: () => () => {} } });

it('undoes a skip by clearing it, and keeps a skip recorded before triage', async () => {
  const { useApp } = await import('../../../renderer/store');
  const app = () => useApp.getState();
  await app().startTriage('d1');
  await app().triageSkip();
  await app().triageSkip();
  expect(invoke).toHaveBeenCalledWith('status.skip', { paperIds: ['a'] });
  const sets = () => invoke.mock.calls.filter(([name]) => name === 'status.set').map(([, arg]) => arg);
  await app().triageUndo(); // b had been skipped before: it stays skipped
  await app().triageUndo();
  expect(sets()).toEqual([
    { paperIds: ['b'], state: 'unread', starred: false, notInterested: false, skipped: true },
    { paperIds: ['a'], state: 'unread', starred: false, notInterested: false, skipped: false },
  ]);
  expect(app().triage).toMatchObject({ index: 0, history: [] });
});
