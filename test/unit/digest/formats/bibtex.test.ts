import { describe, expect, it } from 'vitest';
import { parseDigest } from '../../../../src/digest/parse';
import { digestError, fixture } from '../support';

describe('BibTeX', () => {
  const bib = () => parseDigest(fixture('references.bib'));

  it("reads arXiv's export: eprint, archivePrefix and primaryClass give the identity; LaTeX stays in the title", () => {
    const { format, entries } = bib();
    expect(format).toBe('bibtex');
    expect(entries[1]).toMatchObject({
      line: 13,
      title: 'S$^4$C: Speculative Sampling with Syntactic and Semantic Coherence for Efficient Inference',
      arxivId: '2401.10774',
      arxivVersion: 1,
      primaryCategory: 'cs.CL',
      authors: ['Tao Ge', 'Hao Hu', 'José Álvarez-Muñiz', 'Furu Wei'],
      published: '2024',
      abstract:
        'Large language models decode one token at a time. We draft several continuations in parallel and keep the ones that pass syntactic and semantic coherence checks, reaching a $2.26\\times$ speed-up with 50% fewer verifier calls.',
    });
  });

  it("reads an entry without an abstract (arXiv's and Google Scholar's exports have none) as a paper", () => {
    const { entries, withoutAbstract } = bib();
    expect(withoutAbstract).toEqual([]);
    expect(entries[0]).toMatchObject({ arxivId: '2303.06865', abstract: '', line: 3, primaryCategory: 'cs.LG', published: '2023' });
    expect(entries[0].authors).toContain('Christopher Ré');
    const scholar =
      '@inproceedings{vaswani2017attention,\n  title={Attention is all you need},\n  author={Vaswani, Ashish and Shazeer, Noam},\n  booktitle={NeurIPS},\n  year={2017}\n}';
    expect(parseDigest(scholar).entries).toEqual([
      { title: 'Attention is all you need', abstract: '', line: 1, authors: ['Ashish Vaswani', 'Noam Shazeer'], published: '2017', journalRef: 'NeurIPS' },
    ]);
  });

  it('turns "Last, First" into "First Last", decodes accents, drops braces, reads month macros, DOI and keywords', () => {
    const [, , snli, graph] = bib().entries;
    expect(snli).toMatchObject({
      authors: ['Samuel R. Bowman', 'Gabor Angeli', 'Christopher Potts', 'Christopher D. Manning'],
      doi: '10.18653/v1/d15-1075',
      published: '2015-09',
      journalRef: 'Proceedings of the 2015 Conference on Empirical Methods in Natural Language Processing, 632–642',
      keywords: ['corpus', 'entailment', 'natural language inference'], // the parser sorts them
    });
    expect(graph).toMatchObject({
      title: 'Graph-based Zero-shot Parsing for Übersetzung und Sprache -- a Study',
      authors: ['Jörg Müller', 'François de la Tour', 'OpenAI Team'],
      arxivId: '2205.01234',
      arxivVersion: 2,
      published: '2022-05-22',
      abstract: 'We parse graphs without examples. Our method reaches 71.3% F$_1$ on AMR 3.0 and transfers to German (Deutsch) & French.',
    });
  });

  it('names no one "others", reads "von Last, Jr, First", and finds an arXiv id in the note beside a journal', () => {
    const text = `@article{a, title={Sparse attention}, author={Achiam, Josh and Adler, Steven and others}, abstract={An abstract.}, journal={J}}
@article{b, title={Letter}, author={King, Jr., Martin Luther and de la Fontaine, Jr, Jean and {Google, Inc.}}, abstract={An abstract.}}
@article{c, title={On classifiers}, author={Ng, Andrew}, journal={NeurIPS}, note={arXiv:2401.12345}, abstract={An abstract.}}`;
    const [a, b, c] = parseDigest(text).entries;
    expect(a.authors).toEqual(['Josh Achiam', 'Steven Adler']);
    expect(b.authors).toEqual(['Martin Luther King, Jr.', 'Jean de la Fontaine, Jr', 'Google, Inc.']); // an organisation kept as written
    expect(c.arxivId).toBe('2401.12345');
  });

  it('reports an entry with an unclosed brace with its line and keeps the others', () => {
    const text = `${fixture('references.bib')}\n@article{broken2024,\n  title = {An {Unclosed Title,\n  author = {Nobody},\n}\n`;
    const { entries, skipped } = parseDigest(text);
    expect(entries).toHaveLength(4);
    const line = text.split('\n').findIndex((l) => l.startsWith('@article{broken2024')) + 1;
    expect(skipped).toEqual([{ line, text: '@article{broken2024,', reason: expect.stringMatching(/unclosed brace/) }]);
  });

  it('fails with the line when the only entry is broken', () => {
    const error = digestError(() => parseDigest('@misc{x,\n  title = {Never {closed},\n  year = 2024\n'));
    expect(error.code).toBe('no-entries');
    expect(error.line).toBe(1);
    expect(error.message).toMatch(/^BibTeX: no paper could be read\. Line 1: an entry with an unclosed brace/);
  });

  it("reads Zotero's BibLaTeX export: eprinttype, eprintclass, journaltitle and date", () => {
    const text = `@online{vaswani_attention_2023,
\ttitle = {Attention Is All You Need},
\tdoi = {10.48550/arXiv.1706.03762},
\tabstract = {The dominant sequence transduction models are recurrent.},
\tauthor = {Vaswani, Ashish and Shazeer, Noam},
\tdate = {2023-08-01},
\teprinttype = {arxiv},
\teprint = {1706.03762 [cs]},
\teprintclass = {cs.CL},
}
@article{devlin_bert_2019,
\ttitle = {{BERT}: Pre-training of Deep Bidirectional Transformers},
\tjournaltitle = {Transactions of the {ACL}},
\tvolume = {7},
\tpages = {1--16},
\tdate = {2019},
\tauthor = {Devlin, Jacob},
\tabstract = {We introduce BERT.},
}`;
    const [attention, bert] = parseDigest(text).entries;
    expect(attention).toMatchObject({ arxivId: '1706.03762', primaryCategory: 'cs.CL', published: '2023-08-01', authors: ['Ashish Vaswani', 'Noam Shazeer'] });
    expect(bert).toMatchObject({
      title: 'BERT: Pre-training of Deep Bidirectional Transformers',
      journalRef: 'Transactions of the ACL, 7, 1–16',
      published: '2019',
    });
  });

  it('reads a macro defined in another file as its name, and a bare DOI; a file of @string only names no paper', () => {
    const text = '@inproceedings{a, title={Aspects}, booktitle=LNCS, year=1997, doi=10.1007/978-1-4757-3849-0}';
    const { entries, skipped } = parseDigest(text);
    expect(entries).toEqual([{ title: 'Aspects', abstract: '', line: 1, journalRef: 'LNCS', published: '1997', doi: '10.1007/978-1-4757-3849-0' }]);
    expect(skipped).toEqual([]);
    const error = digestError(() => parseDigest('%% strings.bib\n@string{LNCS = "Lecture Notes in Computer Science"}\n'));
    expect(error.message).toBe('BibTeX: no @entry{…} was found.');
  });

  it("applies DBLP's crossref: a paper takes its volume's title as booktitle and its year; the volume is not a paper", () => {
    const text = `@inproceedings{DBLP:conf/acl/Lovelace20,
  author    = {Ada Lovelace},
  title     = {Sparse Attention},
  pages     = {1--9},
  crossref  = {DBLP:conf/acl/2020},
}

@proceedings{DBLP:conf/acl/2020,
  title     = {Proceedings of {ACL} 2020},
  publisher = {Association for Computational Linguistics},
  year      = {2020},
  month     = jul,
}`;
    const { entries, skipped } = parseDigest(text);
    expect(entries).toEqual([
      { title: 'Sparse Attention', abstract: '', line: 1, authors: ['Ada Lovelace'], published: '2020-07', journalRef: 'Proceedings of ACL 2020, 1–9' },
    ]);
    expect(skipped).toEqual([{ line: 8, text: '@proceedings{DBLP:conf/acl/2020,', reason: expect.stringMatching(/^a volume its papers cross-reference/) }]);
    // A paper's own year stands; a book cross-referenced by a chapter is still a paper.
    const own = parseDigest(`@incollection{c, title={Chapter}, year={2019}, crossref={b}}\n@book{b, title={The Book}, date={2020-05}, abstract={A book.}}`);
    expect(own.entries.map((e) => [e.title, e.published, e.journalRef])).toEqual([
      ['Chapter', '2019', 'The Book'],
      ['The Book', '2020-05', undefined],
    ]);
  });

  it('splits authors only at an "and" outside braces: a braced name is one, and {M}{\\"u}ller is a person', () => {
    const text = `@article{a, title={T}, author={{Barnes and Noble} AND M{\\"u}ller, Hans and {M}{\\"u}ller, Anna and Ludwig van Beethoven}, abstract={A.}}`;
    expect(parseDigest(text).entries[0].authors).toEqual(['Barnes and Noble', 'Hans Müller', 'Anna Müller', 'Ludwig van Beethoven']);
  });

  it('reads keywords from a repeated field, split at commas and semicolons, each once', () => {
    const text = '@article{a, title={T}, keywords = {beta; alpha}, keywords = {alpha, {\\"U}bersetzung}, abstract={A.}}';
    expect(parseDigest(text).entries[0].keywords).toEqual(['alpha', 'beta', 'Übersetzung']);
  });

  it('reads a Zotero export of thousands of entries with abstracts, each at its own line', () => {
    const abstract = 'We study test-time compute for reasoning with {LLMs}, reaching 12\\% on $\\mathcal{D}$. '.repeat(8);
    const entry = (i: number) =>
      `@article{key${i},\n  title = {Paper {${i}}},\n  author = {M{\\"u}ller, Hans and Doe, Jane},\n  abstract = {${abstract}},\n  year = {2024},\n}\n`;
    const text = Array.from({ length: 3000 }, (_, i) => entry(i)).join('\n');
    const { entries } = parseDigest(text);
    expect(entries).toHaveLength(3000);
    expect(entries[2999]).toMatchObject({ title: 'Paper 2999', line: 2999 * 7 + 1, authors: ['Hans Müller', 'Jane Doe'] });
    expect(entries[2999].abstract).toContain('12% on $\\mathcal{D}$');
  });
});
