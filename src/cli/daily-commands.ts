/**
 * The daily loop on the command line: follow sources and fetch them, and print "Best for you" with
 * reasons (triage's star, tag and status are in triage-commands.ts). Each command reaches the core
 * through the same contract as the app.
 */
import type { Api } from '../api';
import { MIN_POSITIVES, SOURCE_KIND_LABELS } from '../api/vocabulary';
import { sameName } from '../shared/names';
import { describeSource } from '../sources/describe';
import type { Command, Output } from './commands';
import { CliError, UsageError } from './errors';
import { FORMAT_NAMES } from './input';
import { idOf } from './names';
import type { Session } from './session';
import { plural } from '../shared/plural';

const json = (value: unknown) => JSON.stringify(value, null, 2);

type Source = Api['sources.list']['result']['sources'][number];

/** The address a shorthand or URL stands for ("hf", "arxiv:cs.CL"), if it is one. */
function addressOf(input: string): string | undefined {
  try {
    return describeSource(input).url;
  } catch {
    return undefined;
  }
}

/**
 * A source by its id, its name, what it was added with (the shorthand "hf" or "arxiv:cs.CL", or
 * its address), or the start of its name; never a guess among several.
 */
async function sourceOf(session: Session, nameOrId: string): Promise<Source> {
  const { sources } = await session.call('sources.list', {});
  const address = addressOf(nameOrId);
  const exact = sources.filter((s) => s.id === nameOrId || sameName(s.name, nameOrId) || s.url === address);
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
digest-reader sources remove <name> [--json]

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
      const removed = await session.call('sources.remove', { id: s.id });
      if (values.json) io.out(json(removed));
      else io.out(`Removed “${s.name}”; its digests stay in the library.`);
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

/**
 * While `work` fetches: on a terminal, a line saying which source is being asked; a retry (which
 * may wait seconds, after a timeout) gets a line of its own, on any output but JSON.
 */
async function showProgress<T>(session: Session, io: Output | undefined, work: () => Promise<T>): Promise<T> {
  if (!io) return work();
  const off = session.on('fetch.progress', (p) => {
    if (p.phase === 'retrying') {
      io.progress?.('');
      io.err(`${p.name}: ${p.reason} Retrying (${p.attempt} of ${p.of})…`);
    } else if (p.phase === 'fetching' || p.phase === 'importing') io.progress?.(`${p.name}: ${p.phase === 'fetching' ? 'asking' : 'reading'}…`);
  });
  try {
    return await work();
  } finally {
    off();
    io.progress?.('');
  }
}

const fetch: Command = {
  summary: 'Fetch every source, or the one named; what is new becomes a dated digest',
  usage: `digest-reader fetch [<name>] [--json]

Fetches the sources (all of them, or the one named) and imports what is new as a digest named
after what it is and its day ("arXiv cs.CL 2026-07-20"). Nothing new adds nothing. Your smart
lists' rules apply to the new papers. A source that fails for a while (busy, no answer within
30 s) is asked again, each time said on stderr; one that never answers is reported within a
minute. Exits 1 when a source failed (its error is printed).

  --json  print the outcome as JSON`,
  options: { json: { type: 'boolean' } },
  args: [0, 1],
  creates: true,
  async run(session, values, [name], io) {
    const ids = name === undefined ? undefined : [(await sourceOf(session, name)).id];
    if (!ids && !(await session.call('sources.list', {})).sources.length)
      throw new CliError('There are no sources to fetch. Add one with “digest-reader sources add <url>”.');
    const run = await showProgress(session, values.json ? undefined : io, () => session.call('sources.fetch', ids ? { ids } : {}));
    if (values.json) io.out(json(run));
    else {
      for (const r of run.results) {
        // What came in before a failure (days of a catch-up) is said too: it is in the library.
        for (const d of r.digests)
          io.out(`${r.name}: ${plural(d.added, 'new paper')} in “${d.name}”${d.matched ? `, ${d.matched} matching your smart lists` : ''}`);
        if (r.error)
          io.err(`${r.name}: ${r.error.message}${r.error.retryable && !/try again later/.test(r.error.message) ? ' (the app will try again later)' : ''}`);
        else if (!r.digests.length) io.out(`${r.name}: nothing new`);
      }
      io.out(run.summary);
    }
    return run.results.some((r) => r.error) ? 1 : 0;
  },
};

type Row = Api['papers.query']['result']['items'][number];

/** What the reader already said of a paper, for `rank --all` ("starred", "read"…); null while it is new to them. */
function judgement(p: Row): string | null {
  if (p.notInterested) return 'not interested';
  if (p.starred) return 'starred';
  if (p.state !== 'unread') return p.state;
  if (p.tags.length) return `tagged ${p.tags.map((t) => t.name).join(', ')}`;
  return 'in a reading list';
}

const rank: Command = {
  summary: 'Papers best for you first, with the reason',
  usage: `digest-reader rank [--digest <name>] [--tag <name>] [--limit <n>] [--all] [--json]

Prints the papers you have not judged yet in the order of your interests, each with the reason.
Your interests are learnt from the papers you starred, read, tagged or listed (and those you
marked not interested), not from what a smart list's rule did; it needs ${MIN_POSITIVES} such papers.
Waits while the model trains.

  --digest <name>  only this digest's papers
  --tag <name>     rank by this tag's papers instead of all your interests
  --limit <n>      at most n papers (default 20, up to 1000)
  --all            also the papers you starred, read, tagged, listed or marked not interested,
                   after the others, each marked with what you said of it
  --json           print JSON: { ranking, total, items: [{ id, arxivId, title, reason, judged, … }] }`,
  options: { digest: { type: 'string' }, tag: { type: 'string' }, limit: { type: 'string' }, all: { type: 'boolean' }, json: { type: 'boolean' } },
  args: [0, 0],
  async run(session, values, _args, io) {
    const raw = values.limit as string | undefined;
    const limit = raw === undefined ? 20 : Number(raw);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new UsageError(`--limit ${raw}: expected a whole number from 1 to 1000`, 'rank');
    const arg: Api['papers.query']['arg'] = { sort: 'best', limit, judged: false };
    if (values.digest) arg.digestId = await idOf(session, 'digest', values.digest as string);
    if (values.tag) arg.bestFor = await idOf(session, 'tag', values.tag as string);
    // The model trains in the background as the library opens: the core answers once it is done.
    const ranking = await session.call('ranking.status', { wait: true });
    if (ranking.state !== 'ready') throw new CliError(ranking.message);
    const fresh = await session.call('papers.query', arg);
    const seen =
      values.all && fresh.items.length < limit
        ? await session.call('papers.query', { ...arg, judged: true, limit: Math.max(1, limit - fresh.items.length) })
        : null;
    const rows = [...fresh.items, ...(seen?.items ?? [])];
    const items = rows.map((p, i) => ({
      id: p.id,
      arxivId: p.arxivId,
      title: p.title,
      reason: p.reason,
      judged: i < fresh.items.length ? null : judgement(p),
      starred: p.starred,
      state: p.state,
      digests: p.digests.map((d) => d.name),
    }));
    const total = fresh.total + (seen?.total ?? 0);
    if (values.json) return (io.out(json({ ranking: fresh.ranking ?? ranking, total, items })), 0);
    for (const p of items) io.out(`${p.id}  ${p.title}${p.judged ? `  [${p.judged}]` : ''}${p.reason ? `\n    ${p.reason}` : ''}`);
    const counted = items.length < total ? `${items.length} of ${plural(total, 'paper')}` : plural(total, 'paper');
    io.err(`${ranking.message} ${counted}${values.all ? '' : ' you have not judged yet (--all for every one)'}.`);
    return 0;
  },
};

/** Registered in the command table (commands.ts). */
export const DAILY_COMMANDS: Record<string, Command> = { sources, fetch, rank };
