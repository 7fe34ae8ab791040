import { z } from 'zod';
import { handler } from '../api/contract';
import { id } from '../api/schemas';
import { MAX_NOTE_CHARS } from '../api/vocabulary';
import type { DataContext } from '../shared/context';
import { getNote, saveNote } from './notes';

export function noteHandlers(ctx: DataContext) {
  return {
    'notes.get': handler(z.object({ paperId: id }), (a) => getNote(ctx, a.paperId)),
    'notes.save': handler(
      z.object({ paperId: id, text: z.string().max(MAX_NOTE_CHARS, `A note can be at most ${MAX_NOTE_CHARS / 1024 / 1024} MB of text.`) }),
      (a) => saveNote(ctx, a.paperId, a.text),
    ),
  };
}
