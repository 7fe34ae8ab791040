type Range = [number, number];

export interface Segment {
  text: string;
  start: number;
  search: boolean;
  /** The highlight covering this piece, if any (the earliest one where they overlap). */
  highlight?: { id: string; color: string };
}

/** Cuts text at every range boundary so search hits and highlights can overlap and nest. */
export function segments(text: string, search: Range[], highlights: { id: string; color: string; range: Range | null }[]): Segment[] {
  const placed = highlights.filter((h): h is { id: string; color: string; range: Range } => h.range !== null);
  const cuts = new Set([0, text.length]);
  for (const [s, e] of search) cuts.add(s).add(e);
  for (const h of placed) cuts.add(h.range[0]).add(h.range[1]);
  const points = [...cuts].filter((p) => p >= 0 && p <= text.length).sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const [a, b] = [points[i], points[i + 1]];
    if (a === b) continue;
    const h = placed.find((x) => x.range[0] <= a && x.range[1] >= b);
    out.push({ text: text.slice(a, b), start: a, search: search.some(([s, e]) => s <= a && e >= b), highlight: h && { id: h.id, color: h.color } });
  }
  return out;
}
