/**
 * npm run soak [-- --kills 30]: the crash test at length. Kills the core (scripts/crash/writer.ts)
 * with SIGKILL after a random number of acknowledged note saves and imports, again and again, and
 * checks after each restart that every acknowledged write is there and no temp file is left.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { SAMPLE_DIGEST } from '../src/paths';
import { newAcked, runAndKill, verify } from './crash/harness';

const { values } = parseArgs({ options: { kills: { type: 'string', default: '30' }, seed: { type: 'string', default: '1' } } });
let state = Number(values.seed) >>> 0;
const random = () => (state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dr-soak-'));
const acked = newAcked();
let failed = 0;
for (let i = 0; i < Number(values.kills); i++) {
  const writes = 1 + Math.floor(random() * 400);
  await runAndKill(dir, SAMPLE_DIGEST, writes, String(i), acked);
  const problems = await verify(dir, acked);
  console.log(
    `kill ${i + 1}: after ${writes} writes (${acked.count} acknowledged in all, ${acked.digests.size} imports): ${problems.length ? problems.join('; ') : 'all there'}`,
  );
  if (problems.length) failed++;
}
console.log(`${Number(values.kills) - failed} passed, ${failed} failed`);
fs.rmSync(dir, { recursive: true, force: true });
process.exit(failed ? 1 : 0);
