import { parse } from 'yaml';
import { splitFrontMatter } from '../../../src/export/front-matter';

/**
 * A property-type check, as Obsidian's Properties see a folder of notes: each property's value has
 * one of Obsidian's types (text, list, number, checkbox, date, date & time; nothing nested), the
 * same property name has the same type in every file (Obsidian keeps one type per name), and the
 * special properties hold what Obsidian expects (`tags`: valid tags; `aliases`: a list of text).
 */
export type PropertyType = 'text' | 'list' | 'number' | 'checkbox' | 'date' | 'datetime';

export function propertyType(value: unknown): PropertyType | 'empty' | null {
  if (value === null || value === undefined) return 'empty';
  if (typeof value === 'boolean') return 'checkbox';
  if (typeof value === 'number') return Number.isFinite(value) ? 'number' : null;
  if (typeof value === 'string') {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return 'date';
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return 'datetime';
    return 'text';
  }
  if (Array.isArray(value)) return value.every((v) => typeof v === 'string' || typeof v === 'number') ? 'list' : null;
  return null; // a nested property
}

/** Obsidian's tag format: letters, digits, `_`, `-`, `/`; no spaces, no leading `#`, at least one non-digit. */
export const isObsidianTag = (tag: unknown) => typeof tag === 'string' && /^[\p{L}\p{M}\p{N}_/-]+$/u.test(tag) && /[^\p{N}/]/u.test(tag);

/** The problems found in a folder's Markdown files (none when it passes), and the type of each property. */
export function checkProperties(files: Record<string, string>): { problems: string[]; types: Record<string, PropertyType> } {
  const problems: string[] = [];
  const types: Record<string, PropertyType> = {};
  for (const [name, text] of Object.entries(files)) {
    if (!name.endsWith('.md')) continue;
    const { yaml } = splitFrontMatter(text);
    if (yaml === null) {
      problems.push(`${name}: no front matter`);
      continue;
    }
    let values: Record<string, unknown>;
    try {
      values = parse(yaml, { strict: true, uniqueKeys: true }) as Record<string, unknown>;
    } catch (error) {
      problems.push(`${name}: front matter is not YAML: ${(error as Error).message}`);
      continue;
    }
    for (const [key, value] of Object.entries(values ?? {})) {
      const type = propertyType(value);
      if (type === null) problems.push(`${name}: ${key} is not one of Obsidian's property types: ${JSON.stringify(value)}`);
      if (type === null || type === 'empty') continue;
      if (types[key] && types[key] !== type) problems.push(`${name}: ${key} is ${type} here, ${types[key]} elsewhere`);
      types[key] ??= type;
    }
    if ('tags' in values && !(Array.isArray(values.tags) && values.tags.every(isObsidianTag)))
      problems.push(`${name}: invalid tags ${JSON.stringify(values.tags)}`);
    if ('aliases' in values && !(Array.isArray(values.aliases) && values.aliases.every((a) => typeof a === 'string')))
      problems.push(`${name}: aliases is not a list of text`);
  }
  return { problems, types };
}
