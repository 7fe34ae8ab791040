import { describe, expect, it } from 'vitest';

// West of Greenwich, where a calendar day read as UTC midnight showed as the day before.
process.env.TZ = 'America/Los_Angeles';
const { formatDate } = await import('../../../renderer/format');

describe('formatDate', () => {
  it('says a date as precisely as its source gave it', () => {
    expect(formatDate('1997')).toBe('1997');
    expect(formatDate('2015-09')).toBe(new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(Date.UTC(2015, 8)));
  });

  it('keeps a calendar day on its day, whatever the reader’s time zone', () => {
    const day = formatDate('2015-09-17');
    expect(day).toMatch(/17/);
    expect(day).not.toMatch(/16/);
  });
});
