import type { ExportScope } from '../export/scope';
import { sameName } from '../shared/names';
import { CliError, UsageError } from './errors';
import type { Session } from './session';

type Named = 'list' | 'tag' | 'digest' | 'comparison';

/** Lists, tags, digests and saved comparisons by name (as the reader knows them) or by id. */
export async function idOf(session: Session, kind: Named, nameOrId: string): Promise<string> {
  const all: { id: string; name: string }[] =
    kind === 'list'
      ? await session.call('lists.list', {})
      : kind === 'tag'
        ? await session.call('tags.list', {})
        : kind === 'comparison'
          ? await session.call('compare.list', {})
          : (await session.call('digests.list', {})).digests;
  const byId = all.find((x) => x.id === nameOrId);
  if (byId) return byId.id;
  // The whole name, else the start of one ("arXiv cs.CL" for "arXiv cs.CL 2026-07-20"); never a guess among several.
  const exact = all.filter((x) => sameName(x.name, nameOrId));
  const matches = exact.length ? exact : all.filter((x) => sameName(x.name.slice(0, nameOrId.length), nameOrId));
  if (matches.length > 1) {
    const listed = matches
      .slice(0, 10)
      .map((x) => `  ${x.id}  ${x.name}`)
      .join('\n');
    throw new CliError(`“${nameOrId}” could be ${matches.length} ${kind}s; name one by its id:\n${listed}${matches.length > 10 ? '\n  …' : ''}`);
  }
  const found = matches[0];
  if (!found) {
    const known = all
      .map((x) => `“${x.name}”`)
      .slice(0, 10)
      .join(', ');
    throw new CliError(`No ${kind} named “${nameOrId}”.${known ? ` Known: ${known}${all.length > 10 ? ', …' : ''}.` : ''}`);
  }
  return found.id;
}

export const SCOPE_HELP = 'library (default), list:<name>, tag:<name>, digest:<name>, comparison:<name>, paper:<id>, selection:<id>,<id>,…';

/** `--scope` as written on the command line, e.g. `list:To read` or `tag:rl`. */
export async function scopeOf(session: Session, spec = 'library'): Promise<ExportScope> {
  const at = spec.indexOf(':');
  const kind = at < 0 ? spec : spec.slice(0, at);
  const value = at < 0 ? '' : spec.slice(at + 1).trim();
  if (kind === 'library' && !value) return { kind: 'library' };
  if (!value) throw new UsageError(`--scope ${spec}: expected one of ${SCOPE_HELP}`, 'export');
  if (kind === 'list' || kind === 'tag' || kind === 'digest' || kind === 'comparison') return { kind, ids: [await idOf(session, kind, value)] };
  if (kind === 'paper') return { kind, ids: [value] };
  if (kind === 'selection')
    return {
      kind,
      ids: value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    };
  throw new UsageError(`--scope ${spec}: expected one of ${SCOPE_HELP}`, 'export');
}

/** Papers as the reader names them: the app's id (as "list" prints it) or an arXiv id; all of them, or an error that names those not found. */
export async function papersOf(session: Session, refs: string[]): Promise<{ id: string; title: string }[]> {
  const { papers, missing } = await session.call('papers.resolve', { refs });
  if (missing.length) {
    const named = missing
      .slice(0, 10)
      .map((r) => `“${r}”`)
      .join(', ');
    throw new CliError(
      `Not in the library: ${named}${missing.length > 10 ? ', …' : ''}. Give a paper by the id “list”, “search” or “rank” prints, or by its arXiv id (2401.12345); nothing changed.`,
    );
  }
  const seen = new Set<string>();
  return papers.filter((p) => !seen.has(p.id) && seen.add(p.id)).map(({ id, title }) => ({ id, title }));
}
