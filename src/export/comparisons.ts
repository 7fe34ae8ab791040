import type { UserData } from '../storage/schema';

/** What export needs of a comparison: its papers, and the attribute values it gives each paper. */
export interface ComparisonView {
  id: string;
  name: string;
  paperIds: string[];
  /** paper id → attribute name → value */
  attributes: Record<string, Record<string, string>>;
}

type Loose = Record<string, unknown>;
const isObject = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined);

/** Attribute columns may be named objects or plain names; cells are keyed by column id or name. */
function attributesOf(c: Loose): Record<string, Record<string, string>> {
  const names = new Map<string, string>();
  const columns = Array.isArray(c.attributes) ? c.attributes : Array.isArray(c.columns) ? c.columns : [];
  for (const col of columns) {
    if (typeof col === 'string') names.set(col, col);
    else if (isObject(col) && typeof col.name === 'string') names.set(typeof col.id === 'string' ? col.id : col.name, col.name);
  }
  const out: Record<string, Record<string, string>> = {};
  const cells = isObject(c.values) ? c.values : isObject(c.cells) ? c.cells : {};
  for (const [paperId, row] of Object.entries(cells)) {
    if (!isObject(row)) continue;
    for (const [col, raw] of Object.entries(row)) {
      const value = text(isObject(raw) ? raw.value : raw);
      if (value === undefined || value.trim() === '') continue;
      (out[paperId] ??= {})[names.get(col) ?? col] = value;
    }
  }
  return out;
}

/**
 * The comparisons in the reader's data. They belong to another domain (src/compare, schema v3)
 * and may be absent from older data, so they are read defensively: what is not recognised is
 * left out rather than failing an export.
 */
export function comparisonsIn(data: UserData): ComparisonView[] {
  const all = (data as unknown as { comparisons?: unknown }).comparisons;
  if (!isObject(all)) return [];
  return Object.entries(all).flatMap(([id, c]) => {
    if (!isObject(c) || !Array.isArray(c.paperIds)) return [];
    const name = typeof c.name === 'string' && c.name.trim() ? c.name : 'Comparison';
    return [{ id, name, paperIds: c.paperIds.filter((p): p is string => typeof p === 'string'), attributes: attributesOf(c) }];
  });
}
