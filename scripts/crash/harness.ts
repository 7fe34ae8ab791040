/**
 * Crash harness: runs scripts/crash/writer.ts on a library, kills it with SIGKILL after a random
 * number of acknowledged writes, and checks the library after a restart: every acknowledged
 * note save and import is there, and a write after the restart leaves no temp file behind.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { HandlerMap } from '../../src/api/contract';
import { dispatch } from '../../src/boundary/dispatch';
import { openCore } from '../../src/core';

const WRITER = path.join(import.meta.dirname, 'writer.ts');

export interface Acked {
  /** paper id → the highest note number acknowledged */
  notes: Map<string, number>;
  digests: Set<string>;
  count: number;
}

/** Runs the writer until `writes` more acknowledged writes, then kills it; resolves with what it acknowledged. */
export function runAndKill(dataDir: string, samplePath: string, writes: number, runId: string, acked: Acked): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dataDir, samplePath, runId], { stdio: ['ignore', 'pipe', 'pipe'] });
    let seen = 0;
    let buffer = '';
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let end: number;
      while ((end = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 1);
        const [kind, a, b] = line.split(' ');
        if (kind === 'note') acked.notes.set(a, Math.max(acked.notes.get(a) ?? 0, Number(b)));
        else if (kind === 'digest') acked.digests.add(a);
        else continue;
        acked.count++;
        if (++seen === writes) child.kill('SIGKILL');
      }
    });
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`the writer stopped by itself (${code}): ${stderr}`))));
  });
}

/** Problems found in the library after a crash; none when every acknowledged write is there. */
export async function verify(dataDir: string, acked: Acked): Promise<string[]> {
  const problems: string[] = [];
  const core = await openCore({ dataDir });
  try {
    const call = async (name: string, arg: unknown) => ((await dispatch(core.handlers as HandlerMap, name, arg)) as { value?: unknown }).value as never;
    for (const [paperId, n] of acked.notes) {
      const note = (await call('notes.get', { paperId })) as { text: string } | null;
      // The save after the last acknowledged one may have reached the disk too: never less.
      if (!note || Number(note.text.split(' ')[0]) < n) problems.push(`note of ${paperId}: acknowledged ${n}, found ${note?.text.split(' ')[0] ?? 'nothing'}`);
    }
    const names = new Set(((await call('digests.list', {})) as { digests: { name: string }[] }).digests.map((d) => d.name));
    for (const name of acked.digests) if (!names.has(name)) problems.push(`digest ${name}: acknowledged, missing`);
    const warnings = ((await call('app.status', {})) as { warnings: { message: string }[] }).warnings;
    for (const w of warnings) problems.push(`warning at restart: ${w.message}`);
    // One write after the restart: no temp file of the killed process may remain.
    const [first] = [...acked.notes.keys()];
    if (first) {
      const n = (acked.notes.get(first) ?? 0) + 1;
      await call('notes.save', { paperId: first, text: `${n} after the restart` });
      acked.notes.set(first, n);
    }
    for (const file of tempFiles(dataDir)) problems.push(`temp file left after a write: ${file}`);
  } finally {
    await core.close();
  }
  for (const file of tempFiles(dataDir)) problems.push(`temp file left after a clean stop: ${file}`);
  return problems;
}

function tempFiles(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tmp-|\.new-\d/.test(f));
}

export function newAcked(): Acked {
  return { notes: new Map(), digests: new Set(), count: 0 };
}
