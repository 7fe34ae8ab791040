import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Api } from '../../../src/api';
import { dispatch } from '../../../src/boundary/dispatch';
import { openCore, type Core } from '../../../src/core';
import { paperId, titleKey } from '../../../src/digest/identity';
import { tempDir } from '../../helpers';

async function call<K extends keyof Api>(core: Core, name: K, arg: Api[K]['arg']): Promise<Api[K]['result']> {
  const envelope = await dispatch(core.handlers, name, arg);
  if (!envelope.ok) throw new Error(envelope.error.message);
  return envelope.value as Api[K]['result'];
}

const S4C = 'S$^4$C: Speculative Sampling with Syntactic and Semantic Coherence';
const S4C_ABSTRACT = 'We propose speculative sampling that keeps syntactic and semantic coherence across drafts, verified on many benchmarks.';

/** Papers known by their text alone (no arXiv id, no DOI), with maths, accents and escapes in their titles. */
const DIGEST = `@article{a,
  title={${S4C}},
  author={Doe, Jane and Roe, Rich},
  year={2025},
  abstract={${S4C_ABSTRACT}}
}
@article{b,
  title={$\\mathcal{O}(n)$ attention for long documents},
  author={Smith, Ann},
  year={2024},
  abstract={Linear attention with $\\mathcal{O}(n)$ cost for long documents, evaluated on summarisation and retrieval of books.}
}
@article{c,
  title={Schr\\"odinger bridges for {LLM} alignment \\& $\\alpha$-divergences},
  author={M{\\"u}ller, Hans},
  year={2024},
  abstract={We cast alignment as a Schrödinger bridge between distributions of responses and show consistent gains.}
}
@article{d,
  title={Scaling $O(n^2)$ kernels with {GPU}s},
  author={Lee, Kim},
  year={2023},
  abstract={Quadratic kernels scale to millions of points on graphics processors with a tiled algorithm and mixed precision.}
}
`;

const EXPORTS = [
  ['export.ris', 'Library.ris'],
  ['export.cslJson', 'Library.csl.json'],
  ['export.bibtex', 'Library.bib'],
] as const;

describe('identity by title survives the app’s own exports', () => {
  it('a digest of papers with LaTeX titles, exported as RIS, CSL-JSON and BibTeX and imported back, brings no new paper', async () => {
    const core = await openCore({ dataDir: tempDir() });
    try {
      const first = await call(core, 'digests.import', { fileName: 'refs.bib', text: DIGEST, source: 'file' });
      expect(first.added).toBe(4);
      for (const [name, fileName] of EXPORTS) {
        const { text } = await call(core, name, { scope: { kind: 'library' } });
        const back = await call(core, 'digests.import', { fileName, text: text!, source: 'file' });
        expect({ fileName, added: back.added, merged: back.merged }).toEqual({ fileName, added: 0, merged: 4 });
      }
      expect((await call(core, 'papers.query', { limit: 100 })).items).toHaveLength(4);
    } finally {
      await core.close();
    }
  });

  it('a paper stored by an earlier version keeps its id, and its exports find it', async () => {
    const dataDir = tempDir();
    fs.mkdirSync(path.join(dataDir, 'digests'));
    // As an earlier version wrote it: the entry resolved to an id of its own, whatever the hash is now.
    const stored = { id: 'c0ffee0123456789', title: S4C, abstract: S4C_ABSTRACT, authors: ['Jane Doe'] };
    const digest = { id: 'old-digest', name: 'Old', importedAt: '2025-01-01T00:00:00.000Z', format: 'bibtex', source: 'file', contentHash: 'x', paperCount: 1 };
    fs.writeFileSync(path.join(dataDir, 'digests', 'old-digest.json'), JSON.stringify({ version: 2, digest, entries: [stored] }));
    const core = await openCore({ dataDir });
    try {
      const { text } = await call(core, 'export.ris', { scope: { kind: 'library' } });
      expect(text).toContain('TI  - S4C: Speculative');
      expect(await call(core, 'digests.import', { fileName: 'Library.ris', text: text!, source: 'file' })).toMatchObject({ added: 0, merged: 1 });
      expect((await call(core, 'papers.query', { limit: 100 })).items.map((p) => p.id)).toEqual([stored.id]);
    } finally {
      await core.close();
    }
  });

  it('titles meet in one form: maths flattened, TeX accents decoded, accents, Greek, case and punctuation folded', () => {
    expect(titleKey(S4C)).toBe(titleKey('S4C: speculative sampling with syntactic and semantic coherence'));
    expect(titleKey('$\\mathcal{O}(n)$ attention')).toBe(titleKey('O(n) Attention'));
    expect(titleKey('$O(n^2)$ kernels')).toBe(titleKey('O(n^2) kernels'));
    expect(titleKey('Schr\\"odinger bridges')).toBe(titleKey('Schrödinger Bridges'));
    expect(titleKey('Schrödinger bridges')).toBe(titleKey('Schrodinger bridges'));
    expect(titleKey('$\\alpha$-divergences')).toBe(titleKey('α-Divergences'));
    expect(titleKey('$\\alpha$-divergences')).toBe(titleKey('alpha divergences'));
    expect(titleKey('Attention for long documents')).not.toBe(titleKey('Attention for short documents'));
  });

  it('a new paper’s id is the hash it always was, so ids given before and after this form agree', () => {
    // The id version 1 of the app gave this paper (its title normalised as then: "s 4 c speculative …").
    expect(paperId(S4C, 'We propose a method.')).toBe('9493a5be99217426');
  });
});
