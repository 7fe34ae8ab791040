/**
 * The inline maths of titles and abstracts (`$2.26\times$`, `$O(n^2)$`, `$\mathcal{L}_{\text{KL}}$`)
 * read as text with Unicode symbols, superscripts and subscripts, as a reader sees it in a paper.
 * Only what can be shown faithfully is converted: a formula with a command not known here stays as
 * its LaTeX source. Never HTML: the result is strings and sup/sub groups for React to render.
 */

export type MathNode = string | { sup: MathNode[] } | { sub: MathNode[] };

/** Command → symbol, as pairs separated by spaces: Greek, operators and relations, arrows, words set upright. */
const SYMBOLS: Record<string, string> = {
  ...pairs(`
    alpha α beta β gamma γ delta δ epsilon ϵ varepsilon ε zeta ζ eta η theta θ vartheta ϑ iota ι kappa κ lambda λ
    mu μ nu ν xi ξ pi π rho ρ sigma σ tau τ upsilon υ phi ϕ varphi φ chi χ psi ψ omega ω Gamma Γ Delta Δ Theta Θ
    Lambda Λ Xi Ξ Pi Π Sigma Σ Phi Φ Psi Ψ Omega Ω times × cdot · pm ± mp ∓ div ÷ ast ∗ star ⋆ circ ∘ bullet •
    oplus ⊕ otimes ⊗ leq ≤ le ≤ geq ≥ ge ≥ neq ≠ ne ≠ approx ≈ sim ∼ simeq ≃ cong ≅ equiv ≡ propto ∝ ll ≪ gg ≫
    in ∈ notin ∉ ni ∋ subset ⊂ subseteq ⊆ supset ⊃ supseteq ⊇ cup ∪ cap ∩ setminus ∖ emptyset ∅ varnothing ∅
    forall ∀ exists ∃ neg ¬ wedge ∧ vee ∨ to → rightarrow → leftarrow ← leftrightarrow ↔ Rightarrow ⇒ Leftarrow ⇐
    Leftrightarrow ⇔ mapsto ↦ uparrow ↑ downarrow ↓ infty ∞ partial ∂ nabla ∇ sum ∑ prod ∏ int ∫ ell ℓ hbar ℏ Re ℜ
    Im ℑ aleph ℵ prime ′ dagger † mid ∣ parallel ∥ perp ⊥ angle ∠ triangle △ ldots … cdots ⋯ dots … vdots ⋮
    ddots ⋱ langle ⟨ rangle ⟩ lceil ⌈ rceil ⌉ lfloor ⌊ rfloor ⌋ checkmark ✓ degree ° sharp ♯ approxeq ≊ log log
    ln ln exp exp min min max max sin sin cos cos tan tan lim lim arg arg argmin argmin argmax argmax det det
    dim dim sup sup inf inf Pr Pr
  `),
  quad: '\u2003',
  qquad: '\u2003\u2003',
};

function pairs(table: string): Record<string, string> {
  const words = table.trim().split(/\s+/);
  return Object.fromEntries(words.flatMap((w, i) => (i % 2 ? [] : [[w, words[i + 1]]])));
}

const ESCAPED: Record<string, string> = {
  '%': '%',
  '{': '{',
  '}': '}',
  _: '_',
  $: '$',
  '&': '&',
  '#': '#',
  ',': '\u2009',
  ';': '\u2005',
  ':': '\u2005',
  '!': '',
  ' ': ' ',
  '|': '‖',
};
/** Commands whose argument is shown as it is (the face is not reproduced, except double-struck letters). */
const FACES = new Set([
  'mathbf',
  'mathrm',
  'mathit',
  'mathsf',
  'mathtt',
  'mathcal',
  'mathscr',
  'mathfrak',
  'boldsymbol',
  'bm',
  'text',
  'textbf',
  'textit',
  'textrm',
  'texttt',
  'textsf',
  'emph',
  'operatorname',
  'mbox',
]);
const DOUBLE_STRUCK: Record<string, string> = { R: 'ℝ', N: 'ℕ', Z: 'ℤ', Q: 'ℚ', C: 'ℂ', E: '𝔼', P: 'ℙ', '1': '𝟙' };
const ACCENTS: Record<string, string> = {
  hat: '\u0302',
  widehat: '\u0302',
  tilde: '\u0303',
  widetilde: '\u0303',
  bar: '\u0304',
  overline: '\u0305',
  vec: '\u20D7',
  dot: '\u0307',
  ddot: '\u0308',
};
/** Sizing and spacing commands that only change how a formula is set. */
const DROPPED = new Set([
  'left',
  'right',
  'big',
  'Big',
  'bigg',
  'Bigg',
  'bigl',
  'bigr',
  'Bigl',
  'Bigr',
  'displaystyle',
  'textstyle',
  'scriptstyle',
  'scriptsize',
  'small',
  'footnotesize',
  'tiny',
  'large',
  'Large',
  'limits',
  'nolimits',
]);

class Unknown extends Error {}

/** The nodes of a formula (the text between `$`s), or undefined when it holds what cannot be shown. */
export function mathNodes(tex: string): MathNode[] | undefined {
  if (tex.length > 200) return undefined;
  try {
    const reader = new Reader(tex);
    const nodes = reader.sequence(false);
    return reader.done() ? merge(nodes) : undefined;
  } catch (error) {
    if (error instanceof Unknown) return undefined;
    throw error;
  }
}

class Reader {
  private at = 0;
  constructor(private readonly tex: string) {}

  done() {
    return this.at >= this.tex.length;
  }

  /** Nodes up to the end, or to the closing brace of a group. */
  sequence(inGroup: boolean): MathNode[] {
    const out: MathNode[] = [];
    while (this.at < this.tex.length) {
      const c = this.tex[this.at];
      if (c === '}') {
        if (!inGroup) throw new Unknown();
        this.at++;
        return out;
      }
      if (c === '^' || c === '_') {
        this.at++;
        const arg = this.argument();
        out.push(c === '^' ? { sup: arg } : { sub: arg });
      } else out.push(...this.atom());
    }
    if (inGroup) throw new Unknown();
    return out;
  }

  /** One group `{…}`, one command, or one character. */
  atom(): MathNode[] {
    const c = this.tex[this.at++];
    if (c === '{') return this.sequence(true);
    if (c === '~') return ['\u00a0'];
    if (c !== '\\') return [c];
    const name = /^[a-zA-Z]+/.exec(this.tex.slice(this.at))?.[0];
    if (!name) {
      const escaped = ESCAPED[this.tex[this.at++]];
      if (escaped === undefined) throw new Unknown();
      return [escaped];
    }
    this.at += name.length;
    return this.command(name);
  }

  argument(): MathNode[] {
    while (this.tex[this.at] === ' ') this.at++;
    if (this.at >= this.tex.length) throw new Unknown();
    return this.atom();
  }

  command(name: string): MathNode[] {
    if (SYMBOLS[name] !== undefined) {
      while (this.tex[this.at] === ' ') this.at++; // a control word swallows the spaces after it
      // …but an operator's name (\log n) stands apart from the letters after it.
      const apart = /^[a-z]{2,}$/i.test(SYMBOLS[name]) && /[\w\\]/.test(this.tex[this.at] ?? '');
      return [apart ? `${SYMBOLS[name]} ` : SYMBOLS[name]];
    }
    if (DROPPED.has(name)) return [];
    if (name === 'mathbb' || name === 'mathbbm') {
      const arg = flat(this.argument());
      return [[...arg].map((ch) => DOUBLE_STRUCK[ch] ?? ch).join('')];
    }
    if (FACES.has(name)) return this.argument();
    if (ACCENTS[name]) {
      const arg = flat(this.argument());
      return [[...arg].length === 1 ? arg + ACCENTS[name] : arg];
    }
    if (name === 'frac' || name === 'dfrac' || name === 'tfrac') {
      const [num, den] = [flat(this.argument()), flat(this.argument())];
      const wrap = (s: string) => (/^√?[\w.]+$|^.$/u.test(s) ? s : `(${s})`); // 1/√d, (a+b)/2
      return [`${wrap(num)}/${wrap(den)}`];
    }
    if (name === 'sqrt') {
      const arg = flat(this.argument());
      return [arg.length > 1 ? `√(${arg})` : `√${arg}`];
    }
    throw new Unknown();
  }
}

/** A group as one string; one that holds a super- or subscript cannot be flattened. */
function flat(nodes: MathNode[]): string {
  return nodes
    .map((n) => {
      if (typeof n !== 'string') throw new Unknown();
      return n;
    })
    .join('');
}

/** Adjacent strings joined, so React renders few pieces. */
function merge(nodes: MathNode[]): MathNode[] {
  const out: MathNode[] = [];
  for (const n of nodes) {
    const last = out[out.length - 1];
    if (typeof n === 'string' && typeof last === 'string') out[out.length - 1] = last + n;
    else out.push(typeof n === 'string' ? n : 'sup' in n ? { sup: merge(n.sup) } : { sub: merge(n.sub) });
  }
  return out.map((n) => (typeof n === 'string' ? n.normalize('NFC') : n)); // y + ̂ → ŷ where Unicode has it
}
