/**
 * The daily loop's commands (sources, fetch, rank, star, tag, status) as a person runs them: the
 * real bin in its own process, sources served by a local fixture server (never the internet).
 * Each spawn costs seconds on a busy machine, so each test walks one library through several
 * steps; the many refusals are run in this process (the same `run` the bin calls), and the core
 * is opened in between to check that a refusal changed nothing.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../../src/cli/main';
import { openCore } from '../../../src/core';
import { startFixtureServer, type FixtureServer } from '../../helpers/fixture-server';
import { SAMPLE, tempDir } from '../../helpers';
import { cli, type Result } from './run-bin';

/** The same command line in this process: for refusals, which need no process of their own to be believed. */
async function inProcess(...args: string[]): Promise<Result> {
  let stdout = '';
  let stderr = '';
  const status = await run(args, { out: (t) => (stdout += `${t}\n`), err: (t) => (stderr += `${t}\n`) });
  return { status, stdout, stderr };
}

/** Opens the library's core for a look (or a change made as the app would), and closes it. */
async function withCore<T>(dir: string, use: (call: <R>(name: string, arg: object) => Promise<R>) => Promise<T>): Promise<T> {
  const core = await openCore({ dataDir: dir });
  try {
    return await use((name, arg) => (core.handlers as unknown as Record<string, { run(a: object): unknown }>)[name].run(arg) as never);
  } finally {
    await core.close();
  }
}

const FIXTURES = path.resolve(import.meta.dirname, '..', '..', 'fixtures', 'formats');
let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer({ folder: FIXTURES });
});
afterAll(() => server.close());

describe('the daily commands', { timeout: 120_000 }, () => {
  it('sources add, list and remove by id, name, prefix or shorthand; fetch; bad input refused with nothing changed', async () => {
    const dir = path.join(tempDir(), 'library');
    const rss = server.url('/arxiv-rss-cs.CL.xml');
    const added = await cli('--data', dir, 'sources', 'add', rss, '--name', 'Fixture CL', '--json');
    expect(added.status).toBe(0);
    const cl = JSON.parse(added.stdout);
    expect(cl).toMatchObject({ id: expect.any(String), name: 'Fixture CL', url: rss, state: 'new', error: null });

    // Refusals, each naming what was wrong.
    const ftp = await cli('--data', dir, 'sources', 'add', 'ftp://example.org/feed.xml', '--json');
    expect(ftp).toMatchObject({ status: 1, stdout: '', stderr: expect.stringContaining('"ftp:" addresses are not fetched') });
    expect(await inProcess('--data', dir, 'sources', 'frob')).toMatchObject({ status: 2, stderr: expect.stringContaining('Unknown sources action “frob”') });
    expect(await inProcess('--data', dir, 'sources', 'add', rss)).toMatchObject({ status: 1, stderr: expect.stringContaining('already fetches this address') });
    expect(await inProcess('--data', dir, 'sources', 'add', 'arxiv:not categories!')).toMatchObject({
      status: 1,
      stderr: expect.stringContaining('not a list of arXiv categories'),
    });
    expect(await inProcess('--data', dir, 'sources', 'remove', 'Nowhere')).toMatchObject({
      status: 1,
      stderr: expect.stringContaining('No source named “Nowhere”. Known: “Fixture CL”.'),
    });
    expect(await inProcess('--data', dir, 'fetch', 'Nowhere')).toMatchObject({ status: 1, stderr: expect.stringContaining('No source named “Nowhere”') });

    // A source by the shorthand it was added with; an ambiguous prefix lists the ids.
    expect((await inProcess('--data', dir, 'sources', 'add', 'hf')).status).toBe(0);
    expect(
      await inProcess('--data', dir, 'sources', 'add', server.url('/hf-daily-papers.json'), '--format', 'hf-daily-papers', '--name', 'Fixture HF'),
    ).toMatchObject({ status: 0 });
    const ambiguous = await inProcess('--data', dir, 'sources', 'remove', 'fixture');
    expect(ambiguous.status).toBe(1);
    expect(ambiguous.stderr).toContain('“fixture” could be 2 sources; name one by its id:');
    expect(ambiguous.stderr).toContain(`  ${cl.id}  Fixture CL`);
    const removed = await inProcess('--data', dir, 'sources', 'remove', 'hf', '--json');
    expect(removed.status).toBe(0);
    expect(JSON.parse(removed.stdout)).toEqual({ id: expect.any(String), name: 'Hugging Face daily papers' });

    const list = await cli('--data', dir, 'sources', 'list', '--json');
    expect(list.status).toBe(0);
    const sources = JSON.parse(list.stdout);
    expect(sources.map((s: { name: string }) => s.name)).toEqual(['Fixture CL', 'Fixture HF']);
    expect(sources[1]).toMatchObject({ kind: 'hf-daily', format: 'hf-daily-papers', url: expect.stringContaining('{date}') });

    // Fetch all: each source becomes a dated digest.
    const fetched = await cli('--data', dir, 'fetch', '--json');
    expect(fetched.status).toBe(0);
    const outcome = JSON.parse(fetched.stdout);
    expect(outcome).toMatchObject({ trigger: 'manual', newPapers: expect.any(Number), summary: expect.stringMatching(/new papers/) });
    expect(outcome.results).toHaveLength(2);
    for (const r of outcome.results) expect(r).toMatchObject({ ok: true, error: null, digests: [expect.objectContaining({ added: expect.any(Number) })] });
    expect(outcome.results[0].digests[0].added).toBe(5);

    // A source that fails: exit 1, its error in the JSON, the library as it was.
    expect((await inProcess('--data', dir, 'sources', 'add', server.url('/gone.xml'), '--name', 'Gone')).status).toBe(0);
    const failed = await cli('--data', dir, 'fetch', 'Gone', '--json');
    expect(failed.status).toBe(1);
    const [gone] = JSON.parse(failed.stdout).results;
    expect(gone).toMatchObject({ name: 'Gone', ok: false, newPapers: 0, error: { code: 'http-404', message: expect.any(String) } });
    const again = await inProcess('--data', dir, 'fetch', 'Fixture CL');
    expect(again).toMatchObject({ status: 0, stdout: expect.stringContaining('Fixture CL: nothing new') });
    await withCore(dir, async (call) => {
      const { digests } = await call<{ digests: unknown[] }>('digests.list', {});
      expect(digests).toHaveLength(2);
    });
  });

  it('fetch says when it asks a source again, and why, before the wait', async () => {
    const dir = path.join(tempDir(), 'library');
    const rss = fs.readFileSync(path.join(FIXTURES, 'arxiv-rss-cs.CL.xml'));
    server.route('/busy-once.xml', [
      { status: 503, body: 'busy' },
      { body: rss, headers: { 'content-type': 'application/rss+xml' } },
    ]);
    expect((await inProcess('--data', dir, 'sources', 'add', server.url('/busy-once.xml'), '--name', 'Busy')).status).toBe(0);
    const fetched = await inProcess('--data', dir, 'fetch');
    expect(fetched).toMatchObject({ status: 0, stdout: expect.stringMatching(/^Busy: 5 new papers in “/) });
    expect(fetched.stderr).toBe(`Busy: ${new URL(server.origin).host} is unavailable for now (HTTP 503). Retrying (2 of 4)…\n`);
  });

  it('star, tag and status by app or arXiv id with --json; rank lists what the reader has not judged yet; unknown papers change nothing', async () => {
    const dir = path.join(tempDir(), 'library');
    // A smart list's rule tags and stars the cs.CL papers as they come: not the reader's judgement.
    const { ids, byRule } = await withCore(dir, async (call) => {
      await call('smart.create', { name: 'CL', query: 'cat:cs.CL', rule: { tag: 'auto', star: true } });
      await call('digests.import', { text: SAMPLE, fileName: 'trending-papers.txt', source: 'file' });
      const rss = fs.readFileSync(path.join(FIXTURES, 'arxiv-rss-cs.CL.xml'), 'utf8');
      const report = await call<{ matches: { newPaperIds: string[] }[] }>('digests.import', { text: rss, fileName: 'cs.CL.xml', source: 'file' });
      const { items } = await call<{ items: { id: string; arxivId: string | null }[] }>('papers.query', { sort: 'digest', limit: 40 });
      return { ids: items.filter((p) => !p.arxivId).map((p) => p.id), byRule: report.matches[0].newPaperIds };
    });
    expect(ids.length).toBeGreaterThanOrEqual(6);
    expect(byRule.length).toBeGreaterThanOrEqual(3);

    // Too little signal yet: rank says what it needs, exit 1.
    expect(await inProcess('--data', dir, 'rank')).toMatchObject({ status: 1, stderr: expect.stringContaining('Not enough signal yet') });

    // An arXiv id works as well as the app's id.
    const starred = await cli('--data', dir, 'star', ids[0], ids[1], 'arXiv:2401.10774v1', '--json');
    expect(starred.status).toBe(0);
    const star = JSON.parse(starred.stdout);
    expect(star).toMatchObject({ starred: true, papers: [{ id: ids[0] }, { id: ids[1] }, { id: expect.stringContaining('2401') }] });
    const arxivPaper = star.papers[2].id as string;
    expect(byRule).toContain(arxivPaper); // starred by the rule, and now by the reader

    const tagged = await inProcess('--data', dir, 'tag', ids[2], ids[3], 'search', '--json');
    expect(JSON.parse(tagged.stdout)).toEqual({
      tag: { id: expect.any(String), name: 'search' },
      removed: false,
      papers: [expect.objectContaining({ id: ids[2] }), expect.objectContaining({ id: ids[3] })],
    });
    const untagged = await inProcess('--data', dir, 'tag', ids[3], 'search', '--remove', '--json');
    expect(JSON.parse(untagged.stdout)).toMatchObject({ tag: { name: 'search' }, removed: true, papers: [{ id: ids[3] }] });
    const marked = await cli('--data', dir, 'status', ids[3], 'read', '--json');
    expect(marked.status).toBe(0);
    expect(JSON.parse(marked.stdout)).toMatchObject({ status: 'read', off: false, papers: [{ id: ids[3] }] });
    expect(JSON.parse((await inProcess('--data', dir, 'status', ids[4], 'not-interested', '--json')).stdout)).toMatchObject({
      status: 'not-interested',
      papers: [{ id: ids[4] }],
    });

    // Refusals: an unknown paper (even among known ones), a state, a tag that is not there; nothing changes.
    const unknown = await cli('--data', dir, 'star', ids[5], '2501.99999', 'nope', '--json');
    expect(unknown).toMatchObject({ status: 1, stdout: '', stderr: expect.stringContaining('Not in the library: “2501.99999”, “nope”.') });
    expect(unknown.stderr).toContain('nothing changed');
    expect(await inProcess('--data', dir, 'status', ids[0], 'done')).toMatchObject({
      status: 2,
      stderr: expect.stringContaining('expected unread, reading, read, not-interested'),
    });
    expect(await inProcess('--data', dir, 'status', ids[0], 'read', '--off')).toMatchObject({ status: 2 });
    expect(await inProcess('--data', dir, 'tag', ids[0], 'never-made', '--remove')).toMatchObject({
      status: 1,
      stderr: expect.stringContaining('No tag named “never-made”'),
    });
    expect(await inProcess('--data', dir, 'tag', 'nope', 'fresh-tag')).toMatchObject({ status: 1 });
    expect(await inProcess('--data', dir, 'rank', '--limit', '0')).toMatchObject({ status: 2 });
    await withCore(dir, async (call) => {
      const { items } = await call<{ items: { id: string }[] }>('papers.query', { starred: true, limit: 100 });
      expect(items.map((p) => p.id).sort()).toEqual([ids[0], ids[1], ...byRule].sort());
      const tags = await call<{ name: string }[]>('tags.list', {});
      expect(tags.map((t) => t.name)).toEqual(['auto', 'search']);
    });

    // rank: the papers not judged yet, best first, each with its reason; --all adds the rest, marked.
    const judged = new Set([ids[0], ids[1], ids[2], ids[3], ids[4], arxivPaper]);
    const ranked = await cli('--data', dir, 'rank', '--limit', '200', '--json');
    expect(ranked.status).toBe(0);
    const best = JSON.parse(ranked.stdout);
    expect(best.ranking).toMatchObject({ state: 'ready', positives: 5, negatives: 1 });
    expect(best.total).toBe(best.items.length);
    expect(best.items.length).toBeGreaterThan(100);
    expect(best.items.filter((p: { id: string }) => judged.has(p.id))).toEqual([]);
    // What only the rule tagged and starred is still to judge.
    const toJudge = new Set(best.items.map((p: { id: string }) => p.id));
    expect(byRule.filter((id) => id !== arxivPaper && !toJudge.has(id))).toEqual([]);
    expect(best.items[0]).toMatchObject({
      id: expect.any(String),
      title: expect.any(String),
      reason: expect.stringMatching(/^(shares|mentions) /),
      judged: null,
      state: 'unread',
    });
    const all = JSON.parse((await inProcess('--data', dir, 'rank', '--all', '--limit', '1000', '--json')).stdout);
    expect(all.total).toBe(best.total + judged.size);
    const tail = all.items.slice(best.items.length);
    expect(new Set(tail.map((p: { id: string }) => p.id))).toEqual(judged);
    expect(tail.find((p: { id: string }) => p.id === ids[4]).judged).toBe('not interested');
    expect(tail.find((p: { id: string }) => p.id === ids[0]).judged).toBe('starred');
    expect(tail.find((p: { id: string }) => p.id === ids[2]).judged).toBe('tagged search');
  });
});
