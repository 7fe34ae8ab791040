import * as fs from 'node:fs';
import * as path from 'node:path';
import { exportHandlers } from '../../../src/export/handlers';
import { type ExportPaper, plainTitleOf } from '../../../src/export/paper-record';
import type { WriteFile } from '../../../src/export/writer';
import { addHighlight } from '../../../src/highlights/highlights';
import { addToList, createList } from '../../../src/lists/lists';
import { saveNote } from '../../../src/notes/notes';
import { setStatus } from '../../../src/status/status';
import { tagPapers } from '../../../src/tags/tags';
import { readerContext } from '../reader/helpers';

/** Titles that have broken exporters: separators, traversal, reserved names and characters, emoji, length, nothing usable. */
export const BAD_TITLES = [
  'Input/Output: a survey',
  'C:\\Windows\\System32 considered harmful',
  '..',
  '../../etc/passwd',
  'Why? Because: *stars* and "quotes" and <angles> | pipes',
  '🚀 Rocket 👩‍🔬 science 🇫🇷 with emoji',
  'Transformers are '.repeat(18), // 306 characters
  '?!?...***',
  '',
  'CON',
  'nul.txt',
  'A title ending with dots...',
  '   leading and trailing spaces   ',
  'Tag #hash ^caret [[wiki]] links',
  'Right-to-left \u202eoverride\u202c and a tab\there',
];

/** A paper record with everything set, for the pure writers; its plain title follows its title unless given. */
export function record(over: Partial<ExportPaper> = {}): ExportPaper {
  const title = over.title ?? 'Attention Is All You Need';
  return {
    plainTitle: plainTitleOf(title),
    id: '0123456789abcdef',
    title: 'Attention Is All You Need',
    abstract: 'The dominant sequence transduction models are based on complex recurrent or convolutional neural networks.',
    digests: [{ name: 'Trending papers', importedAt: '2025-03-04T10:00:00.000Z', position: 3 }],
    tags: ['transformers', 'to cite'],
    lists: ['Read later'],
    status: 'read',
    starred: true,
    createdAt: '2025-03-04T10:00:00.000Z',
    readAt: '2025-03-06T09:30:00.000Z',
    note: 'Worth rereading.\n\n- the positional encodings\n- multi-head attention',
    highlights: [
      { quote: 'sequence transduction models', comment: 'the task' },
      { quote: 'recurrent or convolutional', comment: '' },
    ],
    attributes: {},
    arxivId: null,
    ...over,
  };
}

/** The sample library with a reading list of three annotated papers (tags, notes, highlights, status). */
export async function annotatedLibrary(write?: WriteFile) {
  const lib = await readerContext();
  const { ctx, ids } = lib;
  const picked = ids.slice(0, 3);
  const list = createList(ctx, 'Reasoning: to read');
  addToList(ctx, list.id, picked);
  const [tag] = tagPapers(ctx, picked.slice(0, 2), ['efficient reasoning']);
  saveNote(ctx, picked[0], 'Survey worth citing.\n\n- covers **adaptive** thinking\n- see section 3');
  addHighlight(ctx, picked[0], 0, 30, 'yellow', 'the subject');
  addHighlight(ctx, picked[0], 40, 70, 'green');
  setStatus(ctx, [picked[1]], { state: 'read', starred: true });
  return { ...lib, picked, listId: list.id, tagId: tag.id, handlers: exportHandlers(ctx, write) };
}

/** The identity fixtures: one file per format the library reads, each with authors, dates and ids. */
export const IDENTITY_FIXTURES = path.resolve(import.meta.dirname, '..', '..', 'fixtures', 'formats');
export const IDENTITY_FILES = [
  'arxiv-api-query.xml',
  'arxiv-email-cs.txt',
  'arxiv-rss-cs.CL.xml',
  'arxiv-listing-atom-cs.AI.xml',
  'hf-daily-papers.json',
  'references.bib',
  'references.ris',
  'references.csl.json',
];

/** The sample library with every identity fixture imported too (and journal papers without arXiv ids), a few papers tagged and noted. */
export async function identityLibrary() {
  const lib = await readerContext();
  const files = [...IDENTITY_FILES.map((f) => path.join(IDENTITY_FIXTURES, f)), path.join(import.meta.dirname, 'fixtures', 'journal-papers.csl.json')];
  for (const file of files) {
    const report = await lib.library.import({ fileName: path.basename(file), text: fs.readFileSync(file, 'utf8'), source: 'file' });
    if (!report.digest && !report.alreadyImported) throw new Error(`${file} did not import`);
  }
  const { ctx } = lib;
  const papers = [...ctx.corpus.papers];
  const withIds = papers.filter((p) => p.arxivId || p.doi);
  tagPapers(
    ctx,
    withIds.slice(0, 3).map((p) => p.id),
    ['to cite', 'C++ & Rust', '2024', '#reasoning/chain of thought'],
  );
  saveNote(ctx, withIds[0].id, 'My note: 100% worth it, see §3 & {braces}.');
  return { ...lib, papers, withIds };
}
