import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { ROOT } from '../../../src/paths';

export interface Result {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the installed bin as a person would, in its own process; `stdin` is piped in when given. */
export function cliWith(stdin: string | undefined, ...args: string[]): Promise<Result> {
  return cliIn(ROOT, stdin, ...args);
}

/** `cliWith`, run from the folder `cwd`. */
export function cliIn(cwd: string, stdin: string | undefined, ...args: string[]): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'digest-reader.mjs'), ...args], {
      cwd,
      env: { ...process.env, DIGEST_READER_DATA: '' },
    });
    child.stdin.end(stdin ?? '');
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

export const cli = (...args: string[]): Promise<Result> => cliWith(undefined, ...args);
