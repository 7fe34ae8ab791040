import { z } from 'zod';
import { handler } from '../api/contract';
import { id } from '../api/schemas';
import type { DataContext } from '../shared/context';
import { FONT_SIZE, FONTS, LINE_HEIGHT, MAX_NAME, MAX_QUERY, MAX_TAGS_AT_ONCE, READING_WIDTH, TAG_MODES, THEMES } from '../api/vocabulary';
import { readSettings, saveSession, updateSettings } from './settings';

const view = z.union([
  z.object({ kind: z.enum(['all', 'starred', 'sources', 'trends']) }),
  z.object({ kind: z.enum(['digest', 'list', 'comparison', 'smart']), id }),
  z.object({ kind: z.literal('tags'), ids: z.array(id).max(MAX_TAGS_AT_ONCE), mode: z.enum(TAG_MODES) }),
]);

export function settingsHandlers(ctx: DataContext) {
  return {
    'settings.get': handler(z.object({}), () => readSettings(ctx.store.data)),
    'settings.set': handler(
      z.object({
        markReadOnOpen: z.boolean().optional(),
        theme: z.enum(THEMES).optional(),
        font: z.enum(FONTS).optional(),
        fontSize: z.number().min(FONT_SIZE.min).max(FONT_SIZE.max).optional(),
        lineHeight: z.number().min(LINE_HEIGHT.min).max(LINE_HEIGHT.max).optional(),
        readingWidth: z.number().int().min(READING_WIDTH.min).max(READING_WIDTH.max).optional(),
      }),
      (change) => updateSettings(ctx, change),
    ),
    'session.get': handler(z.object({}), () => ctx.store.data.session ?? null),
    'session.save': handler(
      z.object({
        view,
        selectedId: id.nullable(),
        query: z.string().max(MAX_QUERY),
        scrollTop: z.number().min(0).max(1e9),
        facets: z
          .object({
            author: z.string().max(MAX_NAME).nullable(),
            category: z.string().max(40).nullable(),
            year: z.number().int().min(1900).max(2200).nullable(),
          })
          .optional(),
      }),
      (session) => saveSession(ctx, session),
    ),
  };
}
