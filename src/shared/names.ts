import { ApiError } from '../api/contract';
import { MAX_NAME } from '../api/vocabulary';

/** A name the reader gave (a list, a tag, a comparison): trimmed, and never empty. */
export function cleanName(name: string, what: string): string {
  const clean = name.replace(/\s+/g, ' ').trim();
  if (!clean) throw new ApiError('invalid-name', `A ${what} needs a name: it cannot be empty or only spaces.`);
  if (clean.length > MAX_NAME) throw new ApiError('invalid-name', `A ${what} name can be at most ${MAX_NAME} characters.`);
  return clean;
}

export const sameName = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;
