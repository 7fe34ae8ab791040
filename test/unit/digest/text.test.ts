import { describe, expect, it } from 'vitest';
import { decodeBibtexText, plainTitle } from '../../../src/digest/latex';
import { htmlToText, isoDate, joinWrapped, naturalName, splitAuthors } from '../../../src/digest/text';

describe('plainTitle', () => {
  it.each([
    ['S$^4$C: Speculative Sampling', 'S4C: Speculative Sampling'],
    ['$\\mathtt{F}$Laws', 'FLaws'],
    ['\\textbf{X} marks', 'X marks'],
    ['Caf\\\'e and \\"Ubersetzung', 'Café and Übersetzung'],
    ['A -- B --- C', 'A – B — C'],
    ['$\\alpha$-Nets with $\\mathcal{O}(n^2)$ cost', 'α-Nets with O(n2) cost'],
    ['{LLM}s  and\n  more', 'LLMs and more'],
  ])('flattens %s', (title, plain) => {
    expect(plainTitle(title)).toBe(plain);
  });
});

describe('BibTeX text', () => {
  it('decodes accents and escapes, drops grouping braces, keeps maths and commands', () => {
    expect(decodeBibtexText("S$^4$C for {LLM} Caf\\'e \\& co, 50\\% {\\em fast} \\textbf{bold}")).toBe('S$^4$C for LLM Café & co, 50% fast \\textbf{bold}');
    expect(decodeBibtexText('Fran{\\c{c}}ois M{\\"u}ller \\v{S}koda \\ss{} \\o')).toBe('François Müller Škoda ß ø');
  });
});

describe('joinWrapped', () => {
  it('joins hard-wrapped lines and keeps paragraph breaks', () => {
    expect(joinWrapped('  First line\nwraps here.\n\nSecond   para\ngoes on.  ')).toBe('First line wraps here.\n\nSecond para goes on.');
  });
  it("takes arXiv's indented line as a new paragraph", () => {
    expect(joinWrapped('  One sentence that\nwraps once.\n  A new paragraph\nwraps too.')).toBe('One sentence that wraps once.\n\nA new paragraph wraps too.');
  });
});

describe('HTML in abstracts', () => {
  it('strips tags, decodes the HTML entities once, and leaves maths with < and > alone', () => {
    expect(htmlToText('<p>A &amp;amp; B</p><p>C</p>')).toBe('\n\nA &amp; B\n\n\n\nC\n\n');
    expect(htmlToText('if $a<b$ and $c>d$ then')).toBe('if $a<b$ and $c>d$ then');
    expect(htmlToText('<jats:title>Abstract</jats:title><jats:p>Body <i>text</i></jats:p>').trim()).toBe('Body text');
  });
});

describe('authors and dates', () => {
  it('splits author lists and drops affiliations', () => {
    expect(splitAuthors('A. One (MIT, USA), B. Two and C. Three')).toEqual(['A. One', 'B. Two', 'C. Three']);
    expect(splitAuthors('A, B, and C')).toEqual(['A', 'B', 'C']);
    expect(naturalName('Bowman, Samuel R.')).toBe('Samuel R. Bowman');
  });
  it('reads a suffix in RIS order (Last, First, Suffix) and in BibTeX order (Last, Suffix, First)', () => {
    expect(naturalName('King, Martin Luther, Jr.')).toBe('Martin Luther King, Jr.');
    expect(naturalName('King, Jr., Martin Luther')).toBe('Martin Luther King, Jr.');
    expect(naturalName('Gates, William H., III')).toBe('William H. Gates, III');
  });
  it('reads the dates feeds carry', () => {
    expect(isoDate('Mon, 22 Jan 2024 00:00:00 -0500')).toBe('2024-01-22');
    expect(isoDate('2003-07-07T13:46:39-04:00')).toBe('2003-07-07T17:46:39Z');
    expect(isoDate('2015/09/17/')).toBe('2015-09-17');
    expect(isoDate('2015')).toBe('2015');
    expect(isoDate('someday')).toBeUndefined();
  });
});

describe('dollars, as the page reads them (MATH_SPAN)', () => {
  it('keeps money as money and maths as maths', () => {
    expect(plainTitle('Why a $5 model beats a $500 one')).toBe('Why a $5 model beats a $500 one');
    expect(plainTitle('S$^4$C costs $5')).toBe('S4C costs $5');
    expect(decodeBibtexText('Costs from \\$5 to \\$500 and $x^2$')).toBe('Costs from $5 to $500 and $x^2$');
    // BibTeX is LaTeX: every unescaped dollar is maths, spaces inside or not, and its braces stay.
    expect(decodeBibtexText('Bounds of $ \\frac{1}{2} $ and $ \\{x\\} $')).toBe('Bounds of $ \\frac{1}{2} $ and $ \\{x\\} $');
  });

  it('keeps escaped braces and reads the text symbols an export writes', () => {
    expect(decodeBibtexText('Sets written \\{a, b\\} and {BERT}')).toBe('Sets written {a, b} and BERT');
    expect(decodeBibtexText('x\\textasciicircum{}2 \\textless{} y in C:\\textbackslash{}temp')).toBe('x^2 < y in C:\\temp');
  });
});
