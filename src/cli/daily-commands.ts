/**
 * The daily loop on the command line: follow sources and fetch them, print "Best for you" with
 * reasons, and script triage (star, tag, status). Each command reaches the core through the same
 * contract as the app.
 */
import type { Api } from '../api';
import { READ_STATES, SOURCE_KIND_LABELS, type ReadState } from '../api/vocabulary';
import { sameName } from '../shared/names';
import type { Command, Output } from './commands';
import { CliError, UsageError } from './errors';
import { FORMAT_NAMES } from './input';
import { idOf } from './names';
import type { Session } from './session';

const json = (value: unknown) => JSON.stringify(value, null, 2);
const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Source = Api['sources.list']['result']['sources'][number];

/** A source by its name (or the start of it) or its id; never a guess among several. */
async function sourceOf(session: Session, nameOrId: string): Promise<Source> {
  const { sources } = await session.call('sources.list', {});
  const exact = sources.filter((s) => s.id === nameOrId || sameName(s.name, nameOrId));
  const found = exact.length ? exact : sources.filter((s) => sameName(s.name.slice(0, nameOrId.length), nameOrId));
  if (found.length === 1) return found[0];
  if (found.length > 1)
    throw new CliError(`“${nameOrId}” could be ${found.length} sources; name one by its id:\n${found.map((s) => `  ${s.id}  ${s.name}`).join('\n')}`);
  const known = sources.map((s) => `“${s.name}”`).join(', ');
  throw new CliError(`No source named “${nameOrId}”.${known ? ` Known: ${known}.` : ' Add one with “digest-reader sources add <url>”.'}`);
}

function printSource(io: Output, s: Source) {
  io.out(`${s.name}  (${SOURCE_KIND_LABELS[s.kind]})  ${s.url}`);
  io.out(`  ${s.status}`);
}

const sources: Command = {
  summary: 'Follow sources: sources add <url> | list | remove <name>',
  usage: `digest-reader sources add <url> [--name <name>] [--format <format>] [--json]
digest-reader sources list [--json]
digest-reader sources remove <name>

A source is where the day's papers come from. <url> is any https address of a feed in a known
format, or a shorthand: "hf" for Hugging Face's daily papers (fetched day by day), "arxiv:cs.CL+cs.LG"
for arXiv's RSS of those categories. An arXiv API query (https://export.arxiv.org/api/query?…) works too.
"digest-reader fetch" fetches them.

  --name <name>      what to call it (default: from the address)
  --format <format>  read its answers as this format (${FORMAT_NAMES.join(', ')})
  --json             print JSON`,
  options: { name: { type: 'string' }, format: { type: 'string' }, json: { type: 'boolean' } },
  args: [1, 2],
  creates: true,
  async run(session, values, [action, target], io) {
    if (action === 'list') {
      if (target !== undefined) throw new UsageError(`sources list: unexpected argument “${target}”.`, 'sources');
      const { sources: all, schedule } = await session.call('sources.list', {});
      if (values.json) return (io.out(json(all)), 0);
      if (!all.length) io.err('No sources yet. Add one with “digest-reader sources add <url>”.');
      all.forEach((s) => printSource(io, s));
      if (all.length)
        io.err(
          `While the app runs it fetches ${schedule.atStartup ? 'at start-up and ' : ''}${schedule.dailyHour === null ? 'on demand only' : `daily at ${schedule.dailyHour}:00`}.`,
        );
      return 0;
    }
    if (action !== 'add' && action !== 'remove') throw new UsageError(`Unknown sources action “${action}”: expected add, list or remove.`, 'sources');
    if (target === undefined) throw new UsageError(`sources ${action}: missing ${action === 'add' ? 'the address' : 'the source’s name'}.`, 'sources');
    if (action === 'remove') {
      const s = await sourceOf(session, target);
      await session.call('sources.remove', { id: s.id });
      io.out(`Removed “${s.name}”; its digests stay in the library.`);
      return 0;
    }
    const format = values.format as string | undefined;
    if (format !== undefined && !FORMAT_NAMES.includes(format))
      throw new UsageError(`--format ${format}: expected one of ${FORMAT_NAMES.join(', ')}`, 'sources');
    const added = await session.call('sources.add', {
      url: target,
      ...(values.name !== undefined ? { name: values.name as string } : {}),
      ...(format ? { format: format as never } : {}),
    });
    if (values.json) io.out(json(added));
    else io.out(`Added “${added.name}” (${SOURCE_KIND_LABELS[added.kind]}): ${added.url}`);
    return 0;
  },
};

const fetch: Command = {
  summary: 'Fetch every source, or the one named; what is new becomes a dated digest',
  usage: `digest-reader fetch [<name>] [--json]

Fetches the sources (all of them, or the one named) and imports what is new as a digest named
after what it is and its day ("arXiv cs.CL 2026-07-20"). Nothing new adds nothing. Your smart
lists' rules apply to the new papers. Exits 1 when a source failed (its error is printed).

  --json  print the outcome as JSON`,
  options: { json: { type: 'boolean' } },
  args: [0, 1],
  creates: true,
  async run(session, values, [name], io) {
    const ids = name === undefined ? undefined : [(await sourceOf(session, name)).id];
    if (!ids && !(await session.call('sources.list', {})).sources.length)
      throw new CliError('There are no sources to fetch. Add one with “digest-reader sources add <url>”.');
    const run = await session.call('sources.fetch', ids ? { ids } : {});
    if (values.json) io.out(json(run));
    else {
      for (const r of run.results) {
        if (r.error) io.err(`${r.name}: ${r.error.message}${r.error.retryable ? ' (the app will try again later)' : ''}`);
        else if (!r.digests.length) io.out(`${r.name}: nothing new`);
        else
          for (const d of r.digests)
            io.out(`${r.name}: ${plural(d.added, 'new paper')} in “${d.name}”${d.matched ? `, ${d.matched} matching your smart lists` : ''}`);
      }
      io.out(run.summary);
    }
    return run.results.some((r) => r.error) ? 1 : 0;
  },
};

const rank: Command = {
  summary: 'Papers best for you first, with the reason',
  usage: `digest-reader rank [--digest <name>] [--tag <name>] [--limit <n>] [--json]

Prints papers in the order of your interests, learnt from the papers you starred, read, tagged or
listed (and those you marked not interested), each with the reason. It needs 3 such papers.

  --digest <name>  only this digest's papers
  --tag <name>     rank by this tag's papers instead of all your interests
  --limit <n>      at most n papers (default 20, up to 1000)
  --json           print JSON`,
  options: { digest: { type: 'string' }, tag: { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean' } },
  args: [0, 0],
  async run(session, values, _args, io) {
    const raw = values.limit as string | undefined;
    const limit = raw === undefined ? 20 : Number(raw);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new UsageError(`--limit ${raw}: expected a whole number from 1 to 1000`, 'rank');
    const arg: Api['papers.query']['arg'] = { sort: 'best', limit };
    if (values.digest) arg.digestId = await idOf(session, 'digest', values.digest as string);
    if (values.tag) arg.bestFor = await idOf(session, 'tag', values.tag as string);
    // The model trains in the background as the library opens: wait for it.
    let page = await session.call('papers.query', arg);
    for (let waited = 0; (page.ranking?.state === 'training' || page.ranking?.state === 'idle' || page.indexing) && waited < 300_000; waited += 100) {
      await sleep(100);
      page = await session.call('papers.query', arg);
    }
    const ranking = page.ranking!;
    if (ranking.state !== 'ready') throw new CliError(ranking.message);
    const items = page.items.map((p) => ({
      id: p.id,
      title: p.title,
      reason: p.reason,
      starred: p.starred,
      state: p.state,
      digests: p.digests.map((d) => d.name),
    }));
    if (values.json) return (io.out(json({ ranking, total: page.total, items })), 0);
    for (const p of items) io.out(`${p.id}  ${p.title}${p.reason ? `\n    ${p.reason}` : ''}`);
    io.err(`${ranking.message} ${items.length < page.total ? `${items.length} of ${plural(page.total, 'paper')}` : plural(page.total, 'paper')}.`);
    return 0;
  },
};

const star: Command = {
  summary: 'Star papers (--off to unstar)',
  usage: `digest-reader star <id…> [--off]

Stars the papers (ids as "list", "search" and "rank" print them); --off takes the star away.`,
  options: { off: { type: 'boolean' } },
  args: [1, 100],
  async run(session, values, ids, io) {
    await session.call('status.set', { paperIds: ids, starred: !values.off });
    io.out(`${values.off ? 'Unstarred' : 'Starred'} ${plural(ids.length, 'paper')}.`);
    return 0;
  },
};

const tag: Command = {
  summary: 'Tag a paper (the tag is made if it is new)',
  usage: `digest-reader tag <id> <tag>`,
  options: {},
  args: [2, 2],
  async run(session, _values, [paperId, name], io) {
    const [t] = await session.call('tags.add', { paperIds: [paperId], names: [name] });
    io.out(`Tagged “${t.name}”.`);
    return 0;
  },
};

const status: Command = {
  summary: 'Set a paper’s status: read, unread or reading',
  usage: `digest-reader status <id> ${READ_STATES.join('|')}`,
  options: {},
  args: [2, 2],
  async run(session, _values, [paperId, state], io) {
    if (!(READ_STATES as readonly string[]).includes(state)) throw new UsageError(`status ${state}: expected ${READ_STATES.join(', ')}.`, 'status');
    await session.call('status.set', { paperIds: [paperId], state: state as ReadState });
    io.out(`Marked ${state}.`);
    return 0;
  },
};

/** Registered in the command table (commands.ts). */
export const DAILY_COMMANDS: Record<string, Command> = { sources, fetch, rank, star, tag, status };
