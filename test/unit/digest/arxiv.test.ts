import { describe, expect, it } from 'vitest';
import { identityFromDoi, isArxivCategory, normaliseDoi, parseArxivId } from '../../../src/digest/arxiv';

describe('arXiv ids', () => {
  it.each([
    ['arXiv:2401.12345v2', { id: '2401.12345', version: 2 }],
    ['2401.12345', { id: '2401.12345', version: undefined }],
    ['0704.0001', { id: '0704.0001', version: undefined }],
    ['1412.6980v9', { id: '1412.6980', version: 9 }],
    ['hep-th/9901001v3', { id: 'hep-th/9901001', version: 3 }],
    ['math.GT/0309136', { id: 'math/0309136', version: undefined }],
    ['oai:arXiv.org:2401.12345v1', { id: '2401.12345', version: 1 }],
    ['https://arxiv.org/abs/2401.12345v2', { id: '2401.12345', version: 2 }],
    ['http://export.arxiv.org/abs/hep-ex/0307015v1', { id: 'hep-ex/0307015', version: 1 }],
    ['https://www.arxiv.org/pdf/2401.12345v3.pdf', { id: '2401.12345', version: 3 }],
    ['https://arxiv.org/pdf/2401.12345', { id: '2401.12345', version: undefined }],
    ['https://arxiv.org/html/2401.12345v1/', { id: '2401.12345', version: 1 }],
    ['https://huggingface.co/papers/2502.04180', { id: '2502.04180', version: undefined }],
    ['10.48550/arXiv.2401.12345', { id: '2401.12345', version: undefined }],
    ['https://doi.org/10.48550/ARXIV.2303.06865', { id: '2303.06865', version: undefined }],
  ])('reads %s', (input, expected) => {
    expect(parseArxivId(input)).toEqual(expected);
  });

  it.each([
    '',
    '1234.12345',
    '2413.12345',
    '2401.123',
    '2401.123456',
    '1501.1234',
    '1412.12345',
    'hello',
    'cs/123',
    'https://example.org/abs/2401.12345',
    null,
    undefined,
  ])('refuses %s', (input) => {
    expect(parseArxivId(input as string)).toBeUndefined();
  });
});

describe('DOIs', () => {
  it('normalises case and strips resolvers and prefixes', () => {
    expect(normaliseDoi('https://doi.org/10.18653/V1/D15-1075')).toBe('10.18653/v1/d15-1075');
    expect(normaliseDoi('doi:10.1103/PhysRevLett.116.061102')).toBe('10.1103/physrevlett.116.061102');
    expect(normaliseDoi('http://dx.doi.org/10.1529/biophysj.104.047340')).toBe('10.1529/biophysj.104.047340');
    expect(normaliseDoi('not a doi')).toBeUndefined();
  });
  it("turns arXiv's own DOIs into an arXiv id", () => {
    expect(identityFromDoi('10.48550/arXiv.2408.11745')).toEqual({ arxivId: '2408.11745', arxivVersion: undefined });
    expect(identityFromDoi('10.18653/v1/D15-1075')).toEqual({ doi: '10.18653/v1/d15-1075' });
  });
});

describe('categories', () => {
  it('tells arXiv categories from ACM and MSC classes', () => {
    for (const c of ['cs.CL', 'hep-th', 'physics.atom-ph', 'cond-mat.mes-hall', 'q-bio.NC', 'stat.ML', 'math']) expect(isArxivCategory(c)).toBe(true);
    for (const c of ['I.2.7', '68T05', 'cs CL', '']) expect(isArxivCategory(c)).toBe(false);
  });
});
