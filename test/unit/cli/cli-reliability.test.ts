import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../../src/paths';
import { SAMPLE_PATH, tempDir } from '../../helpers';

interface Result {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the bin in its own process; `onStart` sees it running (to signal it). */
function cli(args: string[], onOutput?: (stdout: string, child: ReturnType<typeof spawn>) => void): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'digest-reader.mjs'), ...args], {
      cwd: ROOT,
      env: { ...process.env, DIGEST_READER_DATA: '' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
      onOutput?.(stdout, child);
    });
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('the command line on every path', { timeout: 120_000 }, () => {
  it('lists backups and restores one, printing how to undo it; a lost store is restored and reported', async () => {
    const data = path.join(tempDir(), 'lib');
    expect((await cli(['--data', data, 'import', SAMPLE_PATH])).status).toBe(0);
    const created = await cli(['--data', data, 'backups', 'create']);
    expect(created).toMatchObject({ status: 0, stdout: expect.stringMatching(/^Backed up as userdata-/) });
    const listed = await cli(['--data', data, 'backups', 'list', '--json']);
    const backups = JSON.parse(listed.stdout) as { id: string; counts: { notes: number } }[];
    expect(backups.length).toBeGreaterThan(0);
    const restored = await cli(['--data', data, 'backups', 'restore', backups[0].id]);
    expect(restored).toMatchObject({ status: 0, stdout: expect.stringContaining('backups restore userdata-') });
    const unknown = await cli(['--data', data, 'backups', 'restore', 'userdata-nope']);
    expect(unknown).toMatchObject({ status: 1, stderr: expect.stringContaining('no longer there') });
    expect(fs.existsSync(path.join(data, 'library.lock'))).toBe(false);
    fs.rmSync(path.join(data, 'userdata.json'));
    const afterLoss = await cli(['--data', data, 'stats']);
    expect(afterLoss).toMatchObject({ status: 0, stderr: expect.stringContaining('digest-reader: Your data file (userdata.json) was missing') });
  });

  it('stops on SIGTERM in the middle of an import of several files with a message, keeps what was done, and releases the library', async () => {
    const data = path.join(tempDir(), 'lib');
    const big = path.join(tempDir(), 'big.txt');
    // A second file large enough to be importing when the signal comes (sent once the first is reported).
    const sample = fs.readFileSync(SAMPLE_PATH, 'utf8');
    fs.writeFileSync(big, Array.from({ length: 150 }, (_, i) => sample.replace(/^(\S.*)$/gm, (line) => (line.trim() ? `${line} (${i})` : line))).join('\n\n'));
    let sent = false;
    const result = await cli(['--data', data, 'import', SAMPLE_PATH, big], (stdout, child) => {
      if (!sent && stdout.includes('imported')) {
        sent = true;
        child.kill('SIGTERM');
      }
    });
    expect(sent).toBe(true);
    expect(result.stderr).toContain('digest-reader: stopped by SIGTERM');
    expect(result.status).toBe(143);
    expect(fs.existsSync(path.join(data, 'library.lock'))).toBe(false);
    const stats = await cli(['--data', data, 'stats', '--json']);
    expect(stats.status).toBe(0);
    const names = (JSON.parse(stats.stdout) as { digests: { name: string; papers: number }[] }).digests;
    expect(names.find((d) => d.papers === 119)).toBeDefined();
  });
});
