import * as fs from 'node:fs';
import { decodeDigest, FORMAT_LIST } from '../digest/parse';
import { MAX_DIGEST_BYTES } from '../digest/errors';

/** The formats --format accepts. */
export const FORMAT_NAMES: string[] = FORMAT_LIST.map((f) => f.name);

const tooLarge = (what: string, bytes: number) =>
  `${what} is ${(bytes / 1024 / 1024).toFixed(1)} MB; digests up to ${MAX_DIGEST_BYTES / 1024 / 1024} MB can be imported. Split it into smaller files.`;

/** A digest file's text (UTF-8, UTF-16 or Windows-1252), with what names it: the file's name and its modification date. */
export function readDigestFile(file: string): { text: string; fileName: string; modifiedAt: string } {
  let stat;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    throw new Error(`cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, { cause: error });
  }
  if (!stat.isFile()) throw new Error('not a file');
  if (stat.size > MAX_DIGEST_BYTES) throw new Error(tooLarge('it', stat.size));
  return { text: decodeDigest(fs.readFileSync(file)), fileName: file.split(/[\\/]/).pop()!, modifiedAt: stat.mtime.toISOString() };
}

/** All of standard input, up to the digest size limit. */
export async function readStdin(stream: NodeJS.ReadableStream = process.stdin): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buf.length;
    if (size > MAX_DIGEST_BYTES) throw new Error(tooLarge('standard input', size));
    chunks.push(buf);
  }
  return decodeDigest(Buffer.concat(chunks));
}
