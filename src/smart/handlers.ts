import { z } from 'zod';
import { handler } from '../api/contract';
import { id } from '../api/schemas';
import { MAX_NAME, MAX_SMART_QUERY } from '../api/vocabulary';
import { parseQuery } from './parse-query';
import { printQuery } from './print-query';
import { caretMessage } from './query-types';
import type { SmartLists } from './smart-lists';

const query = z.string().max(MAX_SMART_QUERY);
const rule = z
  .object({ tag: z.string().max(MAX_NAME).optional(), listId: id.optional(), star: z.boolean().optional() })
  .nullable()
  .optional();

/** The smart lists part of the contract. */
export function smartHandlers(smart: SmartLists) {
  return {
    /** Every smart list with its live count and its "new since you last looked" count. */
    'smart.list': handler(z.object({}), () => smart.list()),
    /**
     * Reads a query as it is typed: its canonical form and how many papers it matches, or where it
     * stops making sense (`offset`, a 0-based character position; `caret`: the query with a ^ under it).
     */
    'smart.check': handler(z.object({ query }), async (a) => {
      const r = parseQuery(a.query);
      if (!r.ok) return { ok: false as const, code: r.error.code, message: r.error.message, offset: r.error.offset, caret: caretMessage(a.query, r.error) };
      return { ok: true as const, query: printQuery(r.query), count: (await smart.evaluator.members(r.query)).size };
    }),
    'smart.create': handler(z.object({ name: z.string().max(MAX_NAME), query, rule }), (a) => smart.create(a.name, a.query, a.rule)),
    'smart.rename': handler(z.object({ id, name: z.string().max(MAX_NAME) }), (a) => smart.rename(a.id, a.name)),
    /** A new query and/or rule (`rule: null` removes it). */
    'smart.update': handler(z.object({ id, query: query.optional(), rule }), (a) => smart.update(a.id, { query: a.query, rule: a.rule })),
    'smart.delete': handler(z.object({ id }), (a) => smart.delete(a.id)),
    'smart.restore': handler(z.object({ id }), (a) => smart.restore(a.id)),
    /** The reader opened the list: its "new" count starts again. */
    'smart.seen': handler(z.object({ id }), (a) => smart.seen(a.id)),
  };
}
