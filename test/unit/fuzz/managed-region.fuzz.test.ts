import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ownerOf, renderManaged, updateManaged, type Managed } from '../../../src/export/managed-region';

const managed: Managed = { owner: 'paper:0123456789abcdef', frontMatter: { title: 'A paper', tags: ['x'] }, body: '# A paper\n\nIts abstract.' };
const file = renderManaged(managed);

/** Pieces a Markdown file in a vault is made of, the app's markers and fences among them. */
const piece = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '---\n',
    '---',
    '\n',
    '\r\n',
    '<!-- digest-reader:begin owner="paper:0123456789abcdef" hash="00" -->',
    '<!-- digest-reader:end -->',
    'title: [unclosed',
    'tags:\n  - a\n',
    ': : :',
    '\u0000',
    '𝔘',
  ),
);
const text = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(''));

describe('Markdown re-import of managed regions, fuzzed', () => {
  it('answers any existing file with unchanged, updated or a conflict with its reason, never an exception', () => {
    fc.assert(
      fc.property(text, fc.boolean(), (existing, overwrite) => {
        const result = updateManaged(existing, managed, overwrite);
        expect(['unchanged', 'updated', 'conflict']).toContain(result.status);
        if (result.status === 'conflict') expect(result.reason).toMatch(/\w/);
        ownerOf(existing);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps whatever the reader wrote before and after the exported part', () => {
    fc.assert(
      fc.property(text, text, (before, after) => {
        const safe = (s: string) => s.replace(/<!--|---/g, '');
        const edited = file.replace('<!-- digest-reader:begin', () => `${safe(before)}\n\n<!-- digest-reader:begin`).concat(`\n${safe(after)}\n`);
        const result = updateManaged(edited, { ...managed, body: '# A paper\n\nA new abstract.' });
        if (result.status !== 'updated') return; // a conflict leaves the file alone, which keeps it too
        expect(result.text).toContain(safe(before).replace(/\r\n?/g, '\n').trim());
        expect(result.text).toContain(safe(after).replace(/\r\n?/g, '\n').trim());
        expect(result.text).toContain('A new abstract.');
      }),
      { numRuns: 500 },
    );
  });
});
