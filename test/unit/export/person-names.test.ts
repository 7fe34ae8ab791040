import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bibtexName } from '../../../src/export/bibtex';
import { cslName } from '../../../src/export/csl-json';
import { fullFamily, splitName } from '../../../src/export/person-names';
import { risName } from '../../../src/export/ris';

describe('author names', () => {
  it.each([
    ['Ashish Vaswani', { given: 'Ashish', family: 'Vaswani' }],
    ['Aidan N. Gomez', { given: 'Aidan N.', family: 'Gomez' }],
    ['Oscar de la Hoya', { given: 'Oscar', particle: 'de la', family: 'Hoya' }],
    ['Guido van Rossum', { given: 'Guido', particle: 'van', family: 'Rossum' }],
    ['Vincent J. Della Pietra', { given: 'Vincent J.', family: 'Della Pietra' }],
    ['Martin Luther King, Jr.', { given: 'Martin Luther', family: 'King', suffix: 'Jr.' }],
    ['John Smith III', { given: 'John', family: 'Smith', suffix: 'III' }],
    ['José Álvarez-Muñiz', { given: 'José', family: 'Álvarez-Muñiz' }],
    ['Stanford NLP Group', { family: 'Stanford NLP Group', literal: true }],
    ['Smith, John', { family: 'Smith, John', literal: true }],
    ['  Plato  ', { family: 'Plato' }],
  ])('%s splits into %j', (name, parts) => expect(splitName(name)).toEqual(parts));

  it('any name splits into parts that hold all its words, and every format writes it without throwing', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."ab AB.,-{}&%\\'é".split('').concat(['van ', 'de ', 'Jr.', ' and '])), maxLength: 40 }), (name) => {
        const n = splitName(name);
        if (name.trim() === '') {
          expect(n).toBeNull();
          return;
        }
        expect(n).not.toBeNull();
        const words = (s: string) => s.replace(/,/g, ' ').split(/\s+/).filter(Boolean).sort();
        expect(words([n!.given ?? '', fullFamily(n!), n!.suffix ?? ''].join(' '))).toEqual(words(name));
        bibtexName(name);
        risName(name);
        cslName(name);
      }),
      { numRuns: 1000 },
    );
  });
});
