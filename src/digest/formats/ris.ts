import { arxivLinks, httpsLink, identityFromDoi, parseArxivId } from '../arxiv';
import { EntryCollector } from '../entry';
import { isoDate, naturalName, normaliseSpace } from '../text';
import type { DigestFormat, DigestText, ParsedDigest } from '../types';

/**
 * RIS (`TY  - JOUR` … `ER  -`), CRLF or LF: TI/T1 title, AU/A1 authors ("Last, First"), AB/N2
 * abstract, PY/Y1 year, DA date, UR url, DO doi, KW keywords, JO/JF/T2 journal. A line without a tag
 * continues the field before it. A record that is not closed by `ER  -` (the last one of a cut-short
 * file, or one followed directly by the next `TY`) is still imported, and the report says so with
 * the line of its `TY`.
 */

const NAME = 'ris';
const LABEL = 'RIS';
const TAG = /^([A-Z][A-Z0-9]) {2}-(?: (.*))?$/;

function detect({ lines }: DigestText): number {
  const first = lines.findIndex((l) => l.trim() !== '');
  if (first >= 0 && /^TY {2}- \S/.test(lines[first])) return 0.97;
  return lines.slice(0, 2000).some((l) => /^TY {2}- \S/.test(l)) && lines.some((l) => /^ER {2}-/.test(l)) ? 0.9 : 0;
}

type Record = { line: number; tags: Map<string, string[]> };

function read(record: Record, out: EntryCollector): void {
  const all = (...tags: string[]) => tags.flatMap((t) => record.tags.get(t) ?? []);
  const one = (...tags: string[]) => all(...tags).find((v) => v.trim() !== '');
  const fromDoi = identityFromDoi(one('DO'));
  const urls = all('UR', 'L1', 'L2', 'LK');
  const notes = all('N1', 'M1', 'AN', 'ID');
  const ref =
    urls.map((u) => parseArxivId(u)).find(Boolean) ??
    (fromDoi.arxivId ? { id: fromDoi.arxivId, version: fromDoi.arxivVersion } : undefined) ??
    notes.map((n) => parseArxivId(/arXiv:\s*(\S+)/i.exec(n)?.[1])).find(Boolean);
  const date = isoDate(one('DA')?.replace(/\/+$/, '')) ?? isoDate(one('PY', 'Y1')?.replace(/\/+$/, ''));
  const journal = one('JO', 'JF', 'T2', 'JA', 'J2');
  out.add({
    line: record.line,
    title: one('TI', 'T1', 'CT', 'BT'),
    abstract: all('AB', 'N2').find((v) => v.trim() !== ''),
    arxivId: ref?.id,
    arxivVersion: ref?.version,
    doi: fromDoi.doi,
    authors: all('AU', 'A1').map(naturalName),
    published: date,
    keywords: all('KW').flatMap((k) => k.split(/;/)),
    journalRef:
      journal && !/arxiv/i.test(journal) ? [journal, one('VL'), [one('SP'), one('EP')].filter(Boolean).join('–')].filter(Boolean).join(', ') : undefined,
    links: ref ? arxivLinks(ref.id) : { abs: httpsLink(urls[0]) },
  });
}

function parse({ lines }: DigestText): ParsedDigest {
  const out = new EntryCollector(NAME, true);
  let record: Record | undefined;
  let lastTag: string | undefined;
  const unclosed = (r: Record, why: string) => out.skip(r.line, 'TY  - …', `a record not closed by "ER  -" (${why}); it was imported as it stands`);
  lines.forEach((raw, i) => {
    const line = raw.replace(/\s+$/, '');
    const tag = TAG.exec(line);
    if (tag) {
      const [, name, value = ''] = tag;
      if (name === 'TY') {
        if (record) {
          unclosed(record, `the next record starts at line ${i + 1}`);
          read(record, out);
        }
        record = { line: i + 1, tags: new Map() };
        lastTag = undefined;
        return;
      }
      if (name === 'ER') {
        if (record) read(record, out);
        record = undefined;
        lastTag = undefined;
        return;
      }
      if (!record) {
        if (line.trim()) out.skip(i + 1, line, `a line outside any record (records start with "TY  -")`);
        return;
      }
      const values = record.tags.get(name) ?? [];
      values.push(value.trim());
      record.tags.set(name, values);
      lastTag = name;
    } else if (record && lastTag && line.trim() !== '') {
      // A wrapped value: the line continues the field above it.
      const values = record.tags.get(lastTag)!;
      values[values.length - 1] = normaliseSpace(`${values[values.length - 1]} ${line}`);
    }
    // Plain text between records is a database's own (Ovid numbers them and links each): no entry is lost.
  });
  if (record) {
    unclosed(record, 'the file ends first');
    read(record, out);
  }
  return out.result(LABEL, undefined, 'no record (TY  - … ER  -) was found.');
}

export const ris: DigestFormat = {
  name: NAME,
  description: 'RIS records (TY … ER) from Zotero, EndNote, Mendeley, publishers and library catalogues.',
  detect,
  parse,
};
