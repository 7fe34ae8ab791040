/** The day a moment falls on by this machine's clock (YYYY-MM-DD): what the reader calls "today". */
export const localDay = (d: Date) => new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
