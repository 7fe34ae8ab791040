import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { DigestError } from './errors';
import { endPosition } from './text';

/**
 * XML for the feed formats, through fast-xml-parser and never regular expressions. Safety: a
 * document whose DOCTYPE declares entities is refused before parsing (no entity is expanded or
 * fetched, so no "billion laughs" and no external entity), and the parser's own expansion limits
 * stay on as a second guard. Broken XML is reported with the format and the line and column.
 */

export type XmlNode = Record<string, unknown>;

export interface XmlSniff {
  /** The root element's name as written (`rss`, `feed`, `rdf:RDF`). */
  root: string;
  /** The root's start tag, for its namespace declarations. */
  rootTag: string;
  /** Where the root element starts. */
  offset: number;
  declaresEntities: boolean;
}

/** Reads the prolog (declaration, comments, DOCTYPE) and the root's start tag; undefined when this is not XML. */
export function sniffXml(text: string): XmlSniff | undefined {
  let i = 0;
  let declaresEntities = false;
  const limit = Math.min(text.length, 1 << 16);
  while (i < limit) {
    while (i < limit && /\s/.test(text[i])) i++;
    if (text.startsWith('<?', i)) {
      const end = text.indexOf('?>', i + 2);
      if (end < 0) return undefined;
      i = end + 2;
    } else if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      if (end < 0) return undefined;
      i = end + 3;
    } else if (text.startsWith('<!DOCTYPE', i) || text.startsWith('<!doctype', i)) {
      const open = text.indexOf('[', i);
      const close = text.indexOf('>', i);
      if (close < 0) return undefined;
      if (open >= 0 && open < close) {
        const subsetEnd = text.indexOf(']', open);
        const end = subsetEnd < 0 ? -1 : text.indexOf('>', subsetEnd);
        if (end < 0) return { root: '', rootTag: '', offset: i, declaresEntities: true };
        declaresEntities = /<!ENTITY/i.test(text.slice(open, subsetEnd));
        i = end + 1;
      } else i = close + 1;
    } else break;
  }
  const tag = /^<([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)(?=[\s/>])[^>]{0,4096}>?/.exec(text.slice(i, i + 4200));
  if (!tag) return declaresEntities ? { root: '', rootTag: '', offset: i, declaresEntities } : undefined;
  return { root: tag[1], rootTag: tag[0], offset: i, declaresEntities };
}

/** The prefix a document gives a namespace on its root (`xmlns:arxiv="http://arxiv.org/schemas/atom"`), else the usual one. */
export function prefixFor(rootTag: string, uri: string, usual: string): string {
  for (const m of rootTag.matchAll(/xmlns:([\w.-]+)\s*=\s*["']([^"']*)["']/g)) if (m[2].trim() === uri) return m[1];
  return usual;
}

function brokenXml(text: string, label: string, format: string, err: { code: string; msg: string; line: number; col: number }): DigestError {
  const unclosed = /^Invalid '\[(.*)\]' found\.$/s.exec(err.msg);
  if (err.code === 'InvalidXml' && unclosed) {
    const names = unclosed[1]
      .split(',')
      .map((n) => n.trim().replace(/^"|"$/g, ''))
      .filter(Boolean)
      .reverse();
    const at = endPosition(text);
    return new DigestError(
      'malformed',
      `${label}: the XML ends at line ${at.line}, column ${at.column} before ${names.map((n) => `<${n}>`).join(', ')} ${names.length === 1 ? 'is' : 'are'} closed: the file looks cut short.`,
      { format, line: at.line, column: at.column },
    );
  }
  return new DigestError('malformed', `${label}: the XML is broken at line ${err.line}, column ${err.col}: ${err.msg}`, {
    format,
    line: err.line,
    column: err.col,
  });
}

/**
 * Parses a feed. `arrays` names the elements that may repeat (item, entry, category, …) so they
 * always come back as arrays. Attributes are read with an `@` prefix; text is in `#text`.
 */
export function parseXml(text: string, label: string, format: string, arrays: string[]): XmlNode {
  const sniff = sniffXml(text);
  if (sniff?.declaresEntities) {
    throw new DigestError(
      'unsafe',
      `${label}: the XML declares its own entities in a DOCTYPE (<!ENTITY …>). Digest Reader does not expand XML entities, so that a file cannot make it fetch other files or blow up in memory; feeds from arXiv never need them.`,
      { format },
    );
  }
  const valid = XMLValidator.validate(text, { allowBooleanAttributes: true });
  if (valid !== true) throw brokenXml(text, label, format, valid.err);
  const repeat = new Set(arrays);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    htmlEntities: true,
    processEntities: { enabled: true, maxEntitySize: 1000, maxEntityCount: 0, maxTotalExpansions: 100000, maxExpandedLength: 1 << 20 },
    isArray: (name) => repeat.has(name),
  });
  try {
    return parser.parse(text) as XmlNode;
  } catch (error) {
    throw new DigestError('malformed', `${label}: the XML could not be read: ${(error as Error).message}`, { format });
  }
}

/** A child as a list (absent → empty). */
export function list(value: unknown): XmlNode[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).map((v) => (typeof v === 'object' && v !== null ? (v as XmlNode) : { '#text': String(v) }));
}

/** The text of an element (first one, if repeated). */
export function textOf(value: unknown): string {
  const v = Array.isArray(value) ? value[0] : value;
  if (v === undefined || v === null) return '';
  if (typeof v === 'object') return textOf((v as XmlNode)['#text']);
  return String(v);
}

/** An attribute of an element. */
export function attr(node: unknown, name: string): string | undefined {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return undefined;
  const v = (node as XmlNode)[`@${name}`];
  return v === undefined || v === null ? undefined : String(v);
}

/** The 1-based line where each `<tag>` element starts, in document order (for line numbers in reports). */
export function elementLines(text: string, tag: string): number[] {
  const lines: number[] = [];
  const needle = `<${tag}`;
  let line = 1;
  let from = 0;
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + needle.length)) {
    const next = text[i + needle.length];
    if (next !== '>' && next !== ' ' && next !== '\n' && next !== '\t' && next !== '/') continue;
    for (let j = text.indexOf('\n', from); j !== -1 && j < i; j = text.indexOf('\n', j + 1)) line++;
    from = i;
    lines.push(line);
  }
  return lines;
}
