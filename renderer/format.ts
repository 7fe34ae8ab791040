const dateFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });

export function formatDate(iso: string): string {
  return dateFormat.format(new Date(iso));
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}

/** The search index is still opening in the core (a large library's first start builds it). */
export function preparingSearch({ done, total }: { done: number; total: number }): string {
  return total ? `Preparing search: ${done.toLocaleString()} of ${plural(total, 'paper')} indexed` : 'Preparing search';
}
