const dateFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
const dayFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
const monthFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', timeZone: 'UTC' });

/**
 * A date as precise as its source gave it: "1997" (a BibTeX year, not "Jan 1, 1997"), "Sep 2015",
 * "Sep 17, 2015" (a calendar day, the same west of Greenwich); a moment on the reader's own clock.
 */
export function formatDate(iso: string): string {
  if (/^\d{4}$/.test(iso)) return iso;
  if (/^\d{4}-\d{2}$/.test(iso)) return monthFormat.format(new Date(`${iso}-01T00:00:00Z`));
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return dayFormat.format(new Date(`${iso}T00:00:00Z`));
  return dateFormat.format(new Date(iso));
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}

/** The search index is still opening in the core (a large library's first start builds it). */
export function preparingSearch({ done, total }: { done: number; total: number }): string {
  return total ? `Preparing search: ${done.toLocaleString()} of ${plural(total, 'paper')} indexed` : 'Preparing search';
}
