import { ApiError } from '../api/contract';
import {
  comparisonAtMinimum,
  comparisonCountProblem,
  comparisonFull,
  DRAFT_NAME,
  MAX_ATTRIBUTES,
  MAX_CELL_CHARS,
  MAX_PAPERS,
  MIN_PAPERS,
} from '../api/vocabulary';
import { describeQuote } from '../highlights/anchor';
import { type DataContext, dataChanged, newId, requirePapers } from '../shared/context';
import { cleanName, sameName } from '../shared/names';
import { tombstoneKind } from '../shared/tombstones';
import type { UserData } from '../storage/schema';
import type { Comparison, ComparisonAttribute, ComparisonCell } from './types';

export interface ComparisonSummary {
  id: string;
  name: string;
  paperCount: number;
  /** Papers of the comparison no longer in the library. */
  missing: number;
  updatedAt: string;
}

interface DeletedAttribute {
  comparisonId: string;
  attribute: ComparisonAttribute;
  position: number;
  /** paper id → its cell for the attribute */
  cells: Record<string, ComparisonCell>;
}

const DELETED = tombstoneKind<Comparison>('comparison');
const REMOVED_ATTRIBUTE = tombstoneKind<DeletedAttribute>('comparison-attribute');

function requireComparison(data: UserData, id: string): Comparison {
  const c = data.comparisons[id];
  if (!c) throw new ApiError('not-found', 'That comparison no longer exists.');
  return c;
}

function requireAttribute(c: Comparison, attributeId: string): ComparisonAttribute {
  const a = c.attributes.find((x) => x.id === attributeId);
  if (!a) throw new ApiError('not-found', 'That attribute is no longer in the comparison.');
  return a;
}

function refuseDuplicate(data: UserData, name: string, except?: string) {
  const other = Object.values(data.comparisons).find((c) => c.saved && c.id !== except && sameName(c.name, name));
  if (other) throw new ApiError('duplicate-name', `There is already a comparison named “${other.name}”.`);
}

function checkCount(count: number) {
  const problem = comparisonCountProblem(count);
  if (problem) throw new ApiError(count < MIN_PAPERS ? 'too-few-papers' : 'too-many-papers', problem);
}

/** Applies a change to one comparison and stamps it; an edit that throws changes nothing. */
function change(ctx: DataContext, id: string, edit: (c: Comparison, d: UserData) => void): void {
  ctx.store.update((d) => {
    const c = requireComparison(d, id);
    edit(c, d);
    c.updatedAt = ctx.now();
  });
  dataChanged(ctx);
}

/** The saved comparisons, by name. A draft (not yet named) is not listed. */
export function listComparisons(ctx: DataContext): ComparisonSummary[] {
  return Object.values(ctx.store.data.comparisons)
    .filter((c) => c.saved)
    .map((c) => ({
      id: c.id,
      name: c.name,
      paperCount: c.paperIds.length,
      missing: c.paperIds.filter((p) => !ctx.corpus.paper(p)).length,
      updatedAt: c.updatedAt,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Starts a comparison of 2–6 papers. Without a name it is a draft, which replaces the previous
 * draft: the reader can open comparisons freely and keep only those they name.
 */
export function createComparison(ctx: DataContext, paperIds: string[], name?: string): Comparison {
  const ids = [...new Set(paperIds)];
  checkCount(ids.length);
  requirePapers(ctx, ids);
  const clean = name === undefined ? undefined : cleanName(name, 'comparison');
  if (clean) refuseDuplicate(ctx.store.data, clean);
  const now = ctx.now();
  const comparison: Comparison = {
    id: newId(),
    name: clean ?? DRAFT_NAME,
    saved: clean !== undefined,
    paperIds: ids,
    titles: Object.fromEntries(ids.map((p) => [p, ctx.corpus.paper(p)!.title])),
    attributes: [],
    values: {},
    createdAt: now,
    updatedAt: now,
  };
  ctx.store.update((d) => {
    if (!comparison.saved) for (const c of Object.values(d.comparisons)) if (!c.saved) delete d.comparisons[c.id];
    d.comparisons[comparison.id] = comparison;
  });
  dataChanged(ctx);
  return comparison;
}

/** Names a comparison; naming a draft saves it. */
export function renameComparison(ctx: DataContext, id: string, name: string): void {
  const clean = cleanName(name, 'comparison');
  refuseDuplicate(ctx.store.data, clean, id);
  change(ctx, id, (c) => {
    c.name = clean;
    c.saved = true;
  });
}

/** Deletes a comparison (never its papers); `restoreComparison` with its id undoes it. */
export function deleteComparison(ctx: DataContext, id: string): { id: string; name: string } {
  const c = requireComparison(ctx.store.data, id);
  ctx.store.update((d) => {
    delete d.comparisons[id];
  });
  ctx.tombstones.keep(DELETED, id, c);
  dataChanged(ctx);
  return { id, name: c.name };
}

/** Brings a deleted comparison back exactly as it was. */
export function restoreComparison(ctx: DataContext, id: string): void {
  if (ctx.store.data.comparisons[id]) return;
  ctx.tombstones.restore(DELETED, id, (c) => {
    if (c.saved) refuseDuplicate(ctx.store.data, c.name);
    ctx.store.update((d) => {
      d.comparisons[c.id] = c;
    });
  });
  dataChanged(ctx);
}

/** Adds papers as new columns at the end; the comparison keeps at most six. */
export function addPapers(ctx: DataContext, id: string, paperIds: string[]): void {
  requirePapers(ctx, paperIds);
  change(ctx, id, (c) => {
    const fresh = [...new Set(paperIds)].filter((p) => !c.paperIds.includes(p));
    if (c.paperIds.length + fresh.length > MAX_PAPERS) {
      throw new ApiError('too-many-papers', comparisonFull(c.paperIds.length));
    }
    for (const p of fresh) c.titles[p] = ctx.corpus.paper(p)!.title;
    c.paperIds.push(...fresh);
  });
}

/**
 * Removes a column. Its cells are kept, so adding the paper back brings them back (and an undo
 * is just that); a comparison never goes below two papers.
 */
export function removePaper(ctx: DataContext, id: string, paperId: string): { position: number } {
  let position = -1;
  change(ctx, id, (c) => {
    position = c.paperIds.indexOf(paperId);
    if (position < 0) throw new ApiError('not-found', 'That paper is not in the comparison.');
    if (c.paperIds.length <= MIN_PAPERS) throw new ApiError('too-few-papers', comparisonAtMinimum);
    c.paperIds.splice(position, 1);
  });
  return { position };
}

/** Sets the order of the columns; it must hold exactly the comparison's papers. */
export function reorderPapers(ctx: DataContext, id: string, paperIds: string[]): void {
  change(ctx, id, (c) => {
    const same = paperIds.length === c.paperIds.length && new Set(paperIds).size === paperIds.length && paperIds.every((p) => c.paperIds.includes(p));
    if (!same) throw new ApiError('invalid-argument', 'The new order must contain exactly the papers of the comparison.');
    c.paperIds = paperIds;
  });
}

/** Moves one column to a new position (the column's "move left/right" buttons). */
export function movePaper(ctx: DataContext, id: string, paperId: string, to: number): void {
  const order = [...requireComparison(ctx.store.data, id).paperIds];
  const from = order.indexOf(paperId);
  if (from < 0) throw new ApiError('not-found', 'That paper is not in the comparison.');
  order.splice(from, 1);
  order.splice(Math.min(Math.max(to, 0), order.length), 0, paperId);
  reorderPapers(ctx, id, order);
}

/** Adds an attribute row; its name joins the names offered in every comparison. */
export function addAttribute(ctx: DataContext, id: string, name: string): ComparisonAttribute {
  const clean = cleanName(name, 'attribute');
  const attribute = { id: newId(), name: clean };
  change(ctx, id, (c, d) => {
    if (c.attributes.some((a) => sameName(a.name, clean))) throw new ApiError('duplicate-name', `This comparison already has a row “${clean}”.`);
    if (c.attributes.length >= MAX_ATTRIBUTES) throw new ApiError('too-many-attributes', `A comparison can have at most ${MAX_ATTRIBUTES} attribute rows.`);
    c.attributes.push(attribute);
    rememberName(d, clean);
  });
  return attribute;
}

function rememberName(d: UserData, name: string) {
  if (!d.attributeNames.some((n) => sameName(n, name))) d.attributeNames = [...d.attributeNames, name].sort((a, b) => a.localeCompare(b));
}

export function renameAttribute(ctx: DataContext, id: string, attributeId: string, name: string): void {
  const clean = cleanName(name, 'attribute');
  change(ctx, id, (c, d) => {
    const a = requireAttribute(c, attributeId);
    if (c.attributes.some((x) => x.id !== attributeId && sameName(x.name, clean)))
      throw new ApiError('duplicate-name', `This comparison already has a row “${clean}”.`);
    a.name = clean;
    rememberName(d, clean);
  });
}

/** Removes an attribute row with its cells; `restoreAttribute` with its id undoes it. */
export function removeAttribute(ctx: DataContext, id: string, attributeId: string): ComparisonAttribute {
  // Taken from the data before the change: objects of the draft are not to be kept once it is made.
  const before = requireComparison(ctx.store.data, id);
  const attribute = requireAttribute(before, attributeId);
  const cells: Record<string, ComparisonCell> = {};
  for (const [paperId, row] of Object.entries(before.values)) if (row[attributeId]) cells[paperId] = row[attributeId];
  const deleted: DeletedAttribute = { comparisonId: id, attribute, position: before.attributes.indexOf(attribute), cells };
  change(ctx, id, (c) => {
    for (const row of Object.values(c.values)) delete row[attributeId];
    c.attributes = c.attributes.filter((a) => a.id !== attributeId);
  });
  ctx.tombstones.keep(REMOVED_ATTRIBUTE, attributeId, deleted);
  return deleted.attribute;
}

/** Puts a removed attribute row back in its place, with its cells. */
export function restoreAttribute(ctx: DataContext, id: string, attributeId: string): void {
  ctx.tombstones.restore(REMOVED_ATTRIBUTE, attributeId, ({ comparisonId, attribute, position, cells }) => {
    if (comparisonId !== id) throw new ApiError('not-found', 'That row was not removed from this comparison.');
    change(ctx, id, (c) => {
      if (c.attributes.some((a) => a.id === attribute.id)) return;
      c.attributes.splice(Math.min(Math.max(position, 0), c.attributes.length), 0, attribute);
      for (const [paperId, cell] of Object.entries(cells)) (c.values[paperId] ??= {})[attribute.id] = cell;
    });
  });
}

/** Moves an attribute row up or down. */
export function moveAttribute(ctx: DataContext, id: string, attributeId: string, to: number): void {
  change(ctx, id, (c) => {
    const a = requireAttribute(c, attributeId);
    const rest = c.attributes.filter((x) => x.id !== attributeId);
    rest.splice(Math.min(Math.max(to, 0), rest.length), 0, a);
    c.attributes = rest;
  });
}

function requireColumn(c: Comparison, paperId: string) {
  if (!c.paperIds.includes(paperId)) throw new ApiError('not-found', 'That paper is not in the comparison.');
}

/** Sets a cell's text; an empty text clears the cell. A typed value is free text, not a quote. */
export function setCell(ctx: DataContext, id: string, paperId: string, attributeId: string, value: string): void {
  if (value.length > MAX_CELL_CHARS) throw new ApiError('too-large', `A cell can hold at most ${MAX_CELL_CHARS.toLocaleString('en')} characters.`);
  change(ctx, id, (c) => {
    requireColumn(c, paperId);
    requireAttribute(c, attributeId);
    const row = (c.values[paperId] ??= {});
    if (value.trim()) row[attributeId] = { value, updatedAt: ctx.now() };
    else delete row[attributeId];
  });
}

/** Fills a cell with abstract[start, end) of its paper, kept as a quote anchored like a highlight. */
export function quoteCell(ctx: DataContext, id: string, paperId: string, attributeId: string, start: number, end: number): ComparisonCell {
  const paper = ctx.corpus.paper(paperId);
  if (!paper) throw new ApiError('not-found', 'That paper is no longer in the library, so its abstract cannot be quoted.');
  if (!(start >= 0 && end <= paper.abstract.length && end > start)) throw new ApiError('invalid-argument', 'The selection is not inside the abstract.');
  const quote = describeQuote(paper.abstract, start, end);
  const value = quote.exact.replace(/\s+/g, ' ').trim();
  if (!value) throw new ApiError('invalid-argument', 'Select some text of the abstract to fill the cell with.');
  if (value.length > MAX_CELL_CHARS) throw new ApiError('too-large', 'That selection is too long for a cell.');
  const cell: ComparisonCell = { value, quote, updatedAt: ctx.now() };
  change(ctx, id, (c) => {
    requireColumn(c, paperId);
    requireAttribute(c, attributeId);
    (c.values[paperId] ??= {})[attributeId] = cell;
  });
  return cell;
}

export function attributeNames(ctx: DataContext): string[] {
  return ctx.store.data.attributeNames;
}
