/**
 * A paper with a 1 MB abstract: what the core takes to open it (plain, and with a search that
 * marks thousands of words), to find it by a rare word, and what the renderer's pure part (cutting
 * the abstract into marked pieces) takes. The browser's own rendering is measured by the e2e test.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AppSession } from './app-session';
import { syntheticPapers } from './synthetic-library';

export const RARE_WORD = 'quokkanomics';

/** About `bytes` of real sentences, with RARE_WORD once, three quarters in. */
export function hugeAbstract(bytes = 1_000_000): string {
  const sentences = syntheticPapers(400, 77).map((p) => p.abstract);
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < bytes; i++) {
    const s = sentences[i % sentences.length];
    parts.push(s);
    length += s.length + 1;
    if (length > bytes * 0.75 && !parts.includes(RARE_WORD)) parts.push(RARE_WORD);
  }
  return parts.join(' ');
}

const round = (ms: number) => Math.round(ms * 10) / 10;

async function timed<T>(work: () => Promise<T> | T): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await work();
  return { value, ms: round(performance.now() - start) };
}

type Segments = (text: string, search: [number, number][], highlights: { id: string; color: string; range: [number, number] | null }[]) => unknown[];

export async function segmentsOf(session: AppSession, root: string) {
  const title = 'An Enormous Abstract for Testing Large Text';
  const abstract = hugeAbstract();
  const imported = await timed(() => session.call('digests.import', { name: 'Large text', text: `${title}\n${abstract}\n`, source: 'paste' }));
  await session.untilFound(title, (row) => row.title === title);
  const id = (await session.query({ q: title, limit: 1 })).items[0].id;
  const plain = await timed(() => session.call('papers.get', { id }) as Promise<{ abstract: string }>);
  const marked = await timed(() => session.call('papers.get', { id, q: 'inference' }) as Promise<{ abstract: string; abstractRanges: [number, number][] }>);
  const rare = await timed(() => session.list(RARE_WORD));
  const common = await timed(() => session.list('inference'));
  // As build-core.mjs built it (the bench's scripts run as plain JavaScript, without tsx).
  const file = path.join(root, 'dist', 'bench', 'text-segments.js');
  let segmentsMs: number | null = null;
  if (fs.existsSync(file)) {
    const { segments } = (await import(pathToFileURL(file).href)) as { segments: Segments };
    segmentsMs = (await timed(() => segments(marked.value.abstract, marked.value.abstractRanges, []))).ms;
  }
  return {
    bytes: abstract.length,
    importMs: imported.ms,
    openMs: plain.ms,
    openMarkedMs: marked.ms,
    marks: marked.value.abstractRanges.length,
    rareWordMs: rare.ms,
    rareWordFound: rare.value.items.some((r) => r.id === id),
    commonWordMs: common.ms,
    segmentsMs,
  };
}
