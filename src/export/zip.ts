import { strToU8, zipSync } from 'fflate';

/** A .zip of text files (UTF-8 names and contents), for a download in web mode. */
export function zipFiles(files: { name: string; text: string }[]): Uint8Array {
  return zipSync(Object.fromEntries(files.map((f) => [f.name, strToU8(f.text)])), { level: 6 });
}
