import { beforeAll, describe, expect, it } from 'vitest';
import { addAttribute, createComparison, setCell } from '../../../src/compare/comparisons';
import { planMarkdown, renderPlanned } from '../../../src/export/markdown-export';
import { exportRecords } from '../../../src/export/paper-record';
import { resolveScope } from '../../../src/export/scope';
import { PAPER_PROPERTIES } from '../../../src/export/obsidian';
import { addToList, createList } from '../../../src/lists/lists';
import { setStatus } from '../../../src/status/status';
import { identityLibrary } from './helpers';
import { checkProperties, propertyType } from './obsidian-check';

let files: Record<string, string>;
beforeAll(async () => {
  const { ctx, withIds, papers } = await identityLibrary();
  const c = createComparison(
    ctx,
    withIds.slice(0, 2).map((p) => p.id),
    'Speed',
  );
  setCell(ctx, c.id, withIds[0].id, addAttribute(ctx, c.id, 'Speed-up').id, '2.1x\nat batch 1');
  setCell(ctx, c.id, withIds[1].id, addAttribute(ctx, c.id, 'Params').id, '7');
  setStatus(ctx, [papers[0].id], { state: 'read', starred: true });
  const list = createList(ctx, 'Everything');
  addToList(
    ctx,
    list.id,
    papers.map((p) => p.id),
  );
  const scope = resolveScope(ctx, { kind: 'list', ids: [list.id] });
  files = Object.fromEntries(renderPlanned(planMarkdown(scope, exportRecords(ctx, scope.papers), { wikiLinks: true })).map((f) => [f.name, f.text]));
}, 120_000);

describe('an Obsidian export of the sample and the identity fixtures', () => {
  it('passes the property-type check: every value of an Obsidian type, one type per property across all files', () => {
    expect(Object.keys(files).length).toBeGreaterThan(125);
    const { problems, types } = checkProperties(files);
    expect(problems).toEqual([]);
    // Each paper property has the type the export declares for it; the index adds its own few.
    for (const [key, type] of Object.entries(PAPER_PROPERTIES)) expect(types[key], key).toBe(type);
    expect(types).toMatchObject({ kind: 'text', papers: 'number' });
  });

  it('holds the identity a reader looks for: aliases, authors, url, published, arxiv', () => {
    const flexgen = Object.values(files).find((t) => t.includes('arxiv: "2303.06865"'))!;
    expect(flexgen).toMatch(/^aliases:\n {2}- "FlexGen: High-Throughput/m);
    expect(flexgen).toMatch(/^authors:\n {2}- Ying Sheng\n/m);
    expect(flexgen).toContain('url: https://arxiv.org/abs/2303.06865\n');
    expect(flexgen).toContain('published: 2023-03-13\n');
    expect(flexgen).toMatch(/^tags:\n {2}- to-cite\n {2}- C-Rust\n {2}- _2024\n {2}- reasoning\/chain-of-thought\n/m);
    expect(Object.values(files).find((t) => t.includes('Speed / Speed-up'))).toMatch(/^attributes:\n {2}- "Speed \/ Speed-up: 2.1x at batch 1"\n/m);
  });

  it('the check itself catches what Obsidian cannot read', () => {
    expect(propertyType({ name: 'nested' })).toBeNull();
    expect(propertyType([{ name: 'nested' }])).toBeNull();
    const bad = {
      'a.md': '---\ntags:\n  - to cite\n  - "2024"\ndigests:\n  - name: x\n---\n',
      'b.md': '---\nread: 2025-01-01\n---\n',
      'c.md': '---\nread: true\n---\n',
    };
    expect(checkProperties(bad).problems).toEqual([
      'a.md: digests is not one of Obsidian\'s property types: [{"name":"x"}]',
      'a.md: invalid tags ["to cite","2024"]',
      'c.md: read is checkbox here, date elsewhere',
    ]);
  });
});
