/**
 * Author names as sources give them ("Ashish Vaswani", "Ludwig van Beethoven", "Martin Luther King,
 * Jr.", "H1 Collaboration") split into the parts citation formats want: BibTeX's First/von/Last/Jr,
 * RIS's "Last, First, Suffix" and CSL's family/given/particle/suffix. Names are not guessed beyond
 * what is safe: an organisation, or a name with a comma that is not a suffix, stays whole (`literal`).
 */
export interface PersonName {
  /** The surname (for an organisation or a protected name, the whole name). */
  family: string;
  given?: string;
  /** A lower-case particle before the surname: "van", "de la". */
  particle?: string;
  suffix?: string;
  /** A name to keep as one piece (an organisation, a name with a comma of its own). */
  literal?: boolean;
}

const SUFFIX = /^(?:jr|sr|jnr|snr)\.?$|^(?:ii|iii|iv|v|vi)$|^(?:2nd|3rd|4th)$/i;

/** Particles written in lower case in the middle of a name (BibTeX's "von" part, CSL's particle). */
const PARTICLES = new Set([
  'van',
  'von',
  'der',
  'den',
  'de',
  'del',
  'della',
  'dello',
  'dei',
  'degli',
  'di',
  'da',
  'das',
  'do',
  'dos',
  'du',
  'la',
  'le',
  'les',
  'ter',
  'ten',
  'zu',
  'zum',
  'zur',
  'af',
  'av',
  'bin',
  'ibn',
  'al',
  'el',
  'y',
]);

/** Particles that, capitalised in the middle of a name, begin a surname of two words (Della Pietra, Van Rossum). */
const CAPITAL_PARTICLES = new Set(['Van', 'Von', 'De', 'Del', 'Della', 'Di', 'Da', 'Du', 'Dos', 'Le', 'La', 'Ter', 'Ten']);

/** Words that make a name an organisation: "H1 Collaboration", "OpenAI Team", "Stanford NLP Group". */
const ORGANISATION =
  /\b(?:collaboration|consortium|team|group|project|initiative|institute|university|laboratory|lab|labs|foundation|association|society|committee|council|network|inc|ltd|llc|corp|corporation|company|organi[sz]ation|centre|center|authors|contributors)\b\.?/i;

export function splitName(raw: string): PersonName | null {
  let name = raw.replace(/\s+/g, ' ').trim();
  if (!name) return null;
  if (ORGANISATION.test(name)) return { family: name, literal: true };
  let suffix: string | undefined;
  if (name.includes(',')) {
    const parts = name.split(',').map((p) => p.trim());
    if (parts.length !== 2 || !SUFFIX.test(parts[1]) || !parts[0]) return { family: name, literal: true };
    [name, suffix] = parts;
  }
  const tokens = name.split(' ');
  if (!suffix && tokens.length > 2 && SUFFIX.test(tokens[tokens.length - 1])) suffix = tokens.pop();
  if (tokens.length === 1) return { family: tokens[0], ...(suffix ? { suffix } : {}) };

  // The surname starts at the first particle after the given names, else it is the last word.
  let start = tokens.length - 1;
  let particleEnd = start;
  for (let i = 1; i < tokens.length - 1; i++) {
    if (PARTICLES.has(tokens[i])) {
      start = i;
      particleEnd = i;
      while (particleEnd < tokens.length - 1 && PARTICLES.has(tokens[particleEnd])) particleEnd++;
      break;
    }
    if (CAPITAL_PARTICLES.has(tokens[i])) {
      start = i;
      particleEnd = i;
      break;
    }
  }
  const given = tokens.slice(0, start).join(' ');
  const particle = tokens.slice(start, particleEnd).join(' ');
  const family = tokens.slice(particleEnd).join(' ');
  return { family, ...(given ? { given } : {}), ...(particle ? { particle } : {}), ...(suffix ? { suffix } : {}) };
}

/** The surname with its particle: "van Beethoven", "Della Pietra". */
export const fullFamily = (n: PersonName) => (n.particle ? `${n.particle} ${n.family}` : n.family);
