import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { handler, joinHandlers } from '../../../src/api/contract';
import { dispatch } from '../../../src/boundary/dispatch';
import { openCore } from '../../../src/core';
import { tempDir } from '../../helpers';

describe('the contract', () => {
  it('refuses two domains that claim one handler name', () => {
    const a = { 'papers.get': handler(z.object({}), () => 1) };
    const b = { 'papers.get': handler(z.object({}), () => 2) };
    expect(() => joinHandlers(a, b)).toThrow(/defined twice/);
  });

  it('turns thrown errors into messages without leaking a crash', async () => {
    const map = {
      'x.fail': handler(z.object({}), () => {
        throw new Error('disk on fire');
      }),
    };
    expect(await dispatch(map, 'x.fail', {})).toEqual({ ok: false, error: { code: 'internal', message: expect.stringMatching(/disk on fire/) } });
    expect(await dispatch(map, '__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown-handler' } });
  });

  it('names every handler domain.verb', async () => {
    const core = await openCore({ dataDir: tempDir() });
    for (const name of Object.keys(core.handlers)) expect(name).toMatch(/^[a-z]+\.[a-z][a-zA-Z]*$/);
    await core.close();
  });

  it('imports the sample once, on the first run only', async () => {
    const dir = tempDir();
    const sample = (await import('../../helpers')).SAMPLE_PATH;
    const first = await openCore({ dataDir: dir, samplePath: sample });
    expect(await dispatch(first.handlers, 'digests.list', {})).toMatchObject({
      ok: true,
      value: { paperCount: 119, digests: [{ name: 'Trending papers (sample)', source: 'sample' }] },
    });
    await first.close();
    const second = await openCore({ dataDir: dir, samplePath: sample });
    expect(await dispatch(second.handlers, 'digests.list', {})).toMatchObject({ ok: true, value: { digests: [expect.anything()] } });
    await second.close();
  });
});
