import { setImmediate as tick } from 'node:timers/promises';
import { runInNewContext } from 'node:vm';
import { describe, expect, it, vi } from 'vitest';
import { collectGarbage, GrowthCollector } from '../../../src/shared/collect-garbage';

describe('collectGarbage', () => {
  it('frees what nothing holds, at once, in a process started without --expose-gc', async () => {
    expect((globalThis as { gc?: unknown }).gc).toBeUndefined();
    const ref = new WeakRef({ index: new Array(1000).fill(0) });
    await tick(); // a WeakRef's target lives to the end of the turn that made it
    collectGarbage();
    await tick();
    expect(ref.deref()).toBeUndefined();
    // The flag was for that one call: neither this context nor any made later has `gc`.
    expect((globalThis as { gc?: unknown }).gc).toBeUndefined();
    expect(runInNewContext('typeof gc')).toBe('undefined');
  });
});

describe('GrowthCollector', () => {
  it('collects once the heap grew by its growth (or by half, if more) since the last collection, V8’s own included', () => {
    let used = 100;
    const collected: number[] = [];
    const collector = new GrowthCollector(
      50,
      () => used,
      () => {
        collected.push(used);
        used = 80; // what the heap held
      },
    );
    const at = (heap: number) => {
      used = heap;
      collector.check();
    };
    at(140); // 140 from 0: grown by more than 50
    expect(collected).toEqual([140]);
    at(125); // 45 more than the 80 it held: not yet
    expect(collected).toEqual([140]);
    at(130);
    expect(collected).toEqual([140, 130]);
    at(60); // V8 collected by itself: growth counts from here
    at(105);
    expect(collected).toEqual([140, 130]);
    at(110);
    expect(collected).toEqual([140, 130, 110]);
    used = 150;
    collector.reset(); // from the 150 there are now
    at(224); // a large heap grows by half first: 75 from 150
    expect(collected).toEqual([140, 130, 110]);
    at(225);
    expect(collected).toEqual([140, 130, 110, 225]);
  });

  it('checks a moment later, unless asked again meanwhile, and never while the reader searches', () => {
    vi.useFakeTimers();
    try {
      let used = 100;
      let collected = 0;
      const collector = new GrowthCollector(
        50,
        () => used,
        () => collected++,
      );
      collector.soon(2000);
      vi.advanceTimersByTime(1999);
      expect(collected).toBe(0);
      vi.advanceTimersByTime(1);
      expect(collected).toBe(1);
      used = 200;
      collector.soon(2000);
      vi.advanceTimersByTime(1000);
      collector.soon(2000); // a second import ended: the time counts again
      vi.advanceTimersByTime(1500);
      expect(collected).toBe(1);
      vi.advanceTimersByTime(500);
      expect(collected).toBe(2);
      used = 300;
      collector.postpone(); // nothing to come: nothing happens
      vi.advanceTimersByTime(5000);
      expect(collected).toBe(2);
      collector.soon(2000);
      for (let key = 0; key < 10; key++) {
        vi.advanceTimersByTime(1000);
        collector.postpone(); // a search at every second
      }
      expect(collected).toBe(2);
      vi.advanceTimersByTime(2000);
      expect(collected).toBe(3);
    } finally {
      vi.useRealTimers();
    }
  });
});
