import { createElement, Fragment } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Highlighted, inlineLatex } from '../../../renderer/components/Highlighted';
import { mathNodes } from '../../../renderer/inline-math';

const html = (text: string) => renderToStaticMarkup(createElement(Fragment, null, inlineLatex(text)));

describe('inline maths as a reader sees it', () => {
  it('turns symbols, scripts, fractions and faces into text', () => {
    expect(mathNodes('2.26\\times')).toEqual(['2.26×']);
    expect(mathNodes('O(n^2 \\log n)')).toEqual(['O(n', { sup: ['2'] }, ' log n)']);
    expect(mathNodes('\\mathcal{L}_{\\text{KL}}')).toEqual(['L', { sub: ['KL'] }]);
    expect(mathNodes('\\mathbb{R}^{d}')).toEqual(['ℝ', { sup: ['d'] }]);
    expect(mathNodes('\\frac{1}{\\sqrt{d}}')).toEqual(['1/√d']);
    expect(mathNodes('\\hat{y}\\approx 10\\%')).toEqual(['ŷ≈10%']);
    expect(mathNodes('\\left( a \\right)')).toEqual(['( a )']);
  });

  it('keeps the source of what it cannot show faithfully', () => {
    for (const tex of ['\\begin{matrix}', '\\unknowncommand x', 'a^', '{a', 'a}', '\\frac{a^2}{b}', 'x'.repeat(201)]) expect(mathNodes(tex)).toBeUndefined();
  });

  it('renders in titles and abstracts, with the source as a tooltip; money and lone dollars stay text', () => {
    expect(html('reaching a $2.26\\times$ speed-up')).toBe(
      'reaching a <span class="math" title="$2.26\\times$" data-tex="$2.26\\times$">2.26×</span> speed-up',
    );
    expect(html('S$^4$C')).toBe('S<span class="math" title="$^4$" data-tex="$^4$">Ⓢ</span>C'.replace('Ⓢ', '<sup>4</sup>'));
    expect(html('$\\scriptsize\\mathtt{F}$Laws')).toBe('<span class="latex-tt" data-tex="$\\scriptsize\\mathtt{F}$">F</span>Laws');
    expect(html('costs $5 and $10 a month')).toBe('costs $5 and $10 a month');
    expect(html('a $\\weird{x}$ formula')).toBe('a $\\weird{x}$ formula');
    expect(html('<script>$x$')).toBe('&lt;script&gt;<span class="math" title="$x$" data-tex="$x$">x</span>');
  });

  it('shows text in a face outside maths in that face, as arXiv and Hugging Face send it', () => {
    expect(html('$\\mathtt{F}$Laws with \\textbf{Few} Examples')).toBe(
      '<span class="latex-tt" data-tex="$\\mathtt{F}$">F</span>Laws with <span class="latex-bf" data-tex="\\textbf{Few}">Few</span> Examples',
    );
    expect(html('(\\textit{e.g.}, \\emph{not} \\textsc{caps})')).toBe(
      '(<span class="latex-it" data-tex="\\textit{e.g.}">e.g.</span>, <span class="latex-it" data-tex="\\emph{not}">not</span> <span class="latex-rm" data-tex="\\textsc{caps}">caps</span>)',
    );
    // Escaped, nested or unclosed commands are left as they are.
    expect(html('\\\\textbf{x} \\textbf{a {b} c} \\textbf{open')).toBe('\\\\textbf{x} \\textbf{a {b} c} \\textbf{open');
    expect(html('\\textbf{<b>x</b>}')).toBe('<span class="latex-bf" data-tex="\\textbf{&lt;b&gt;x&lt;/b&gt;}">&lt;b&gt;x&lt;/b&gt;</span>');
  });

  it('marks a searched word inside text in a face, and a formula it touches whole', () => {
    const text = 'the \\textbf{agentic supernet} at $O(n^2)$ cost';
    const marks = (ranges: [number, number][]) => renderToStaticMarkup(createElement(Highlighted, { text, ranges }));
    const at = (word: string): [number, number] => [text.indexOf(word), text.indexOf(word) + word.length];
    expect(marks([at('agentic'), at('cost')])).toBe(
      'the <span class="latex-bf" data-tex="\\textbf{agentic supernet}"><mark>agentic</mark> supernet</span> at <span class="math" title="$O(n^2)$" data-tex="$O(n^2)$">O(n<sup>2</sup>)</span> <mark>cost</mark>',
    );
    expect(marks([at('n^2')])).toContain('<mark><span class="math" title="$O(n^2)$"');
    expect(marks([])).toBe(html(text));
  });
});
