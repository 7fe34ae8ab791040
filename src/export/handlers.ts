import { z } from 'zod';
import { handler } from '../api/contract';
import type { DataContext } from '../shared/context';
import { bibtex } from './bibtex';
import { csv } from './csv';
import { safeBaseName } from './filenames';
import { planMarkdown, renderPlanned, writeMarkdown } from './markdown-export';
import { exportRecords } from './paper-record';
import { resolveScope, scopeSchema, type ExportScope } from './scope';
import { atomicWrite, writeOne, type WriteFile } from './writer';
import { zipFiles } from './zip';

/** An absolute folder path: chosen in a folder dialog (Electron) or given on the command line. */
const outDir = z.string().min(1).max(4096);
const wikiLinks = z.boolean().default(true);

/** The one-file formats: their extension and their writer. */
const SINGLE = {
  bibtex: { ext: 'bib', render: bibtex },
  csv: { ext: 'csv', render: csv },
} as const;

/**
 * The export part of the contract. Markdown goes into a folder (re-export keeps the reader's
 * edits) or, in web mode, into a zip to download; BibTeX and CSV come back as text or go into a
 * folder. `write` is how files reach the disk (tests inject failures).
 */
export function exportHandlers(ctx: DataContext, write: WriteFile = atomicWrite) {
  const prepare = (scope: ExportScope) => {
    const resolved = resolveScope(ctx, scope);
    return { resolved, records: exportRecords(ctx, resolved.papers), base: safeBaseName(resolved.name, 'Digest Reader export') };
  };
  const single = (format: keyof typeof SINGLE) =>
    handler(z.object({ scope: scopeSchema, outDir: outDir.optional() }), (a) => {
      const { records, base } = prepare(a.scope);
      const fileName = `${base}.${SINGLE[format].ext}`;
      const text = SINGLE[format].render(records);
      if (!a.outDir) return { fileName, count: records.length, text, path: null };
      return { fileName, count: records.length, text: null, path: writeOne(a.outDir, fileName, text, write) };
    });

  return {
    'export.markdown': handler(
      z.object({ scope: scopeSchema, outDir, wikiLinks, overwriteChanged: z.boolean().default(false) }),
      (a) => {
        const { resolved, records } = prepare(a.scope);
        return { count: records.length, ...writeMarkdown(a.outDir, resolved, records, a, write) };
      },
      { writesIntoChosenFolder: true },
    ),
    'export.bibtex': single('bibtex'),
    'export.csv': single('csv'),
    /** A zip as base64 (the contract is JSON), for a download in web mode. */
    'export.zip': handler(z.object({ format: z.enum(['markdown', 'bibtex', 'csv']), scope: scopeSchema, wikiLinks }), (a) => {
      const { resolved, records, base } = prepare(a.scope);
      const files =
        a.format === 'markdown'
          ? renderPlanned(planMarkdown(resolved, records, { wikiLinks: a.wikiLinks }))
          : [{ name: `${base}.${SINGLE[a.format].ext}`, text: SINGLE[a.format].render(records) }];
      return { fileName: `${base}.zip`, count: records.length, files: files.map((f) => f.name), base64: Buffer.from(zipFiles(files)).toString('base64') };
    }),
  };
}
