import { ApiError } from '../api/contract';
import { MAX_NOTE_CHARS } from '../api/vocabulary';
import { type DataContext, requirePapers } from '../shared/context';
import type { UserData } from '../storage/schema';
import type { Note } from './types';

/** A paper's note, or null: every reader of notes goes through here (the reader, search, exports, comparisons). */
export function noteOf(data: Readonly<UserData>, paperId: string): Note | null {
  return data.notes[paperId] ?? null;
}

export function getNote(ctx: DataContext, paperId: string): Note | null {
  return noteOf(ctx.store.data, paperId);
}

/** Saves the note (an empty note is removed) and re-indexes the paper so search finds it. */
export function saveNote(ctx: DataContext, paperId: string, text: string): Note | null {
  requirePapers(ctx, [paperId]);
  if (text.length > MAX_NOTE_CHARS) throw new ApiError('too-large', `A note can be at most ${MAX_NOTE_CHARS / 1024 / 1024} MB of text.`);
  const now = ctx.now();
  let saved: Note | null = null;
  ctx.store.update((d) => {
    if (text.trim() === '') {
      delete d.notes[paperId];
      return;
    }
    saved = { text, createdAt: d.notes[paperId]?.createdAt ?? now, updatedAt: now };
    d.notes[paperId] = saved;
  });
  ctx.reindex([paperId]);
  return saved;
}
