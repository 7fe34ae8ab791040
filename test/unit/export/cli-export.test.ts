import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ExportReport } from '../../../src/cli/export-command';
import { run } from '../../../src/cli/main';
import { parseDigest } from '../../../src/digest/parse';
import { SAMPLE_PATH, tempDir } from '../../helpers';
import { IDENTITY_FIXTURES } from './helpers';

/** The command line, run in this process (the bin runs the same function): exit code and what it printed. */
async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await run(['--data', data, ...args], { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { status, stdout: out.join('\n'), stderr: err.join('\n') };
}
const report = (stdout: string) => JSON.parse(stdout) as ExportReport;

let data: string;
let total: number;
beforeAll(async () => {
  data = path.join(tempDir(), 'library');
  const imported = await cli('import', SAMPLE_PATH, path.join(IDENTITY_FIXTURES, 'arxiv-api-query.xml'));
  expect(imported).toMatchObject({ status: 0, stderr: '' });
  total = JSON.parse((await cli('stats', '--json')).stdout).papers.total;
}, 120_000);

describe('digest-reader export', () => {
  it('ris and csl-json print to standard output, and parse back into the same papers', async () => {
    const ris = await cli('export', 'ris');
    expect(ris.status).toBe(0);
    const fromRis = parseDigest(ris.stdout, { format: 'ris' });
    expect(fromRis.entries).toHaveLength(total);
    expect(fromRis.entries.flatMap((e) => e.arxivId ?? []).sort()).toEqual(['2303.06865', '2401.12345', 'hep-ex/0307015']);
    const csl = await cli('export', 'csl-json');
    expect(parseDigest(csl.stdout, { format: 'csl-json' }).entries.map((e) => e.title)).toEqual(fromRis.entries.map((e) => e.title));
  });

  it('bibtex of an arXiv paper follows arXiv’s convention', async () => {
    const bib = await cli('export', 'bibtex');
    const flexgen = bib.stdout.split('\n\n').find((e) => e.includes('eprint={2303.06865}'))!;
    expect(flexgen).toMatch(
      /^@misc\{sheng2023flexgen,\n {6}title=\{FlexGen: [^\n]+\},\n {6}author=\{Ying Sheng and [^\n]+\},\n {6}year=\{2023\},\n {6}eprint=\{2303\.06865\},\n {6}archivePrefix=\{arXiv\},\n {6}primaryClass=\{cs\.LG\},\n {6}url=\{https:\/\/arxiv\.org\/abs\/2303\.06865\},\n/,
    );
    expect(parseBibtex(bib.stdout, { sentenceCase: false, unsupported: 'ignore' }).errors).toEqual([]);
  });

  it('--json reports what was written: files, counts, nothing skipped', async () => {
    const out = tempDir();
    const r = await cli('export', 'csl-json', '--out', out, '--json');
    expect(r).toMatchObject({ status: 0, stderr: '' });
    const file = path.join(out, 'Library.csl.json');
    expect(report(r.stdout)).toEqual({
      ok: true,
      format: 'csl-json',
      scope: 'library',
      outDir: out,
      papers: total,
      files: [{ name: 'Library.csl.json', path: file, status: 'written' }],
      counts: { written: 1, created: 0, updated: 0, unchanged: 0, skipped: 0, notWritten: 0 },
      skipped: [],
      failed: null,
    });
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toHaveLength(total);
    const printed = report((await cli('export', 'ris', '--json', '--scope', 'digest:arXiv query')).stdout);
    expect(printed).toMatchObject({ ok: true, papers: 3, files: [], text: expect.stringMatching(/^TY {2}- UNPB\r\n/) });
  });

  it('--json reports a Markdown export file by file, and the files it left alone because they were edited', async () => {
    const out = path.join(tempDir(), 'vault');
    const scope = ['--scope', 'digest:arXiv query', '--out', out, '--json'];
    const first = report((await cli('export', 'markdown', ...scope)).stdout);
    // Three papers and the digest's index file.
    expect(first).toMatchObject({ ok: true, papers: 3, counts: { written: 4, created: 4, updated: 0, unchanged: 0, skipped: 0 } });
    expect(first.files.map((f) => f.status)).toEqual(['created', 'created', 'created', 'created']);
    const edited = first.files[0].path!;
    fs.writeFileSync(edited, fs.readFileSync(edited, 'utf8').replace('## Abstract', '## Abstract\n\nMy edit inside.'));
    const again = await cli('export', 'markdown', ...scope);
    expect(again.status).toBe(1);
    expect(report(again.stdout)).toMatchObject({
      ok: false,
      counts: { written: 0, unchanged: 3, skipped: 1 },
      skipped: [{ name: first.files[0].name, path: edited, reason: 'the exported part was edited after the last export' }],
    });
  });

  it('--json reports a failure as JSON too; wrong usage stays a usage error', async () => {
    const missing = await cli('export', 'ris', '--scope', 'list:Nope', '--json');
    expect(missing.status).toBe(1);
    expect(report(missing.stdout)).toMatchObject({ ok: false, format: 'ris', error: expect.stringContaining('No list named “Nope”') });
    const wrong = await cli('export', 'endnote');
    expect(wrong).toMatchObject({ status: 2, stdout: '' });
    expect(wrong.stderr).toContain('Unknown export format “endnote”: expected markdown, bibtex, csv, ris, csl-json.');
    expect((await cli('export', '--help')).stdout).toContain('digest-reader export markdown|bibtex|csv|ris|csl-json');
  });
});
