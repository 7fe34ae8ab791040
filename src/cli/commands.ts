import type { ParseArgsConfig } from 'node:util';
import type { Api } from '../api';
import { backupsCommand } from './backups-command';
import { DAILY_COMMANDS } from './daily-commands';
import { TRIAGE_COMMANDS } from './triage-commands';
import { UsageError } from './errors';
import { exportCommand } from './export-command';
import { idOf } from './names';
import { FORMAT_NAMES, readDigestFile, readStdin } from './input';
import type { FormatName } from '../digest/parse';
import type { Session } from './session';
import { plural } from '../shared/plural';

export interface Output {
  out(text: string): void;
  err(text: string): void;
  /** A line that the next one replaces, on a terminal only ('' clears it): how a long import is going. */
  progress?(text: string): void;
}

type Values = Record<string, string | boolean | string[] | undefined>;

export interface Command {
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** How many positional arguments it takes. */
  args: [min: number, max: number];
  /** Whether it may create a library where there is none. */
  creates?: boolean;
  /** Returns the exit code: 0, or 1 when part of the work failed. */
  run(session: Session, values: Values, args: string[], io: Output): Promise<number>;
}

type PaperRow = Api['papers.query']['result']['items'][number];

const json = (value: unknown) => JSON.stringify(value, null, 2);

function limitOf(values: Values): number {
  const raw = values.limit as string | undefined;
  const n = raw === undefined ? 50 : Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 1000) throw new UsageError(`--limit ${raw}: expected a whole number from 1 to 1000`);
  return n;
}

/** The filters search and list share: --tag (repeatable, all must match), --list, --digest. */
async function filters(session: Session, values: Values) {
  const tags = (values.tag as string[] | undefined) ?? [];
  return {
    tagIds: tags.length ? await Promise.all(tags.map((t) => idOf(session, 'tag', t))) : undefined,
    listId: values.list ? await idOf(session, 'list', values.list as string) : undefined,
    digestId: values.digest ? await idOf(session, 'digest', values.digest as string) : undefined,
  };
}

const filterOptions = {
  tag: { type: 'string', multiple: true },
  list: { type: 'string' },
  digest: { type: 'string' },
  limit: { type: 'string' },
  json: { type: 'boolean' },
} as const;

const filterHelp = `  --tag <name>     only papers with this tag (repeat for several: all must match)
  --list <name>    only papers in this reading list
  --digest <name>  only papers from this digest
  --limit <n>      at most n papers (default 50, up to 1000)
  --json           print JSON instead of lines`;

/** While the search index is still opening, a search answers `indexing` instead of results: wait for it. */
async function query(session: Session, arg: Api['papers.query']['arg']) {
  for (let waited = 0; ; waited += 100) {
    const page = await session.call('papers.query', arg);
    if (!('indexing' in page && page.indexing) || waited >= 120_000) return page;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function printPapers(io: Output, page: { total: number; matched: number; items: PaperRow[] }, asJson: boolean) {
  const items = page.items.map((p) => ({
    id: p.id,
    title: p.title,
    state: p.state,
    starred: p.starred,
    tags: p.tags.map((t) => t.name),
    digests: p.digests.map((d) => d.name),
  }));
  // A search ranks its best RANKED papers: `matched` may be more than `total`, which a page can reach.
  if (asJson) return io.out(json({ total: page.total, matched: page.matched, items }));
  for (const p of items) io.out(`${p.id}  ${p.title}${p.tags.length ? `  [${p.tags.join(', ')}]` : ''}`);
  const counted = page.total > items.length ? `${items.length} of ${plural(page.total, 'paper')}` : plural(page.total, 'paper');
  io.err(page.matched > page.total ? `${counted}: the best of ${plural(page.matched, 'match', 'matches')}` : counted);
}

export const COMMANDS: Record<string, Command> = {
  import: {
    summary: 'Import digest files (or - for standard input) into the library',
    usage: `digest-reader import <file…|-> [--format <name>] [--json]

Imports each file as a digest. The format is recognised from the content; --format names it
instead (${FORMAT_NAMES.join(', ')}). A digest is named after what it says it is and its day
("arXiv cs.CL 2026-07-20"), else the file's name and date. A file imported before adds nothing.
With - the digest is read from standard input.

  --format <name>  read every file as this format
  --json           print one report per file as JSON`,
    options: { format: { type: 'string' }, json: { type: 'boolean' } },
    args: [1, Infinity],
    creates: true,
    async run(session, values, files, io) {
      const format = values.format as FormatName | undefined;
      if (format !== undefined && !FORMAT_NAMES.includes(format)) throw new UsageError(`--format ${format}: expected one of ${FORMAT_NAMES.join(', ')}`);
      const reports: unknown[] = [];
      let failed = 0;
      for (const file of files) {
        const fail = (message: string) => {
          failed++;
          reports.push({ file, ok: false, error: message });
          if (!values.json) io.err(`${file}: ${message}`);
        };
        let input: { text: string; fileName?: string; modifiedAt?: string };
        try {
          input = file === '-' ? { text: await readStdin() } : readDigestFile(file);
        } catch (error) {
          fail((error as Error).message);
          continue;
        }
        const show = values.json ? undefined : io.progress;
        show?.(`${file}: reading…`);
        const off = session.on('import.progress', ({ done, total }) =>
          show?.(`${file}: ${done === 0 ? `${plural(total, 'paper')} read, matching them with your library…` : `adding ${plural(total, 'paper')}…`}`),
        );
        try {
          const r = await session.call('digests.import', { ...input, source: file === '-' ? 'paste' : 'file', ...(format ? { format } : {}) }).finally(() => {
            off();
            show?.('');
          });
          reports.push({ file, ok: true, report: r });
          if (values.json) continue;
          if (r.alreadyImported)
            io.out(
              `${file}: already imported as “${r.alreadyImported.name}”: nothing new${r.updated ? `; ${plural(r.updated, 'paper')} updated (upvotes and other facts)` : ''}`,
            );
          else
            io.out(
              `${file}: imported “${r.digest?.name}” (${r.format}): ${plural(r.added, 'paper')} added, ${r.merged} already in the library${r.withoutAbstract ? `, ${r.withoutAbstract} without an abstract` : ''}, ${plural(r.skipped.length, 'line')} not read`,
            );
          for (const p of r.revised.slice(0, 5)) io.out(`  updated to v${p.version}: ${p.title}`);
          for (const sk of r.skipped.slice(0, 5)) io.err(`  line ${sk.line}: ${sk.reason}`);
        } catch (error) {
          fail((error as Error).message);
        }
      }
      if (values.json) io.out(json(reports));
      return failed ? 1 : 0;
    },
  },

  search: {
    summary: 'Search titles, abstracts, tags and notes',
    usage: `digest-reader search <query> [options]

Prints the best matches first, one per line: id, title, tags.

${filterHelp}`,
    options: filterOptions,
    args: [1, Infinity],
    async run(session, values, words, io) {
      const page = await query(session, { q: words.join(' '), ...(await filters(session, values)), limit: limitOf(values) });
      printPapers(io, page, Boolean(values.json));
      return 0;
    },
  },

  list: {
    summary: 'List papers: all of them, or those of a list, tag or digest',
    usage: `digest-reader list [options]

Prints papers in the library's order, one per line: id, title, tags.

${filterHelp}`,
    options: filterOptions,
    args: [0, 0],
    async run(session, values, _args, io) {
      const f = await filters(session, values);
      const page = await query(session, { ...f, sort: f.listId ? 'list' : 'digest', limit: limitOf(values) });
      printPapers(io, page, Boolean(values.json));
      return 0;
    },
  },

  stats: {
    summary: 'Count papers, digests, lists and tags',
    usage: `digest-reader stats [--json]`,
    options: { json: { type: 'boolean' } },
    args: [0, 0],
    async run(session, values, _args, io) {
      const count = async (arg: Api['papers.query']['arg']) => (await query(session, { ...arg, limit: 1 })).total;
      const [{ digests, paperCount }, lists, tags, unread, reading, read, starred] = await Promise.all([
        session.call('digests.list', {}),
        session.call('lists.list', {}),
        session.call('tags.list', {}),
        count({ state: 'unread' }),
        count({ state: 'reading' }),
        count({ state: 'read' }),
        count({ starred: true }),
      ]);
      const stats = {
        library: session.dataDir,
        papers: { total: paperCount, unread, reading, read, starred },
        digests: digests.map((d) => ({ name: d.name, papers: d.paperCount, unread: d.unread, importedAt: d.importedAt })),
        lists: lists.map((l) => ({ name: l.name, papers: l.count })),
        tags: tags.map((t) => ({ name: t.name, papers: t.count })),
      };
      if (values.json) {
        io.out(json(stats));
        return 0;
      }
      io.out(`Library: ${stats.library}`);
      io.out(`Papers: ${paperCount} (${unread} unread, ${reading} reading, ${read} read; ${starred} starred)`);
      io.out(`Digests: ${digests.length}`);
      for (const d of stats.digests) io.out(`  ${d.name}: ${plural(d.papers, 'paper')}, ${d.unread} unread, imported ${d.importedAt.slice(0, 10)}`);
      io.out(`Reading lists: ${lists.length}`);
      for (const l of stats.lists) io.out(`  ${l.name}: ${plural(l.papers, 'paper')}`);
      io.out(`Tags: ${tags.length}`);
      for (const t of stats.tags) io.out(`  ${t.name}: ${plural(t.papers, 'paper')}`);
      return 0;
    },
  },

  export: exportCommand,

  ...DAILY_COMMANDS,
  ...TRIAGE_COMMANDS,
};

COMMANDS.backups = backupsCommand;

export function assertArgCount(name: string, command: Command, args: string[]): void {
  const [min, max] = command.args;
  if (args.length < min) throw new UsageError(`${name}: missing ${min === 1 ? 'an argument' : 'arguments'}.`, name);
  if (args.length > max) throw new UsageError(`${name}: unexpected argument “${args[max]}”.`, name);
}
