/**
 * The smart-list query syntax: words, "quoted phrases", `-exclude`, and `key:value` fields
 * (author, cat, tag, status, year; keys case-insensitive, values bare or "quoted"). One pass over
 * the characters; any input gives a query or a SmartQueryError naming the offset, never another
 * exception.
 */
import { STATUS_FILTERS, type StatusFilter } from '../api/vocabulary';
import { FIELD_KEYS, type FieldKey, MAX_QUERY_LENGTH, type QueryTerm, type SmartQuery, SmartQueryError, type YearTerm } from './query-types';

export type ParseResult = { ok: true; query: SmartQuery } | { ok: false; error: SmartQueryError };

export function parseQuery(input: string): ParseResult {
  try {
    return { ok: true, query: parseOrThrow(input) };
  } catch (e) {
    if (e instanceof SmartQueryError) return { ok: false, error: e };
    throw e;
  }
}

const SPACE = /\s/;
const KEY = /[A-Za-z]+:/y;

function parseOrThrow(s: string): SmartQuery {
  if (s.length > MAX_QUERY_LENGTH) throw new SmartQueryError('too-long', MAX_QUERY_LENGTH, `query longer than ${MAX_QUERY_LENGTH} characters`);
  const terms: QueryTerm[] = [];
  let i = 0;
  const n = s.length;
  /** The end of a bare run: up to whitespace or a quote. */
  const bareEnd = (from: number): number => {
    let j = from;
    while (j < n && !SPACE.test(s[j]) && s[j] !== '"') j++;
    return j;
  };
  /** A quoted run starting at the quote at `from`: its collapsed text and the offset after it. */
  const quoted = (from: number): [string, number] => {
    const close = s.indexOf('"', from + 1);
    if (close < 0) throw new SmartQueryError('unclosed-quote', from, `unclosed quote at ${from}`);
    return [
      s
        .slice(from + 1, close)
        .replace(/\s+/g, ' ')
        .trim(),
      close + 1,
    ];
  };

  while (i < n) {
    if (SPACE.test(s[i])) {
      i++;
      continue;
    }
    const at = i;
    let negated = false;
    if (s[i] === '-') {
      if (i + 1 >= n || SPACE.test(s[i + 1])) {
        i++; // a lone minus excludes nothing
        continue;
      }
      negated = true;
      i++;
    }
    if (s[i] === '"') {
      const [value, next] = quoted(i);
      i = next;
      if (value) terms.push({ kind: 'phrase', value, negated, at });
      continue;
    }
    KEY.lastIndex = i;
    const key = KEY.exec(s);
    const valueAt = i + (key ? key[0].length : 0);
    const hasValue = valueAt < n && !SPACE.test(s[valueAt]);
    if (key && (hasValue || isField(key[0]))) {
      const name = key[0].slice(0, -1);
      const field = name.toLowerCase();
      if (!isField(field)) throw new SmartQueryError('unknown-field', i, unknownField(name, i));
      if (!hasValue) throw new SmartQueryError('empty-value', valueAt, `empty value for ${field}: at ${valueAt}`);
      let value: string;
      if (s[valueAt] === '"') {
        [value, i] = quoted(valueAt);
        if (!value) throw new SmartQueryError('empty-value', valueAt, `empty value for ${field}: at ${valueAt}`);
      } else {
        i = bareEnd(valueAt);
        value = s.slice(valueAt, i);
      }
      terms.push(fieldTerm(field, value, valueAt, negated, at));
      continue;
    }
    const end = bareEnd(i);
    terms.push({ kind: 'word', value: s.slice(i, end), negated, at });
    i = end;
  }
  return { terms };
}

function isField(key: string): key is FieldKey {
  return (FIELD_KEYS as readonly string[]).includes(key.toLowerCase().replace(/:$/, ''));
}

function fieldTerm(field: FieldKey, value: string, valueAt: number, negated: boolean, at: number): QueryTerm {
  switch (field) {
    case 'status': {
      const v = value.toLowerCase();
      if (!(STATUS_FILTERS as readonly string[]).includes(v)) {
        const hint = closest(v, STATUS_FILTERS);
        throw new SmartQueryError(
          'bad-status',
          valueAt,
          `bad status "${value}" at ${valueAt}; ${hint ? `did you mean status:${hint}?` : `use ${STATUS_FILTERS.join(', ')}`}`,
        );
      }
      return { kind: 'status', value: v as StatusFilter, negated, at };
    }
    case 'year':
      return { kind: 'year', ...yearRange(value, valueAt), negated, at };
    default:
      return { kind: field, value, negated, at };
  }
}

const YEAR_FORMS = 'use year:2024, year:2023..2025 or year:>=2024';

function yearRange(value: string, at: number): Pick<YearTerm, 'min' | 'max'> {
  const bad = (why = ''): never => {
    throw new SmartQueryError('bad-year', at, `bad year "${value}" at ${at}${why}; ${YEAR_FORMS}`);
  };
  let m = /^(\d{4})$/.exec(value);
  if (m) return { min: Number(m[1]), max: Number(m[1]) };
  m = /^(\d{4})?\.\.(\d{4})?$/.exec(value);
  if (m && (m[1] || m[2])) {
    const min = m[1] ? Number(m[1]) : undefined;
    const max = m[2] ? Number(m[2]) : undefined;
    if (min !== undefined && max !== undefined && min > max) bad(' (the range is reversed)');
    return { min, max };
  }
  m = /^(>=|>|<=|<)(\d{4})$/.exec(value);
  if (!m) return bad();
  const y = Number(m[2]);
  const r = m[1] === '>=' ? { min: y } : m[1] === '>' ? { min: y + 1 } : m[1] === '<=' ? { max: y } : { max: y - 1 };
  const bound = r.min ?? r.max!;
  if (bound < 1000 || bound > 9999) bad(' (out of range)');
  return r;
}

function unknownField(name: string, at: number): string {
  const hint = closest(name.toLowerCase(), FIELD_KEYS);
  const rest = hint ? `did you mean ${hint}:?` : `fields are ${FIELD_KEYS.map((k) => `${k}:`).join(', ')} (quote text that has a colon)`;
  return `unknown field "${name}" at ${at}; ${rest}`;
}

/** The candidate a typo most likely meant: a prefix either way, or within two edits. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const c of candidates) {
    if (word.length >= 2 && (c.startsWith(word) || word.startsWith(c))) return c;
    const d = editDistance(word, c);
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return bestDistance <= Math.max(1, Math.min(2, word.length - 2)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length];
}
