import { z } from 'zod';
import { handler } from '../api/contract';
import { EXPORT_FILE_FORMATS, EXPORT_FORMATS, type ExportFileFormat } from '../api/vocabulary';
import type { DataContext } from '../shared/context';
import { bibtex } from './bibtex';
import { cslJson } from './csl-json';
import { csv } from './csv';
import { safeBaseName } from './filenames';
import { planMarkdown, renderPlanned, writeMarkdown } from './markdown-export';
import { type ExportPaper, exportRecords } from './paper-record';
import { ris } from './ris';
import { resolveScope, scopeSchema, type ExportScope } from './scope';
import { atomicWrite, writeOne, type WriteFile } from './writer';
import { zipFiles } from './zip';

/** An absolute folder path: chosen in a folder dialog (Electron) or given on the command line. */
const outDir = z.string().min(1).max(4096);
const wikiLinks = z.boolean().default(true);

/** The one-file formats' writers (their extensions and names are in the vocabulary). */
const RENDER: Record<ExportFileFormat, (papers: ExportPaper[]) => string> = { bibtex, csv, ris, 'csl-json': cslJson };

/**
 * The export part of the contract. Markdown goes into a folder (re-export keeps the reader's
 * edits) or, in web mode, into a zip to download; BibTeX, CSV, RIS and CSL-JSON come back as text
 * or go into a folder. `write` is how files reach the disk (tests inject failures).
 */
export function exportHandlers(ctx: DataContext, write: WriteFile = atomicWrite) {
  const prepare = (scope: ExportScope) => {
    const resolved = resolveScope(ctx, scope);
    return { resolved, records: exportRecords(ctx, resolved.papers), base: safeBaseName(resolved.name, 'Digest Reader export') };
  };
  const fileName = (base: string, format: ExportFileFormat) => `${base}.${EXPORT_FILE_FORMATS[format].ext}`;
  const single = (format: ExportFileFormat) =>
    handler(z.object({ scope: scopeSchema, outDir: outDir.optional() }), (a) => {
      const { records, base } = prepare(a.scope);
      const name = fileName(base, format);
      const text = RENDER[format](records);
      if (!a.outDir) return { fileName: name, count: records.length, text, path: null };
      return { fileName: name, count: records.length, text: null, path: writeOne(a.outDir, name, text, write) };
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
    'export.ris': single('ris'),
    'export.cslJson': single('csl-json'),
    /** A zip as base64 (the contract is JSON), for a download in web mode. */
    'export.zip': handler(z.object({ format: z.enum(EXPORT_FORMATS), scope: scopeSchema, wikiLinks }), (a) => {
      const { resolved, records, base } = prepare(a.scope);
      const files =
        a.format === 'markdown'
          ? renderPlanned(planMarkdown(resolved, records, { wikiLinks: a.wikiLinks }))
          : [{ name: fileName(base, a.format), text: RENDER[a.format](records) }];
      return { fileName: `${base}.zip`, count: records.length, files: files.map((f) => f.name), base64: Buffer.from(zipFiles(files)).toString('base64') };
    }),
  };
}
