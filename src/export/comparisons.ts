import type { UserData } from '../storage/schema';

/** What export needs of a comparison: its papers, and the attribute values it gives each paper. */
export interface ComparisonView {
  id: string;
  name: string;
  saved: boolean;
  paperIds: string[];
  /** paper id → attribute name → value */
  attributes: Record<string, Record<string, string>>;
}

/** The reader's comparisons (src/compare), with cells keyed by attribute name rather than id. */
export function comparisonsIn(data: UserData): ComparisonView[] {
  return Object.values(data.comparisons).map((c) => {
    const names = new Map(c.attributes.map((a) => [a.id, a.name]));
    const attributes: ComparisonView['attributes'] = {};
    for (const [paperId, row] of Object.entries(c.values)) {
      for (const [attributeId, cell] of Object.entries(row)) {
        const name = names.get(attributeId);
        if (name && cell.value.trim()) (attributes[paperId] ??= {})[name] = cell.value;
      }
    }
    return { id: c.id, name: c.name, saved: c.saved, paperIds: c.paperIds, attributes };
  });
}
