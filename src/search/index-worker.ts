/**
 * The search index's thread. Loading, building, saving and searching the index happen here, so
 * the core's own thread stays free to answer the window while a large library is indexed.
 * Requests are answered in the order they came, one at a time (see IndexRequest).
 */
import * as fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import * as path from 'node:path';
import { moveAside, writeFileAtomicWith } from '../storage/files';
import { collectGarbage, GrowthCollector } from '../shared/collect-garbage';
import { SearchEngine } from './engine';
import { SentIds, type IndexAnswers, type IndexReply, type IndexRequest, type WorkerData } from './index-protocol';
import { answerer } from './answer-channel';

/** A snapshot is written once this many papers changed and the index was idle a moment, and at close (fewer are re-indexed quickly). */
const SAVE_AFTER_CHANGES = 1000;
const SAVE_WHEN_IDLE_MS = 2000;
/** While a large library is built, it is saved and packed every this many papers (MiniSearch's maps for 100,000 took 1 GB). */
const PACK_EVERY = (workerData as WorkerData).packEvery ?? 25_000;
/** A first build is saved along the way only this long after the last save: saves at 25k, 50k and 100k papers were 2 s of a 15 s build. */
const BUILD_SAVE_GAP_MS = (workerData as WorkerData).buildSaveGapMs ?? 15_000;
let lastSave = performance.now();
/** Searches leave garbage this thread, idle between keys, would hold for good: collected once they pause. */
const garbage = new GrowthCollector(16 << 20);
let engine = SearchEngine.create();
const sentSinceLoad = new Set<string>(); // papers upserted since the snapshot was loaded (see 'reconcile')
let upsertFailed = false; // set when papers could not be indexed (see 'mark')
let file = '';
let within: { key: string; ids: Set<string> } | undefined;
const sentIds = new SentIds(); // which hits' ids the main thread was sent
const post = answerer((workerData as WorkerData).answers); // answers, on their own channel (answer-channel.ts)
let saveTimer: NodeJS.Timeout | undefined;
let unpacked = 0; // papers indexed into MiniSearch's maps since the index was last packed
let saveAgainAt = SAVE_AFTER_CHANGES; // changes that make an idle save due: more after a save failed
let lostIndex: Error | undefined; // why, once the index was let go and its file could not be read back

/** Writes a snapshot, if anything changed since the last; whether it did. */
function save(): boolean {
  clearTimeout(saveTimer);
  saveTimer = undefined;
  lastSave = performance.now();
  return Boolean(file) && engine.unsaved > 0 && write();
}

/**
 * Writes the index into the file as it is made, never whole in memory (in a doubling buffer, a 36 MB
 * snapshot held 130 MB more). If it fails, saved again once idle only after as many changes again.
 */
function write(): boolean {
  const changes = engine.unsaved;
  try {
    writeFileAtomicWith(file, (fd) => engine.write(fd));
    saveAgainAt = SAVE_AFTER_CHANGES;
    return true;
  } catch (error) {
    engine.unsaved = Math.max(changes, 1);
    saveAgainAt = engine.unsaved + SAVE_AFTER_CHANGES;
    console.error(`[digest-reader] the search index could not be saved: ${(error as Error).message}`);
    return false;
  }
}

/** Opens the index from the file (or its open `fd`); if it cannot be read back, why. */
function reopen(from: string | number = file): string | undefined {
  try {
    const restored = SearchEngine.restore(fs.readFileSync(from));
    if (!restored) return 'it is damaged';
    engine = restored;
    garbage.reset();
  } catch (error) {
    return (error as Error).message;
  }
}

/** The index was let go and its file cannot be read back: searches say so, and the file is left for the next start. */
function lost(why: string): Error {
  file = '';
  failedUpsert();
  return (lostIndex = new Error(`the index just saved could not be read back from its file (${why}); restart the app`));
}

/** Ends a first build: written into the file, let go, and opened from the file; in memory if it cannot be written. */
function finishBuild(): void {
  if (!write()) {
    engine.finishBuild();
    engine.unsaved++;
    return;
  }
  engine.dropBuild();
  const why = reopen();
  if (why !== undefined) throw lost(why);
}

/**
 * Saves, and goes on from the file: its postings stay packed until read, a tenth of the memory.
 * Once `idle`, the index in memory is let go and collected before the file is read (opened first:
 * one that cannot be opened leaves the index as it is), so that the two are never held at once
 * (100 MB more at 120,000 papers, most of it the maps of papers added since the last save). In
 * the midst of an import, V8 collects soon enough, and a collection would hold searches up.
 */
function saveAndPack(idle = false) {
  unpacked = 0;
  // A first build keeps its papers packed already (bulk-build.ts).
  if (!save() || engine.building) return;
  if (!idle) return void reopen(); // kept as it is if the file cannot be read back
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    return console.error(`[digest-reader] the search index just saved could not be opened: ${(error as Error).message}`);
  }
  try {
    engine = SearchEngine.create();
    collectGarbage();
    const why = reopen(fd);
    if (why !== undefined) console.error(`[digest-reader] ${lost(why).message}`);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Loads the snapshot. One of another version is simply rebuilt; one that cannot be read at all
 * (damaged, cut short, a folder in its place) is moved aside for the reader and rebuilt, and the
 * answer says so, so the reader is told instead of search failing for good.
 */
function load(snapshotFile: string): IndexAnswers['load'] {
  if (!fs.existsSync(snapshotFile)) return { loaded: false };
  let bytes: Buffer | undefined;
  let why = 'it is damaged';
  try {
    bytes = fs.readFileSync(snapshotFile);
  } catch (error) {
    why = (error as NodeJS.ErrnoException).code === 'EISDIR' ? 'a folder is in its place' : (error as Error).message;
  }
  const restored = bytes && SearchEngine.restore(bytes);
  if (restored) {
    engine = restored;
    garbage.reset(); // growth counts from the index as loaded
    return { loaded: true, corpus: restored.corpus };
  }
  if (bytes && SearchEngine.builtOtherwise(bytes)) return { loaded: false };
  return { loaded: false, setAside: { file: path.basename(moveAside(snapshotFile)), why } };
}

/** Requests that read the index: one that comes during a first build ends it (engine.ts, `#built`). */
const READS = new Set<IndexRequest['op']>(['search', 'similar', 'frequencies']);

function handle(req: IndexRequest): unknown {
  if (lostIndex && READS.has(req.op)) throw lostIndex;
  // Ended here when it can be saved, so that its snapshot is written into the file, never whole in memory.
  if (engine.building && file && READS.has(req.op)) finishBuild();
  switch (req.op) {
    case 'load':
      file = req.file;
      return load(file);
    case 'reconcile':
      // Papers sent since the load came from imports made while the index opened: not gone.
      return { needed: engine.reconcile(req.ids, req.signatures, sentSinceLoad) };
    case 'reconcileReaders':
      return { needed: engine.reconcileReaders(req.ids, req.signatures) };
    case 'mark':
      // After a failed upsert the index may lack papers: no stamp says otherwise until the next start checks them all.
      if (!upsertFailed) engine.markCorpus(req.corpus);
      // The library's papers are in: a first build is done, and saved (or tried again at the next save).
      if (engine.building && file) finishBuild();
      return {};
    case 'upsert':
      for (const doc of req.docs) sentSinceLoad.add(doc.id);
      unpacked += engine.upsert(req.docs, req.background);
      // The last of the background work: searches score their words afresh.
      if (req.background && req.last && !queue.some(inBackground)) engine.settled();
      // A first build writes its whole index each time: at doubling sizes, all its writes add up to twice the last.
      if (engine.building ? unpacked >= Math.max(PACK_EVERY, engine.size / 2) && performance.now() - lastSave >= BUILD_SAVE_GAP_MS : unpacked >= PACK_EVERY)
        saveAndPack();
      return { size: engine.size };
    case 'search': {
      if (req.within?.ids) within = { key: req.within.key, ids: new Set(req.within.ids) };
      else if (req.within && req.within.key !== within?.key) throw new Error('search index: unknown filter');
      garbage.soon();
      return sentIds.pack(engine.search(req.query, req.within ? within!.ids : undefined, req.limit), req.numbering);
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

/**
 * Requests wait here and are taken one at a time, each turn of the event loop letting new ones
 * arrive. A background upsert (an import's papers) is indexed a slice per turn, and a search, or a
 * paper the reader just changed (a note, a tag), queued behind nothing but background upserts goes
 * first: a search typed during a 10,000-paper import answers in milliseconds instead of after it.
 * Everything else keeps its order, so a search made after a note is saved sees the note.
 */
const queue: IndexRequest[] = [];
/**
 * A background upsert is indexed for this long per turn, a few papers at a time, then requests that
 * came meanwhile are read — or for as long as the last request that went ahead of it took, so the
 * import keeps at least half the thread while searches come at every key. A search waits for the
 * turn under way: at a fixed 8 ms, searches typed every 20 ms during a 10,000-paper import into
 * 100,000 papers took 20 ms each at the median and fell behind the keys (511 ms from key to
 * answer); at 3 ms, 13 ms and 24 ms. At 1,000,000 papers a search takes 30 ms: 3 ms turns left the
 * import a tenth of the thread, and its papers were not found within a minute.
 */
const TURN_MS = 3;
const TURN_MAX_MS = 50;
const FEW = 5;
const AHEAD = new Set<IndexRequest['op']>(['search', 'similar', 'frequencies', 'upsert']);
let scheduled = false;

const inBackground = (req: IndexRequest) => req.op === 'upsert' && req.background === true;
/** What a search or the reader's change may go ahead of: background work, and the marks that follow it. */
const passable = (req: IndexRequest) => inBackground(req) || req.op === 'mark';

/** Whether the last request handled went ahead of background work (the next turn is the background's), and how long it took (ms). */
let wentAhead = false;
let aheadMs = 0;

/**
 * Where the next request to handle stands in the queue. Searches and the reader's changes go ahead
 * of background work, but turn about with it: a search typed at every key never holds an import up.
 */
function next(): number {
  const at = queue.findIndex((req) => !passable(req));
  const ahead = at > 0 && AHEAD.has(queue[at].op) && !wentAhead;
  wentAhead = ahead;
  if (!ahead) return 0;
  const req = queue[at];
  if (req.op === 'upsert') {
    // The reader's change is newer than what the import queued of the same papers: that is dropped.
    const changed = new Set(req.docs.map((d) => d.id));
    for (const waiting of queue.slice(0, at)) if (waiting.op === 'upsert') waiting.docs = waiting.docs.filter((d) => !changed.has(d.id));
  }
  return at;
}

function failedUpsert() {
  upsertFailed = true;
  engine.markCorpus(null);
  engine.settled();
}

function reply(req: IndexRequest, run: () => unknown) {
  let answer: IndexReply;
  try {
    answer = { seq: req.seq, ok: true, value: run() };
  } catch (error) {
    if (req.op === 'upsert') failedUpsert();
    answer = { seq: req.seq, ok: false, error: (error as Error).message };
  }
  post(answer);
}

function step() {
  scheduled = false;
  const building = engine.building;
  const at = next();
  const req = queue[at];
  if (req.op === 'upsert' && req.background && req.docs.length > FEW) {
    // Indexed a turn at a time; answered once all of it is in.
    try {
      for (const end = performance.now() + Math.min(Math.max(TURN_MS, aheadMs), TURN_MAX_MS); req.docs.length > FEW && performance.now() < end;) {
        unpacked += engine.upsert(req.docs.splice(0, FEW), true);
      }
    } catch (error) {
      queue.splice(at, 1);
      failedUpsert();
      post({ seq: req.seq, ok: false, error: (error as Error).message });
    }
  } else {
    queue.splice(at, 1);
    const start = performance.now();
    reply(req, () => handle(req));
    if (wentAhead) aheadMs = performance.now() - start;
  }
  // A first build that ended (the papers are in, or something read the index) left everything packed.
  if (building && !engine.building) unpacked = 0;
  clearTimeout(saveTimer);
  if (queue.length > 0) schedule();
  else if (engine.unsaved >= saveAgainAt) saveTimer = setTimeout(() => saveAndPack(true), SAVE_WHEN_IDLE_MS);
}

function schedule() {
  if (scheduled) return;
  scheduled = true;
  setImmediate(step);
}

parentPort!.on('message', (req: IndexRequest) => {
  queue.push(req);
  schedule();
});
