import { z } from 'zod';
import { handler } from '../api/contract';
import { id } from '../api/schemas';
import type { DataContext } from '../shared/context';
import { getNote, saveNote } from './notes';

export function noteHandlers(ctx: DataContext) {
  return {
    'notes.get': handler(z.object({ paperId: id }), (a) => getNote(ctx, a.paperId)),
    'notes.save': handler(z.object({ paperId: id, text: z.string() }), (a) => saveNote(ctx, a.paperId, a.text)),
  };
}
