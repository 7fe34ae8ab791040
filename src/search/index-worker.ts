/**
 * The search index's thread. Loading, building, saving and searching the index happen here, so
 * the core's own thread stays free to answer the window while a large library is indexed.
 * Requests are answered in the order they came, one at a time (see IndexRequest).
 */
import * as fs from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { writeFileAtomic } from '../storage/files';
import { SearchEngine } from './engine';
import type { IndexReply, IndexRequest } from './index-protocol';

/** A snapshot is written once this many papers changed and the index has been idle a moment… */
const SAVE_AFTER_CHANGES = 1000;
const SAVE_WHEN_IDLE_MS = 2000;
// …and at close. Fewer changes are not worth a write: the next start re-indexes them quickly.

let engine = SearchEngine.create();
let file = '';
let within: { key: string; ids: Set<string> } | undefined;
let saveTimer: NodeJS.Timeout | undefined;

/** Writes a snapshot, if anything changed since the last; returns it. */
function save(): Buffer | undefined {
  clearTimeout(saveTimer);
  saveTimer = undefined;
  if (!file || engine.unsaved === 0) return undefined;
  try {
    const snapshot = engine.snapshot();
    writeFileAtomic(file, snapshot);
    return snapshot;
  } catch (error) {
    console.error(`[digest-reader] the search index could not be saved: ${(error as Error).message}`);
    return undefined;
  }
}

/** Saves, and goes on from the snapshot: its postings stay packed until read, a tenth of the memory. */
function saveWhenIdle() {
  const snapshot = save();
  if (snapshot) engine = SearchEngine.restore(snapshot) ?? engine;
}

function handle(req: IndexRequest): unknown {
  switch (req.op) {
    case 'load': {
      file = req.file;
      const restored = fs.existsSync(file) ? SearchEngine.restore(fs.readFileSync(file)) : undefined;
      if (restored) engine = restored;
      return { loaded: Boolean(restored) };
    }
    case 'reconcile':
      return { needed: engine.reconcile(req.ids, req.signatures) };
    case 'upsert':
      engine.upsert(req.docs);
      return { size: engine.size };
    case 'search': {
      if (req.within?.ids) within = { key: req.within.key, ids: new Set(req.within.ids) };
      else if (req.within && req.within.key !== within?.key) throw new Error('search index: unknown filter');
      return engine.search(req.query, req.within ? within!.ids : undefined);
    }
    case 'similar':
      return engine.similar(req.terms, req.paperId, req.limit);
    case 'frequencies':
      return engine.frequencies(req.terms);
    case 'ping':
      return { size: engine.size };
    case 'close':
      save();
      return {};
  }
}

parentPort!.on('message', (req: IndexRequest) => {
  let reply: IndexReply;
  try {
    reply = { seq: req.seq, ok: true, value: handle(req) };
  } catch (error) {
    reply = { seq: req.seq, ok: false, error: (error as Error).message };
  }
  parentPort!.postMessage(reply);
  clearTimeout(saveTimer);
  if (engine.unsaved >= SAVE_AFTER_CHANGES) saveTimer = setTimeout(saveWhenIdle, SAVE_WHEN_IDLE_MS);
});
