/**
 * The floor every search figure is compared with, in a process of its own: a scan that ranks
 * (workload.ts `rankingScan`), typed key by key over the same library. Prints one JSON line:
 * `node --expose-gc --import tsx measure-scan.ts --library DIR --papers N [--quick]`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { load, steadyMemory } from './probes';
import { keystrokes, rankingScan, typeKeys } from './workload';

const { values } = parseArgs({ options: { library: { type: 'string' }, papers: { type: 'string' }, quick: { type: 'boolean', default: false } } });
const loadAtStart = load();
const dir = path.join(values.library!, 'digests');
const start = performance.now();
const papers = fs
  .readdirSync(dir)
  .flatMap((f) => (JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as { entries: { id: string; title: string; abstract: string }[] }).entries);
const readMs = Math.round(performance.now() - start);
const scan = rankingScan(papers);
for (const q of keystrokes(['language model', 'attention'])) scan(q);
const keys = values.quick ? keystrokes().filter((_, i) => i % 3 === 0) : keystrokes();
const typing = await typeKeys(async (q) => scan(q), keys);
// `scan`, not `typing`: the report tells the floor from the app by it.
console.log(JSON.stringify({ papers: Number(values.papers), load: { start: loadAtStart, end: load() }, readMs, scan: typing, memory: await steadyMemory() }));
process.exit(0);
