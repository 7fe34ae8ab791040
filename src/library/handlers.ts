import { z } from 'zod';
import { ApiError, handler } from '../api/contract';
import { decodeDigest, FORMAT_LIST, type FormatName } from '../digest/parse';
import { id } from '../api/schemas';
import { parseArxivId } from '../digest/arxiv';
import type { DataContext } from '../shared/context';
import { relatedPapers } from '../search/related';
import {
  MAX_DIGEST_BYTES,
  MAX_DIGEST_NAME,
  MAX_NAME,
  MAX_QUERY,
  MAX_SMART_QUERY,
  MAX_TAGS_AT_ONCE,
  READ_STATES,
  SORT_ORDERS,
  TAG_MODES,
} from '../api/vocabulary';
import type { RankingService, RankingStatus } from '../rank/ranking-service';
import type { SmartLists } from '../smart/smart-lists';
import { readQuery } from '../smart/evaluate';
import type { Library, PaperPage, PaperQuery } from './library';
import { readerData } from './user-view';

const query = z.object({
  q: z.string().max(MAX_QUERY).optional(),
  digestId: id.nullable().optional(),
  listId: id.nullable().optional(),
  tagIds: z.array(id).max(MAX_TAGS_AT_ONCE).optional(),
  tagMode: z.enum(TAG_MODES).optional(),
  state: z.enum(READ_STATES).nullable().optional(),
  starred: z.boolean().optional(),
  /** Only papers the reader has judged (true), or only those still new to them (false). */
  judged: z.boolean().optional(),
  author: z.string().max(MAX_NAME).nullable().optional(),
  category: z.string().max(40).nullable().optional(),
  year: z.number().int().min(1900).max(2200).nullable().optional(),
  sort: z.enum(SORT_ORDERS).optional(),
  /** With sort 'best': this tag's model ranks instead of the overall one. */
  bestFor: id.nullable().optional(),
  /** Only the papers of this smart list, or of this query in the smart-list syntax. */
  smartListId: id.nullable().optional(),
  smart: z.string().max(MAX_SMART_QUERY).optional(),
  offset: z.number().int().min(0).optional(),
  /** 0: no rows, only what else was asked (a search's filter counts, asked once typing pauses). */
  limit: z.number().int().min(0).max(1000).optional(),
  /** Also count the categories and years of the papers in view (the first page asks, or a search once typing pauses). */
  facets: z.boolean().optional(),
  /** Also say whether this paper is in the list (the one open in the reader). */
  locate: id.optional(),
});

/** What a query reaches beyond the library: smart lists, and the interest model ("Best for you"). */
export interface QueryHelpers {
  smart: SmartLists;
  ranking: RankingService;
}

/** A page of papers; sorted 'best', its rows carry their reason and `ranking` says how the model stands. */
export type RankedPage = PaperPage & { ranking: RankingStatus | null };

async function queryPapers(library: Library, ctx: DataContext, h: QueryHelpers, arg: z.output<typeof query>): Promise<RankedPage> {
  const { smartListId, smart, ...rest } = arg;
  const q: PaperQuery = rest;
  if (smartListId || smart) {
    const ids = smartListId ? await h.smart.members(smartListId) : await h.smart.evaluator.members(readQuery(smart!));
    q.within = { key: `smart:${smartListId ?? smart}:${library.corpus.digests.length}:${ctx.store.data.revision ?? 0}`, ids };
  }
  if (arg.sort !== 'best') return { ...(await library.query(q)), ranking: null };
  await h.ranking.prepare(arg.bestFor);
  const page = await library.query(q);
  const reasons = await h.ranking.reasons(
    page.items.map((p) => p.id),
    arg.bestFor,
  );
  // Assigned, not spread (a row has eighteen fields: see paper-row.ts).
  return { ...page, items: page.items.map((p) => Object.assign({}, p, { reason: reasons.get(p.id) ?? null })), ranking: h.ranking.status() };
}

/** The papers and digests part of the contract. */
export function libraryHandlers(library: Library, ctx: DataContext, helpers: QueryHelpers) {
  return {
    /** Papers of the library, a digest, a list, a tag, a smart list or a search; sort 'best' ranks them "Best for you", with reasons. */
    'papers.query': handler(query, (arg) => queryPapers(library, ctx, helpers, arg)),
    /** Everything the reader pane shows of one paper, the reader's own data included. */
    'papers.get': handler(z.object({ id, q: z.string().max(MAX_QUERY).optional() }), async ({ id, q }) => {
      return { ...(await library.get(id, q)), ...readerData(ctx, id) };
    }),
    /** Papers by the app's id or an arXiv id (\`2401.12345\`, \`arXiv:2401.12345v2\`, an abs URL); what is not in the library is listed apart. */
    'papers.resolve': handler(z.object({ refs: z.array(z.string().max(300)).min(1).max(1000) }), ({ refs }) => {
      const papers: { ref: string; id: string; title: string }[] = [];
      const missing: string[] = [];
      for (const ref of refs) {
        const paper = library.corpus.paper(ref) ?? library.corpus.byArxiv(parseArxivId(ref)?.id ?? '');
        if (paper) papers.push({ ref, id: paper.id, title: paper.title });
        else missing.push(ref);
      }
      return { papers, missing };
    }),
    /** The categories and years of the whole library, with their counts (a view's come with its first page). */
    'papers.facets': handler(z.object({}), () => library.facets()),
    'papers.related': handler(z.object({ id, limit: z.number().int().min(1).max(20).optional() }), ({ id, limit }) =>
      relatedPapers(library.corpus, library.index, library.terms, id, limit),
    ),
    'digests.list': handler(z.object({}), () => {
      const status = ctx.store.data.status;
      const unread = new Map<string, number>();
      for (const p of library.corpus.papers) {
        if ((status[p.id]?.state ?? 'unread') !== 'unread') continue;
        for (const digestId of new Set(p.appearances.map((a) => a.digestId))) unread.set(digestId, (unread.get(digestId) ?? 0) + 1);
      }
      return { digests: library.digests().map((d) => ({ ...d, unread: unread.get(d.id) ?? 0 })), paperCount: library.corpus.paperCount };
    }),
    'digests.import': handler(
      z.object({
        /** A name the reader gave; else one is made from the content and the file (digest-name.ts). */
        name: z.string().max(MAX_DIGEST_NAME).optional(),
        fileName: z.string().max(MAX_DIGEST_NAME).optional(),
        modifiedAt: z.string().max(40).optional(),
        /** The text, or the file's bytes in base64 when the page cannot tell its encoding (UTF-16, Windows-1252). */
        text: z.string().max(MAX_DIGEST_BYTES).optional(),
        bytes: z
          .base64()
          .max(Math.ceil(MAX_DIGEST_BYTES / 3) * 4)
          .optional(),
        source: z.enum(['file', 'paste']),
        format: z.enum(FORMAT_LIST.map((f) => f.name) as [FormatName, ...FormatName[]]).optional(),
      }),
      ({ bytes, text, ...arg }) => {
        if ((bytes === undefined) === (text === undefined)) throw new ApiError('invalid-argument', 'Give the digest as text or as bytes, not both.');
        return library.import({ ...arg, text: text ?? decodeDigest(Buffer.from(bytes!, 'base64')) });
      },
    ),
  };
}
