import { afterEach, describe, expect, it } from 'vitest';
import type { Worker } from 'node:worker_threads';
import { AnswerChannel } from '../../../src/search/answer-channel';
import type { IndexReply } from '../../../src/search/index-protocol';
import { endWorker, startWorker } from '../../../src/shared/worker';

const FIXTURE = new URL('../../fixtures/workers/answering-worker.ts', import.meta.url).href;
const workers: Worker[] = [];
afterEach(async () => {
  await Promise.all(workers.splice(0).map(endWorker));
});

/** A channel, and a worker that answers on it once let go (`release`). */
async function answering(mayWatch: boolean, watchMs: number) {
  const got: IndexReply[] = [];
  let arrived: () => void = () => {};
  const answer = new Promise<void>((resolve) => (arrived = resolve));
  const channel = new AnswerChannel(
    (reply) => {
      got.push(reply);
      arrived();
    },
    { mayWatch, watchMs },
  );
  const go = new Int32Array(new SharedArrayBuffer(4));
  const worker = startWorker('answering-worker', FIXTURE, { answers: channel.forWorker, go: go.buffer }, [channel.forWorker.port]);
  workers.push(worker);
  await new Promise((ready) => worker.once('message', ready));
  const release = () => {
    Atomics.store(go, 0, 1);
    Atomics.notify(go, 0);
  };
  return { channel, got, answer, release };
}

describe('the index worker’s answers, watched for', () => {
  it('hands an answer over as soon as it is posted, before the event loop turns', async () => {
    const { channel, got, release } = await answering(true, 5_000); // however loaded the machine
    release();
    channel.watch(() => got.length > 0);
    // No await between: the answer was taken while watching.
    expect(got).toEqual([{ seq: 1, ok: true, value: 'found' }]);
    channel.close();
  });

  it('stops watching after a while, and the answer comes through the event loop', async () => {
    const { channel, got, answer, release } = await answering(true, 5);
    channel.watch(() => got.length > 0); // nothing is posted until the watch gives up
    expect(got).toEqual([]);
    release();
    await answer;
    expect(got).toEqual([{ seq: 1, ok: true, value: 'found' }]);
    channel.close();
  });

  it('counts the answers posted, for work done while waiting to tell when the answer is there', async () => {
    const { channel, release } = await answering(true, 5_000);
    expect(channel.posted).toBe(0);
    expect(channel.willWatch()).toBe(true);
    release();
    await expect.poll(() => channel.posted).toBe(1);
    channel.close();
  });

  it('does not watch where the threads would share a core', async () => {
    const { channel, got, answer, release } = await answering(false, 5_000);
    release();
    expect(channel.watch(() => got.length > 0)).toBe(false);
    expect(got).toEqual([]);
    await answer;
    expect(got).toHaveLength(1);
    channel.close();
  });

  it('does not watch when the last answer took longer than a watch lasts', async () => {
    const { channel, got, answer, release } = await answering(true, 5_000);
    release();
    expect(channel.watch(() => got.length > 0, 6_000)).toBe(false);
    expect(got).toEqual([]);
    await answer;
    expect(got).toHaveLength(1);
    channel.close();
  });
});
