// Every argument of the contract is size-limited by its schema: a page (or anything that reaches
// the port) cannot make the core hold or store an unbounded text or list. Undo restores by id only.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { dispatch } from '../../../src/boundary/dispatch';
import { openCore, type Core } from '../../../src/core';
import { tempDir } from '../../helpers';

let core: Core;
beforeAll(async () => {
  core = await openCore({ dataDir: tempDir() });
});
afterAll(() => core.close());

interface Def {
  type: string;
  checks?: { _zod: { def: { check: string } } }[];
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  in?: z.ZodType;
  out?: z.ZodType;
}

/** The paths inside a schema where a string or an array has no maximum length. */
function unbounded(schema: z.ZodType, at = 'arg'): string[] {
  const def = (schema as unknown as { _zod: { def: Def } })._zod.def;
  const hasMax = def.checks?.some((c) => c._zod.def.check === 'max_length') ?? false;
  switch (def.type) {
    case 'string':
      return hasMax ? [] : [at];
    case 'array':
      return [...(hasMax ? [] : [at]), ...unbounded(def.element!, `${at}[]`)];
    case 'object':
      return Object.entries(def.shape!).flatMap(([key, s]) => unbounded(s, `${at}.${key}`));
    case 'optional':
    case 'nullable':
    case 'default':
      return unbounded(def.innerType!, at);
    case 'union':
      return def.options!.flatMap((s) => unbounded(s, at));
    case 'pipe':
      return [...unbounded(def.in!, at), ...unbounded(def.out!, at)];
    case 'number':
    case 'boolean':
    case 'enum':
    case 'literal':
      return [];
    default:
      // A record or anything else has no length to bound: refused outright.
      return [`${at} (${def.type})`];
  }
}

describe('handler arguments', () => {
  it('bound every text and every list', () => {
    // The check itself sees what is missing.
    expect(unbounded(z.object({ a: z.string(), b: z.array(z.string().max(1)).optional(), c: z.record(z.string(), z.number()) }))).toEqual([
      'arg.a',
      'arg.b',
      'arg.c (record)',
    ]);
    const found = Object.entries(core.handlers).flatMap(([name, h]) => unbounded(h.input).map((path) => `${name}: ${path}`));
    expect(found).toEqual([]);
  });

  it('restore by id alone: an undo never carries the deleted rows', () => {
    const restores = Object.entries(core.handlers).filter(([name]) => /\.restore/.test(name));
    expect(restores.map(([name]) => name).sort()).toEqual([
      'backups.restore',
      'compare.restore',
      'compare.restoreAttribute',
      'highlights.restore',
      'lists.restore',
      'smart.restore',
      'sources.restore',
      'tags.restore',
    ]);
    for (const [, h] of restores) {
      const shape = (h.input as unknown as { shape: Record<string, unknown> }).shape;
      expect(Object.keys(shape).every((k) => k === 'id' || k === 'attributeId')).toBe(true);
    }
  });

  it('answer anything sent to a restore with a typed error, never a crash', async () => {
    const names = ['compare.restore', 'compare.restoreAttribute', 'highlights.restore', 'lists.restore', 'smart.restore', 'sources.restore', 'tags.restore'];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...names), fc.anything(), async (name, arg) => {
        const answer = await dispatch(core.handlers, name, arg);
        expect(answer.ok).toBe(false);
        if (!answer.ok) expect(['invalid-argument', 'not-found']).toContain(answer.error.code);
      }),
      { numRuns: 200 },
    );
  });
});
