// A smart list's rule tags, lists and stars the papers an import brings: that is the rule's doing, not the
// reader's, so "Best for you" does not learn from it and those papers stay among the ones to judge.
// What the reader sets themselves counts, on those papers too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Core, openCore } from '../../../src/core';
import { readSignals } from '../../../src/rank/signals';
import { downgrade } from '../../../src/storage/schema';
import { SAMPLE, tempDir } from '../../helpers';
import { caller } from '../sources/helpers';

let core: Core;
let call: ReturnType<typeof caller>;
/** The papers the rule tagged "moe", put in the list "Queue" and starred. */
let byRule: string[];
let queue: string;
const signals = () => readSignals(core.store.data, () => true);

beforeAll(async () => {
  core = await openCore({ dataDir: tempDir(), ranking: { debounceMs: 0 } });
  call = caller(core);
  queue = (await call('lists.create', { name: 'Queue' })).id;
  await call('smart.create', { name: 'Experts', query: 'experts', rule: { tag: 'moe', star: true, listId: queue } });
  const report = await call('digests.import', { name: 'Sample', text: SAMPLE, source: 'paste' });
  byRule = report.matches[0].newPaperIds;
}, 60_000);
afterAll(() => core.close());

describe('tags, lists and stars a smart list’s rule set', () => {
  it('are on the papers, but neither signals for "Best for you" nor judgements', async () => {
    expect(byRule.length).toBeGreaterThanOrEqual(7);
    expect(await call('papers.get', { id: byRule[0] })).toMatchObject({ starred: true, tags: [{ name: 'moe' }], lists: [{ id: queue }] });
    const status = await call('ranking.status', { wait: true });
    expect(status).toMatchObject({ state: 'not-enough-signal', positives: 0, tags: [] });
    expect(signals()).toMatchObject({ positives: [], byTag: {} });
    // Still to judge: `rank` lists them.
    const fresh = await call('papers.query', { judged: false, limit: 1000 });
    expect(byRule.filter((id) => !fresh.items.some((p) => p.id === id))).toEqual([]);
    expect((await call('papers.query', { judged: true })).total).toBe(0);
  });

  it('count once the reader sets them: starring, tagging or listing again, or taking off and putting back', async () => {
    const [starred, tagged, restarred, retagged, , listed] = byRule;
    await call('status.set', { paperIds: [starred], starred: true });
    await call('tags.add', { paperIds: [tagged], names: ['moe'] });
    await call('status.set', { paperIds: [restarred], starred: false });
    await call('status.set', { paperIds: [restarred], starred: true });
    await call('tags.add', { paperIds: [retagged], names: ['other'] });
    const moe = (await call('tags.list', {})).find((t) => t.name === 'moe')!;
    await call('tags.remove', { paperIds: [retagged], tagId: moe.id });
    await call('tags.add', { paperIds: [retagged], names: ['moe'] });
    await call('lists.add', { id: queue, paperIds: [listed] });
    const s = signals();
    expect(s.positives).toEqual([starred, tagged, restarred, retagged, listed].sort());
    expect([...s.kinds.get(listed)!]).toEqual(['listed']);
    expect(s.byTag[moe.id]).toEqual([tagged, retagged].sort());
    expect([...s.kinds.get(starred)!]).toEqual(['starred']);
    const status = await call('ranking.status', { wait: true });
    expect(status).toMatchObject({ state: 'ready', positives: 5 });
    const judged = await call('papers.query', { judged: true, limit: 100 });
    expect(judged.items.map((p) => p.id).sort()).toEqual([starred, tagged, restarred, retagged, listed].sort());
    // Taken out of the list by the reader, it is no longer there to count.
    await call('lists.remove', { id: queue, paperIds: [listed] });
    expect(signals().positives).not.toContain(listed);
  });

  it('a tag merged into another stays the rule’s where neither was the reader’s', async () => {
    const [, tagged, , retagged, onlyRule] = byRule;
    const [mine] = await call('tags.add', { paperIds: [onlyRule], names: ['mine'] });
    const moe = (await call('tags.list', {})).find((t) => t.name === 'moe')!;
    await call('tags.rename', { id: moe.id, name: 'mine' });
    // The reader's "moe" papers and their own "mine" one count; the rule's "moe" papers do not.
    expect(signals().byTag).toEqual({ [mine.id]: [tagged, retagged, onlyRule].sort(), ...otherTags() });
    expect(byRule.slice(6).every((id) => !signals().positives.includes(id))).toBe(true);
    // Data written for an older version keeps no trace of the marks.
    expect(downgrade(core.store.data, 4)).not.toHaveProperty('ruleMarks');
  });
});

/** The reader's "other" tag, set in the test before. */
function otherTags() {
  const other = Object.values(core.store.data.tags).find((t) => t.name === 'other')!;
  return { [other.id]: [byRule[3]] };
}
