import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeDigest } from '../../../src/digest/decode';
import { emailBody } from '../../../src/digest/email-body';
import { parseDigest } from '../../../src/digest/parse';
import { fixture, FIXTURES } from './support';

const bytes = (name: string) => fs.readFileSync(path.join(FIXTURES, name));

describe('an arXiv listing e-mail saved by a mail client (.eml)', () => {
  const plain = parseDigest(fixture('arxiv-email-cs.txt'));

  it.each(['arxiv-email-cs-qp.eml', 'arxiv-email-cs-multipart.eml'])('%s reads as the plain-text mailing does', (name) => {
    const text = decodeDigest(bytes(name));
    expect(text).not.toMatch(/=\r?\n|=C3=/);
    const parsed = parseDigest(text);
    expect(parsed.format).toBe('arxiv-email');
    expect(parsed.skipped).toEqual([]);
    expect(parsed.entries.map((e) => [e.arxivId, e.title, e.authors, e.abstract])).toEqual(
      plain.entries.map((e) => [e.arxivId, e.title, e.authors, e.abstract]),
    );
    expect(parsed.entries[0].authors).toContain('Jörg Müller');
  });

  it('leaves text that is not an e-mail as it is, whatever it starts with', () => {
    for (const text of [
      fixture('arxiv-email-cs.txt'),
      fixture('references.ris'),
      'Gemma: Open Models\nWe release open models.\n\nNext: Another title\nAn abstract.',
      'Content-Transfer-Encoding: base64\nbut not an e-mail',
      '{"from": 1}\n\n{}',
    ]) {
      expect(emailBody(text)).toBe(text);
    }
  });

  it('decodes a base64 body in another charset, and keeps an undecodable body readable', () => {
    const latin1 = Buffer.from('Authors: J\xf6rg M\xfcller', 'latin1').toString('base64');
    const mail = `From: a@b\nContent-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: base64\n\n${latin1}\n`;
    expect(emailBody(mail)).toBe('From: a@b\nContent-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: base64\n\nAuthors: Jörg Müller');
  });
});
