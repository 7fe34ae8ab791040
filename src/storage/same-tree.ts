import * as fs from 'node:fs';
import * as path from 'node:path';

const CHUNK = 1 << 20;

/** Whether two files hold the same bytes, read a megabyte at a time (a search index can be large). */
function sameFile(a: string, b: string): boolean {
  if (fs.statSync(a).size !== fs.statSync(b).size) return false;
  const fa = fs.openSync(a, 'r');
  const fb = fs.openSync(b, 'r');
  try {
    const ba = Buffer.alloc(CHUNK);
    const bb = Buffer.alloc(CHUNK);
    for (;;) {
      const na = fs.readSync(fa, ba, 0, CHUNK, null);
      const nb = fs.readSync(fb, bb, 0, CHUNK, null);
      if (na !== nb || !ba.subarray(0, na).equals(bb.subarray(0, nb))) return false;
      if (na === 0) return true;
    }
  } finally {
    fs.closeSync(fa);
    fs.closeSync(fb);
  }
}

/** Whether `b` is an exact copy of `a`: the same files and folders, with the same bytes. */
export function sameTree(a: string, b: string): boolean {
  const sa = fs.lstatSync(a, { throwIfNoEntry: false });
  const sb = fs.lstatSync(b, { throwIfNoEntry: false });
  if (!sa || !sb || sa.isDirectory() !== sb.isDirectory()) return false;
  if (!sa.isDirectory()) return sa.isFile() && sb.isFile() && sameFile(a, b);
  const names = fs.readdirSync(a).sort();
  const copied = fs.readdirSync(b).sort();
  return names.length === copied.length && names.every((name, i) => name === copied[i] && sameTree(path.join(a, name), path.join(b, name)));
}
