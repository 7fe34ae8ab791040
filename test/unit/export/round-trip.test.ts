import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { plainTitle } from '../../../src/digest/latex';
import { parseDigest } from '../../../src/digest/parse';
import type { DigestEntry } from '../../../src/digest/types';
import { bibtex } from '../../../src/export/bibtex';
import { cslJson } from '../../../src/export/csl-json';
import { type ExportPaper, exportRecords } from '../../../src/export/paper-record';
import { ris } from '../../../src/export/ris';
import { identityLibrary } from './helpers';

/**
 * Every paper of the real sample and of the identity fixtures (arXiv API, RSS, e-mail, Hugging
 * Face, BibTeX, RIS, CSL-JSON), exported in each reference format and read back with the
 * library's own importers: the same papers come back, with the same ids, titles and authors.
 */

let records: ExportPaper[];
beforeAll(async () => {
  const { ctx } = await identityLibrary();
  records = exportRecords(ctx, [...ctx.corpus.papers]);
}, 120_000);

/**
 * A person as the importers give names back: the same words, but a suffix may come back with or
 * without its comma, and the BibTeX importer gives an inverted name ("King, Jr., Martin Luther") as written.
 */
const person = (name: string) => name.replace(/,/g, ' ').split(/\s+/).filter(Boolean).sort().join(' ');

function readBack(text: string, format: string): DigestEntry[] {
  const parsed = parseDigest(text, { format });
  expect(parsed.skipped).toEqual([]);
  return [...parsed.entries, ...parsed.withoutAbstract].sort((a, b) => a.line - b.line);
}

function expectSamePapers(back: DigestEntry[], papers: ExportPaper[]) {
  expect(back).toHaveLength(papers.length);
  for (const [i, p] of papers.entries()) {
    const e = back[i];
    expect({ arxiv: e.arxivId ?? null, doi: e.doi ?? null, title: plainTitle(e.title) }).toEqual({
      arxiv: p.arxivId,
      doi: p.doi ?? null,
      title: p.plainTitle,
    });
    expect((e.authors ?? []).map(person)).toEqual((p.authors ?? []).map(person));
    if (p.published) expect(e.published?.slice(0, 4)).toBe(p.published.slice(0, 4));
  }
}

describe('reference exports read back with the library’s own importers', () => {
  it('the library holds the sample and papers with every kind of identity', () => {
    expect(records.length).toBeGreaterThan(125);
    expect(records.filter((p) => p.arxivId).length).toBeGreaterThan(10);
    expect(records.filter((p) => p.doi && !p.arxivId).length).toBeGreaterThan(0);
    expect(records.some((p) => p.arxivId?.includes('/'))).toBe(true); // an old-style id: hep-ex/0307015
    expect(records.some((p) => p.title.includes('$'))).toBe(true);
    expect(records.some((p) => p.authors?.some((a) => /Collaboration|Team|Group/.test(a)))).toBe(true);
    expect(records.some((p) => p.authors?.includes('Martin Luther King Jr.'))).toBe(true);
  });

  it('RIS', () => {
    const text = ris(records);
    expect(text.split('\r\n').every((line) => line === '' || /^[A-Z][A-Z0-9] {2}- /.test(line))).toBe(true);
    expectSamePapers(readBack(text, 'ris'), records);
  });

  it('CSL-JSON', () => {
    expectSamePapers(readBack(cslJson(records), 'csl-json'), records);
  });

  it('BibTeX, which a BibTeX parser also reads without an error', () => {
    const text = bibtex(records);
    // Macros it cannot turn into Unicode text (\\mathtt in a title) are no syntax error: they are kept.
    const lib = parseBibtex(text, { sentenceCase: false, unsupported: 'ignore' });
    expect(lib.errors).toEqual([]);
    expect(lib.entries).toHaveLength(records.length);
    expect(new Set(lib.entries.map((e) => e.key)).size).toBe(records.length);
    expectSamePapers(readBack(text, 'bibtex'), records);
  });

  it('every arXiv paper’s BibTeX follows arXiv’s convention', () => {
    const text = bibtex(records);
    const entries = text.split('\n\n');
    for (const [i, p] of records.entries()) {
      if (!p.arxivId) continue;
      expect(entries[i]).toMatch(
        new RegExp(
          `^@misc\\{[a-z0-9]+,\\n {6}title=\\{.+\\},\\n(?: {6}author=\\{.+\\},\\n)?(?: {6}year=\\{\\d{4}\\},\\n)? {6}eprint=\\{${p.arxivId}\\},\\n {6}archivePrefix=\\{arXiv\\},\\n(?: {6}primaryClass=\\{[\\w.-]+\\},\\n)? {6}url=\\{https://arxiv\\.org/abs/${p.arxivId}\\},\\n`,
        ),
      );
    }
  });
});
