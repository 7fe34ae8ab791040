/** JSON for the JSON formats: parsed once per text (detection and parsing share it), errors with a line. */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export type JsonResult = { ok: true; value: Json } | { ok: false; message: string; where: string; line?: number; column?: number };

let last: { text: string; result: JsonResult } | undefined;

function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** Parses JSON text; the text must start like JSON (`{` or `[`), else it is not JSON at all. */
export function readJson(text: string): JsonResult {
  if (last?.text === text) return last.result;
  let result: JsonResult;
  const start = text.trimStart()[0];
  if (start !== '{' && start !== '[') result = { ok: false, message: 'it does not start with { or [', where: 'at line 1' };
  else {
    try {
      result = { ok: true, value: JSON.parse(text) as Json };
    } catch (error) {
      const message = (error as Error).message;
      const at = /at position (\d+)/.exec(message);
      const offset = at ? Number(at[1]) : /Unexpected end/.test(message) ? text.length : undefined;
      const pos = offset === undefined ? undefined : position(text, offset);
      result = {
        ok: false,
        message: message.replace(/\s*\(line \d+ column \d+\)/, '').replace(/ in JSON at position \d+/, ''),
        where: pos ? `at line ${pos.line}, column ${pos.column}` : '',
        line: pos?.line,
        column: pos?.column,
      };
    }
  }
  last = { text, result };
  return result;
}

export function isObject(v: Json | undefined): v is { [key: string]: Json } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The 1-based line where each element of the array that opens at `start` begins. */
export function arrayItemLines(text: string, start: number): number[] {
  const lines: number[] = [];
  if (start < 0 || text[start] !== '[') return lines;
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < start; i = text.indexOf('\n', i + 1)) line++;
  let depth = 0;
  let inString = false;
  let expectValue = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') line++;
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (expectValue && depth === 1 && ch !== ' ' && ch !== '\n' && ch !== '\t' && ch !== '\r') {
      expectValue = false;
      if (ch !== ']') lines.push(line);
    }
    if (ch === '"') inString = true;
    else if (ch === '[' || ch === '{') {
      depth++;
      if (depth === 1) expectValue = true;
    } else if (ch === ']' || ch === '}') {
      depth--;
      if (depth === 0) break;
    } else if (ch === ',' && depth === 1) expectValue = true;
  }
  return lines;
}
