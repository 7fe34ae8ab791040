/**
 * A reader's reference manager export: 1,000 entries with abstracts, as Zotero's BibLaTeX export
 * writes them (tabs, braced values, `date`, accents in names). Imported whole through the contract:
 * read, merged and indexed, as choosing the file in the app does.
 */
import type { AppSession } from './app-session';
import { syntheticPapers } from './synthetic-library';

const AUTHORS = ['M{\\"u}ller, Hans', "Garc{\\'\\i}a, Luc{\\'\\i}a", 'Smith, Jane', 'van der Berg, Pieter', 'Zhang, Wei'];

export function zoteroExport(entries: number): string {
  return syntheticPapers(entries, 91)
    .map(
      (p, i) =>
        `@article{ref_${i},\n\ttitle = {${p.title}},\n\tauthor = {${AUTHORS[i % 5]} and ${AUTHORS[(i + 2) % 5]}},\n` +
        `\tjournaltitle = {Transactions of the {ACL}},\n\tdate = {2024-0${(i % 9) + 1}-1${i % 10}},\n\tabstract = {${p.abstract}},\n}\n`,
    )
    .join('\n');
}

export async function referenceImport(session: AppSession, entries = 1000) {
  const text = zoteroExport(entries);
  const start = performance.now();
  const report = (await session.call('digests.import', { fileName: 'My Library.bib', text, source: 'file' })) as { added: number; merged: number };
  return { entries, bytes: text.length, ms: Math.round(performance.now() - start), papers: report.added + report.merged };
}
