import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Corpus } from '../../../src/library/corpus';
import { tempDir } from '../../helpers';

const good = {
  version: 1,
  digest: { id: 'd1', name: 'Good', importedAt: '2026-01-01T00:00:00.000Z', format: 'trending', source: 'file', contentHash: 'h1', paperCount: 1 },
  entries: [{ id: 'p1', title: 'A paper', abstract: 'Its abstract.' }],
};

describe('digest files of the wrong shape', () => {
  const shapes: [string, unknown][] = [
    ['without importedAt', { ...good, digest: { ...good.digest, id: 'd2', importedAt: undefined } }],
    ['with entries that are not papers', { ...good, digest: { ...good.digest, id: 'd3' }, entries: [{ id: 'p2', title: null }] }],
    ['with a digest that is null', { ...good, digest: null }],
    ['that is an array', [good]],
  ];
  for (const [what, shape] of shapes) {
    it(`sets aside a digest file ${what}, says so, and loads the others`, () => {
      const dir = tempDir();
      fs.mkdirSync(path.join(dir, 'digests'));
      fs.writeFileSync(path.join(dir, 'digests', 'd1.json'), JSON.stringify(good));
      fs.writeFileSync(path.join(dir, 'digests', 'bad.json'), JSON.stringify(shape));
      const corpus = new Corpus(dir);
      expect(corpus.digests.map((d) => d.name)).toEqual(['Good']);
      expect(corpus.paperCount).toBe(1);
      expect(corpus.warnings).toEqual([expect.objectContaining({ code: 'digest-corrupt' })]);
      expect(fs.readdirSync(path.join(dir, 'digests')).filter((f) => f.startsWith('bad.json.corrupt-'))).toHaveLength(1);
    });
  }
});
