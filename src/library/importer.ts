import { contentHash, paperId } from '../digest/identity';
import { normaliseText, parseDigest } from '../digest/parse';
import type { SkippedLine } from '../digest/types';
import type { Corpus } from './corpus';
import type { Digest, Paper } from './types';

export interface ImportRequest {
  name: string;
  text: string;
  source: Digest['source'];
}

export interface ImportReport {
  digest: Digest | null;
  /** Set when the very same text was imported before: nothing was added. */
  alreadyImported: Digest | null;
  added: number;
  merged: number;
  skipped: SkippedLine[];
}

export type Progress = (done: number, total: number) => void;

const CHUNK = 2000;
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Reads a digest and adds it to the corpus. Throws a DigestError (library untouched) when the
 * text is not a digest; identity is computed in chunks so a large import reports progress.
 */
export async function importDigest(corpus: Corpus, req: ImportRequest, progress: Progress = () => {}): Promise<{ report: ImportReport; newPapers: Paper[] }> {
  const parsed = parseDigest(req.text);
  const hash = contentHash(normaliseText(req.text));
  const known = corpus.findByContent(hash);
  if (known) {
    return { report: { digest: null, alreadyImported: known, added: 0, merged: parsed.entries.length, skipped: parsed.skipped }, newPapers: [] };
  }
  const entries: { id: string; title: string; abstract: string }[] = [];
  for (let i = 0; i < parsed.entries.length; i += CHUNK) {
    for (const e of parsed.entries.slice(i, i + CHUNK)) entries.push({ id: paperId(e.title, e.abstract), title: e.title, abstract: e.abstract });
    progress(entries.length, parsed.entries.length);
    if (parsed.entries.length > CHUNK) await breathe();
  }
  const { digest, newPapers } = corpus.addDigest(
    {
      name: req.name.trim() || 'Untitled digest',
      importedAt: new Date().toISOString(),
      format: parsed.format,
      source: req.source,
      contentHash: hash,
      paperCount: entries.length,
    },
    entries,
  );
  return { report: { digest, alreadyImported: null, added: newPapers.length, merged: entries.length - newPapers.length, skipped: parsed.skipped }, newPapers };
}
