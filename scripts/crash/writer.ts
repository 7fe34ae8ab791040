/**
 * The core under crash tests: opens a library and writes as fast as it can (note saves, and now
 * and then a small digest import), printing one line per acknowledged write: `note <paperId> <n>`
 * or `digest <name>`. The harness kills it with SIGKILL at a random moment.
 */
import type { HandlerMap } from '../../src/api/contract';
import { dispatch } from '../../src/boundary/dispatch';
import { openCore } from '../../src/core';

const [dataDir, samplePath, runId] = process.argv.slice(2);
const core = await openCore({ dataDir, samplePath });
const call = async (name: string, arg: unknown) => {
  const envelope = await dispatch(core.handlers as HandlerMap, name, arg);
  if (!envelope.ok) throw new Error(`${name}: ${envelope.error.message}`);
  return envelope.value as never;
};
const { items } = (await call('papers.query', { limit: 20 })) as { items: { id: string }[] };
console.log('ready');
// Each run counts from its own base, above every earlier run's numbers.
const base = (Number(runId) + 1) * 10_000_000;
for (let n = 1; ; n++) {
  if (n % 25 === 0) {
    const name = `crash-${runId}-${n}`;
    const text = `${name}: a paper imported under fire\n\nAn abstract written by the crash test, run ${runId}, step ${n}, so that every digest is new.\n`;
    await call('digests.import', { name, text, source: 'paste' });
    console.log(`digest ${name}`);
  } else {
    const paper = items[n % items.length].id;
    // Notes of growing size: the journal sees small writes and large ones.
    await call('notes.save', { paperId: paper, text: `${base + n} ${'x'.repeat((n * 97) % 20_000)}` });
    console.log(`note ${paper} ${base + n}`);
  }
}
