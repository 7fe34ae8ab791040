import fc from 'fast-check';
import { lint } from 'markdownlint/sync';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { renderManaged } from '../../../src/export/managed-region';
import { collectionMarkdown, escapeText, link, paperMarkdown } from '../../../src/export/markdown';
import { planMarkdown, renderPlanned } from '../../../src/export/markdown-export';
import { exportRecords } from '../../../src/export/paper-record';
import { resolveScope } from '../../../src/export/scope';
import { annotatedLibrary, BAD_TITLES, record } from './helpers';

/** markdownlint's default rules, except line length: abstracts are one long paragraph. */
function lintErrors(files: Record<string, string>): string {
  return lint({ strings: files, config: { default: true, MD013: false } }).toString();
}

const html = (markdown: string) => micromark(markdown, { extensions: [gfm()], htmlExtensions: [gfmHtml()] });
const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

const HOSTILE = [
  '<script>alert(1)</script> and <img src=x onerror=alert(2)>',
  '# not a heading',
  '- not a list',
  '+ nor this',
  '1. nor this',
  '> nor a quote',
  '---',
  '*emphasis* _under_ **strong** `code` ~~strike~~ ==mark== $x^2$ and $$y$$',
  '[a link](javascript:alert(1)) ![img](x.png) [[wiki]] #tag',
  'AT&T &amp; &#60; entities',
  'Code at https://github.com/org/repo_name, see www.example.org/page. Or (https://x.org/a_(b)).',
  'a | table | row',
  'back\\slash\\*',
  'an Obsidian %%comment%% and 100%% sure',
  'ends like a block id ^abc-1',
  'x^2 and a footnote[^1]',
];

describe('Markdown of a paper', () => {
  it('puts the abstract, the highlights with their comments, then the note as written', () => {
    const body = paperMarkdown(record()).body;
    expect(body).toBe(
      [
        '## Abstract',
        'The dominant sequence transduction models are based on complex recurrent or convolutional neural networks.',
        '## Highlights',
        '- > sequence transduction models\n\n  the task\n- > recurrent or convolutional',
        '## Note',
        'Worth rereading.\n\n- the positional encodings\n- multi-head attention',
      ].join('\n\n'),
    );
  });

  it('the whole sample library, annotated, passes markdownlint', async () => {
    const { ctx } = await annotatedLibrary();
    const scope = resolveScope(ctx, { kind: 'library' });
    const files = renderPlanned(planMarkdown(scope, exportRecords(ctx, scope.papers), { wikiLinks: true }));
    expect(files).toHaveLength(119);
    expect(lintErrors(Object.fromEntries(files.map((f) => [f.name, f.text])))).toBe('');
  });

  it('hostile titles, abstracts and quotes pass markdownlint and render as the same text, never as markup', () => {
    const files: Record<string, string> = {};
    for (const [i, text] of [...HOSTILE, ...BAD_TITLES].entries()) {
      files[`${i}.md`] = renderManaged(
        paperMarkdown(
          record({
            title: text,
            abstract: `${text} ${text}`,
            highlights: [
              { quote: text, comment: '' },
              { quote: text, comment: text },
            ],
          }),
        ),
      );
    }
    expect(lintErrors(files)).toBe('');
  });

  it('leaves no Obsidian comment (%%) or block id (a trailing ^id) in the text it writes', () => {
    for (const text of ['%%hidden%%', 'a %%% b', 'ends ^abc-1', 'ends ^abc\n\nnext']) {
      const out = escapeText(text);
      expect(out).not.toMatch(/(^|[^\\])%%/);
      expect(out).not.toMatch(/(^|\s)\^[\w-]+\s*$/);
    }
  });

  it.each(HOSTILE)('escaped text %j renders to exactly that text', (text) => {
    const out = html(escapeText(text));
    expect(out).not.toMatch(/<(?!\/?p>|a href="https?:|\/a>)/);
    expect(decode(out.replace(/<[^>]+>/g, ''))).toBe(text.replace(/\s+/g, ' ').trim());
  });

  it('any text renders as itself', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'ab #*_`<>[]()!~=$&;|\\-+.1:/\n%^'.split('')), maxLength: 60 }), (text) => {
        const out = html(escapeText(text));
        expect(out.replace(/<\/?p>/g, '')).not.toMatch(/</);
        expect(decode(out.replace(/<\/?p>\n?/g, ''))).toBe(text.replace(/\s+/g, ' ').trim());
      }),
      { numRuns: 500 },
    );
  });
});

describe('index files', () => {
  const papers = [
    { title: 'Attention Is All You Need', file: 'Attention Is All You Need.md' },
    { title: 'Input/Output: a survey', file: 'Input-Output - a survey.md' },
    { title: 'Why (not)?', file: 'Why (not) (abcdef).md' },
  ];
  const list = { kind: 'list' as const, id: 'l1', name: 'To read' };

  it('link with [[wiki links]], aliased when the title is not the file name', () => {
    expect(collectionMarkdown(list, papers, true).body).toBe(
      '## Papers\n\n- [[Attention Is All You Need]]\n- [[Input-Output - a survey|Input/Output: a survey]]\n- [[Why (not) (abcdef)|Why (not)?]]',
    );
  });

  it('or with standard links that resolve to the files', () => {
    const body = collectionMarkdown(list, papers, false).body;
    expect(body).toContain('- [Attention Is All You Need](Attention%20Is%20All%20You%20Need.md)');
    const hrefs = [...html(body).matchAll(/href="([^"]+)"/g)].map((m) => decodeURIComponent(m[1]));
    expect(hrefs).toEqual(papers.map((p) => p.file));
  });

  it('pass markdownlint either way', () => {
    expect(lintErrors({ wiki: renderManaged(collectionMarkdown(list, papers, true)), std: renderManaged(collectionMarkdown(list, papers, false)) })).toBe('');
    expect(link({ title: 'A [b] | c', file: 'A (b) - c.md' }, true)).toBe('[[A (b) - c|A b c]]');
  });
});
