/** The year, month and day a date gives (`2024-01-22T18:59:01Z`, `2015-09`, `2015`), as far as it gives them. */
export function dateParts(date: string | undefined): [year: number, month?: number, day?: number] | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(date ?? '');
  if (!m) return undefined;
  return [Number(m[1]), ...(m[2] ? [Number(m[2])] : []), ...(m[3] ? [Number(m[3])] : [])] as [number, number?, number?];
}

/** `YYYY-MM-DD` when the date names a day, else undefined (a month or a year is not a calendar date). */
export function calendarDay(date: string | undefined): string | undefined {
  return /^\d{4}-\d{2}-\d{2}/.exec(date ?? '')?.[0];
}
