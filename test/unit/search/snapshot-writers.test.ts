import fc from 'fast-check';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { IndexWriter } from '../../../src/search/index-format';
import { SnapshotReader, SnapshotSizer, SnapshotWriter } from '../../../src/search/snapshot';

type Op =
  | { op: 'uint'; n: number }
  | { op: 'float'; n: number }
  | { op: 'string'; s: string }
  | { op: 'bytes'; b: Uint8Array }
  | { op: 'placeholder' }
  | { op: 'piece'; ns: number[] };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('uint' as const), n: fc.oneof(fc.nat(300), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER })) }),
  fc.record({ op: fc.constant('float' as const), n: fc.double() }),
  fc.record({ op: fc.constant('string' as const), s: fc.string({ unit: 'binary' }) }),
  fc.record({ op: fc.constant('bytes' as const), b: fc.uint8Array({ maxLength: 3000 }) }),
  fc.record({ op: fc.constant('placeholder' as const) }),
  fc.record({ op: fc.constant('piece' as const), ns: fc.array(fc.nat(), { maxLength: 50 }) }),
);

function run(w: SnapshotWriter, ops: Op[]): number {
  for (const o of ops) {
    if (o.op === 'uint') w.uint(o.n);
    else if (o.op === 'float') w.float(o.n);
    else if (o.op === 'string') w.string(o.s);
    else if (o.op === 'bytes') w.bytes(Buffer.from(o.b));
    else if (o.op === 'placeholder') w.patch(w.placeholder(), 7);
    else {
      const piece = w.scratch();
      for (const n of o.ns) piece.uint(n);
      w.append(piece);
    }
  }
  return w.pos;
}

describe('a snapshot counted before it is written', () => {
  it('counts exactly the bytes a writer writes, whatever is written', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.array(op, { maxLength: 60 }), (header, ops) => {
        expect(run(new SnapshotSizer(header), ops)).toBe(run(new SnapshotWriter(header), ops));
        expect(run(new SnapshotSizer(null, false), ops)).toBe(run(new SnapshotWriter(null, false), ops));
      }),
    );
  });

  it('gives an index snapshot its length, and the snapshot written at that length, or into a file, is the same', () => {
    const paper = fc.record({
      id: fc.string({ minLength: 1 }),
      lengths: fc.array(fc.option(fc.nat(5000), { nil: undefined }), { minLength: 3, maxLength: 3 }),
    });
    const term = fc.record({
      name: fc.string({ minLength: 1 }),
      postings: fc.array(fc.tuple(fc.nat(2), fc.array(fc.nat(1 << 20), { minLength: 1, maxLength: 40 })), { minLength: 1, maxLength: 3 }),
    });
    fc.assert(
      fc.property(fc.jsonValue(), fc.array(paper, { maxLength: 30 }), fc.array(term, { maxLength: 30 }), (header, papers, terms) => {
        expectWrittenAlike(header, papers, terms);
      }),
    );
  });

  it('writes a snapshot of many megabytes into a file a few at a time, byte for byte as in memory, and it opens', () => {
    const papers = Array.from({ length: 200_000 }, (_, i) => ({ id: `paper-${i.toString(36).padStart(12, '0')}`, lengths: [i % 17, undefined, i % 300] }));
    const terms = Array.from({ length: 5_000 }, (_, i) => ({
      name: `term${i}`,
      postings: [[i % 3, Array.from({ length: 1 + (i % 1000) }, (_, j) => j * 7 + i)]] as [number, number[]][],
    }));
    const { file } = expectWrittenAlike({ built: 'test' }, papers, terms);
    expect(file.length).toBeGreaterThan(8 << 20);
    expect(SnapshotReader.header(file)).toEqual({ built: 'test' });
    expect(() => SnapshotReader.open(file)).not.toThrow();
  });

  it('refuses to end a snapshot in a file whose terms are not the count it gave', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dr-snapshot-'));
    const fd = fs.openSync(path.join(dir, 'index.bin'), 'w');
    try {
      const w = new IndexWriter(null, [1], 1, 0, { fd, terms: 2 });
      w.term('only', [[0, (block) => (block.uint(1), { count: 1, max: 1 })]]);
      expect(() => w.end()).toThrow(/1 terms, not the 2/);
    } finally {
      fs.closeSync(fd);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

type Paper = { id: string; lengths: (number | undefined)[] };
type Term = { name: string; postings: [number, number[]][] };

/** The same index written counted, at its length, growing, and into a file: all alike. */
function expectWrittenAlike(header: unknown, papers: Paper[], terms: Term[]): { file: Buffer } {
  const write = (w: IndexWriter) => {
    papers.forEach((p, shortId) => w.paper(shortId, p.id, (f) => p.lengths[f]));
    for (const t of terms)
      w.term(
        t.name,
        t.postings.map(([field, ns]) => [
          field,
          (block) => {
            for (const n of ns) block.uint(n);
            return { count: ns.length, max: ns.length };
          },
        ]),
      );
    return w;
  };
  const averages = [1.5, 20, 0];
  const sized = write(new IndexWriter(header, averages, papers.length, papers.length, { sizing: true })).length;
  const plain = write(new IndexWriter(header, averages, papers.length, papers.length)).finish();
  expect(sized).toBe(plain.length);
  // Written at its length (and the eight bytes a varint asks for, as BulkBuild gives it), the
  // snapshot is the very buffer the writer began with: never grown, never copied.
  const allocations = vi.spyOn(Buffer, 'allocUnsafe');
  let exact: Buffer;
  let first: { size: number; buffer: Buffer };
  try {
    exact = write(new IndexWriter(header, averages, papers.length, papers.length, { size: sized + 8 })).finish();
    first = { size: allocations.mock.calls[0][0], buffer: allocations.mock.results[0].value as Buffer };
  } finally {
    allocations.mockRestore();
  }
  expect(first.size).toBe(sized + 8);
  expect(exact.buffer).toBe(first.buffer.buffer);
  expect(exact.byteOffset).toBe(first.buffer.byteOffset);
  expect(exact.equals(plain)).toBe(true);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dr-snapshot-'));
  try {
    const fd = fs.openSync(path.join(dir, 'index.bin'), 'w');
    let length: number;
    try {
      length = write(new IndexWriter(header, averages, papers.length, papers.length, { fd, terms: terms.length })).end();
    } finally {
      fs.closeSync(fd);
    }
    const file = fs.readFileSync(path.join(dir, 'index.bin'));
    expect(length).toBe(plain.length);
    expect(file.equals(plain)).toBe(true);
    return { file };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
