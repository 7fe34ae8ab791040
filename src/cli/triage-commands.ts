/**
 * Triage from a script: star, tag and set the status of papers named by the app's id or their
 * arXiv id. Every paper is found before anything changes, so a mistyped id changes nothing.
 */
import { READ_STATES, type ReadState } from '../api/vocabulary';
import type { Command, Output } from './commands';
import { UsageError } from './errors';
import { idOf, papersOf } from './names';
import { plural } from '../shared/plural';

const json = (value: unknown) => JSON.stringify(value, null, 2);
const PAPER_IDS = 'Papers are named by the id "list", "search" and "rank" print, or by their arXiv id (2401.12345).';

type Paper = { id: string; title: string };

function report(io: Output, asJson: boolean, value: Record<string, unknown> & { papers: Paper[] }, line: string) {
  if (asJson) io.out(json(value));
  else io.out(line);
}

const star: Command = {
  summary: 'Star papers (--off to unstar)',
  usage: `digest-reader star <id…> [--off] [--json]

Stars the papers; --off takes the star away. ${PAPER_IDS}

  --off   unstar
  --json  print JSON: { starred, papers: [{ id, title }] }`,
  options: { off: { type: 'boolean' }, json: { type: 'boolean' } },
  args: [1, 100],
  async run(session, values, refs, io) {
    const papers = await papersOf(session, refs);
    const starred = !values.off;
    await session.call('status.set', { paperIds: papers.map((p) => p.id), starred });
    report(io, Boolean(values.json), { starred, papers }, `${starred ? 'Starred' : 'Unstarred'} ${plural(papers.length, 'paper')}.`);
    return 0;
  },
};

const tag: Command = {
  summary: 'Tag papers (the tag is made if it is new; --remove to untag)',
  usage: `digest-reader tag <id…> <tag> [--remove] [--json]

Tags the papers with <tag> (the last argument), making the tag if it is new; --remove takes it off
them. ${PAPER_IDS}

  --remove  untag
  --json    print JSON: { tag: { id, name }, removed, papers: [{ id, title }] }`,
  options: { remove: { type: 'boolean' }, json: { type: 'boolean' } },
  args: [2, 101],
  async run(session, values, args, io) {
    const name = args.at(-1)!;
    const removed = Boolean(values.remove);
    // The tag is looked up first: untagging with an unknown tag changes nothing either.
    const tagId = removed ? await idOf(session, 'tag', name) : undefined;
    const papers = await papersOf(session, args.slice(0, -1));
    const paperIds = papers.map((p) => p.id);
    let t: { id: string; name: string };
    if (tagId) {
      await session.call('tags.remove', { paperIds, tagId });
      t = (await session.call('tags.list', {})).find((x) => x.id === tagId) ?? { id: tagId, name };
    } else [t] = await session.call('tags.add', { paperIds, names: [name] });
    const line = `${removed ? 'Untagged' : 'Tagged'} ${plural(papers.length, 'paper')} ${removed ? 'from' : 'with'} “${t.name}”.`;
    report(io, Boolean(values.json), { tag: { id: t.id, name: t.name }, removed, papers }, line);
    return 0;
  },
};

const STATES = [...READ_STATES, 'not-interested'] as const;

const status: Command = {
  summary: 'Set papers’ status: read, unread, reading or not-interested',
  usage: `digest-reader status <id…> ${STATES.join('|')} [--off] [--json]

Sets the papers' read state, or marks them not interested ("Best for you" learns from it; --off
takes the mark away). ${PAPER_IDS}

  --off   with not-interested: take the mark away
  --json  print JSON: { status, off, papers: [{ id, title }] }`,
  options: { off: { type: 'boolean' }, json: { type: 'boolean' } },
  args: [2, 101],
  async run(session, values, args, io) {
    const state = args.at(-1)!;
    if (!(STATES as readonly string[]).includes(state)) throw new UsageError(`status ${state}: expected ${STATES.join(', ')}.`, 'status');
    const off = Boolean(values.off);
    if (off && state !== 'not-interested') throw new UsageError(`--off goes with not-interested only; for ${state}, set another state.`, 'status');
    const papers = await papersOf(session, args.slice(0, -1));
    const paperIds = papers.map((p) => p.id);
    if (state === 'not-interested') await session.call('status.set', { paperIds, notInterested: !off });
    else await session.call('status.set', { paperIds, state: state as ReadState });
    const line = `Marked ${plural(papers.length, 'paper')} ${off ? 'no longer not interested' : state.replace('-', ' ')}.`;
    report(io, Boolean(values.json), { status: state, off, papers }, line);
    return 0;
  },
};

/** Registered in the command table (commands.ts), after the daily loop's commands. */
export const TRIAGE_COMMANDS: Record<string, Command> = { star, tag, status };
