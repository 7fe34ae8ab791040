import { localDay } from '../shared/local-day';
import type { DigestMeta } from '../digest/types';

/** What an import knows to name its digest by. */
export interface NameHints {
  /** A name the reader gave: used as it is. */
  name?: string;
  /** The file's name, with or without its extension. */
  fileName?: string;
  /** The file's modification time (ISO), the date of last resort. */
  modifiedAt?: string;
  meta?: DigestMeta;
  now: string;
}

const DAY = /(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)/;
/** The day of a date, or of a moment as the reader's clock shows it (an evening in California is not tomorrow). */
function day(iso: string | undefined): string | undefined {
  if (!iso) return undefined;
  const moment = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(iso) ? new Date(iso) : undefined;
  if (moment && !Number.isNaN(moment.getTime())) return localDay(moment);
  return DAY.exec(iso)?.[0] || undefined;
}

/**
 * A digest's name says what and when: "Hugging Face daily papers 2026-11-29", "arXiv cs.CL
 * 2026-07-20", or the file's name with the day from the content, else the file's date. A name
 * that already holds a day is not given a second one.
 */
export function digestName(h: NameHints): string {
  const given = h.name?.replace(/\s+/g, ' ').trim();
  if (given) return given.slice(0, 300);
  const base = h.fileName?.replace(/\.[^.]{1,8}$/, '').trim();
  const what = h.meta?.title?.trim() || base || 'Pasted digest';
  const when = day(h.meta?.date) ?? (base ? day(h.modifiedAt) : undefined) ?? day(h.now)!;
  return (DAY.test(what) ? what : `${what} ${when}`).slice(0, 300);
}
