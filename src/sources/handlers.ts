import { z } from 'zod';
import { handler } from '../api/contract';
import { id } from '../api/schemas';
import { MAX_NAME, MAX_SOURCES, MAX_URL } from '../api/vocabulary';
import { FORMAT_LIST, type FormatName } from '../digest/parse';
import type { DataContext } from '../shared/context';
import type { FetchScheduler } from './scheduler';
import type { SourcesService } from './sources';

const format = z.enum(FORMAT_LIST.map((f) => f.name) as [FormatName, ...FormatName[]]);
const url = z.string().min(1).max(MAX_URL);

/** The sources part of the contract; `scheduler` is there while the app runs (not on the command line). */
export function sourceHandlers(ctx: DataContext, sources: SourcesService, scheduler?: FetchScheduler) {
  const schedule = () => ({ schedule: ctx.store.data.fetchSchedule, next: scheduler?.next() ?? null });
  return {
    'sources.list': handler(z.object({}), () => ({ sources: sources.list(), ...schedule() })),
    /** A URL, or `hf` (Hugging Face's daily papers) or `arxiv:cs.CL+cs.LG`; the kind follows the format or the address. */
    'sources.add': handler(z.object({ url, name: z.string().max(MAX_NAME).optional(), format: format.optional() }), (a) =>
      sources.add(a.url, { name: a.name, format: a.format }),
    ),
    'sources.update': handler(z.object({ id, name: z.string().max(MAX_NAME).optional(), url: url.optional(), format: format.nullable().optional() }), (a) =>
      sources.update(a.id, { name: a.name, url: a.url, format: a.format }),
    ),
    'sources.remove': handler(z.object({ id }), (a) => sources.remove(a.id)),
    'sources.restore': handler(z.object({ id }), (a) => sources.restore(a.id)),
    /** "Fetch now": the sources named, or every source. */
    'sources.fetch': handler(z.object({ ids: z.array(id).min(1).max(MAX_SOURCES).optional() }), (a) => sources.fetch(a.ids, 'manual')),
    'sources.schedule': handler(z.object({ atStartup: z.boolean().optional(), dailyHour: z.number().int().min(0).max(23).nullable().optional() }), (a) => {
      ctx.store.update((d) => {
        if (a.atStartup !== undefined) d.fetchSchedule = { ...d.fetchSchedule, atStartup: a.atStartup };
        if (a.dailyHour !== undefined) d.fetchSchedule = { ...d.fetchSchedule, dailyHour: a.dailyHour };
      });
      scheduler?.reschedule();
      return schedule();
    }),
  };
}
