/**
 * The names a field coins as it grows: every paper names its method, many name a model or a
 * dataset of their own, and most report numbers. A real library's vocabulary grows with it for
 * this reason (a sample recombined never does); see synthetic-library.ts.
 */

/** The same seeded generator the ranker trains with: one sequence everywhere for a seed. */
export { seededRandom as random } from '../../src/rank/random';

/** Pieces names in this field are made of: real morphemes first, then syllables. */
const MORPHEMES = `flash spec quant hydra astra nova lumi zeta omni poly meta hyper turbo sparse dense mega micro nano
  deep wide long fast lite swift echo orbit prism pulse forge atlas delta sigma gamma lambda kappa theta vega lyra
  orion titan cortex neuro synth graph token vision audio video mamba llama qwen mistral phi gemma falcon alpaca vicuna
  reason plan agent tool code math proof chem bio med geo robo drive sim world mind chain tree path route gate mix
  expert router cache prune distill align reward critic judge verify search retrieve rank embed tune adapt merge`.split(/\s+/);
const ONSETS = [
  'b',
  'c',
  'd',
  'f',
  'g',
  'h',
  'j',
  'k',
  'l',
  'm',
  'n',
  'p',
  'r',
  's',
  't',
  'v',
  'w',
  'z',
  'br',
  'cr',
  'dr',
  'gr',
  'kl',
  'pl',
  'st',
  'tr',
  'sk',
  'sp',
];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ei', 'ou', 'y'];
const CODAS = ['', '', '', 'n', 'r', 'x', 's', 'l', 'm', 'k', 't'];
const SUFFIXES = ['', '', '', 'LM', 'Net', 'Former', 'GPT', 'Diff', 'Agent', 'RL', 'KV', 'MoE', 'VLA', 'Bench', '-R1', '-V', '-Zero', '-Pro'];
const FAMILIES = ['Llama-3.1', 'Llama-2', 'Qwen2.5', 'Qwen3', 'Mistral', 'Mixtral', 'Gemma-2', 'Phi-3', 'GPT-4o', 'DeepSeek-V3', 'Claude-3.5', 'OLMo'];
const SIZES = ['0.5B', '1.5B', '3B', '7B', '8B', '13B', '14B', '32B', '70B', '72B', '405B'];
const METRICS = ['accuracy', 'throughput', 'pass@1', 'F1', 'BLEU', 'win rate', 'latency', 'perplexity', 'recall@10', 'exact match'];

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * A growing world of names, drawn from deterministically. Popular datasets and models are cited
 * again and again (a Zipf-like pick from those coined so far); methods are new in each paper.
 */
export class NameWorld {
  readonly #next: () => number;
  readonly #datasets: string[] = ['GSM8K', 'MATH500', 'MMLU', 'HumanEval', 'MBPP', 'SWE-bench', 'ImageNet', 'COCO', 'LongBench', 'MT-Bench'];
  readonly #models: string[] = [];

  constructor(next: () => number) {
    this.#next = next;
  }

  #pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.#next() * list.length)];
  }

  /** A syllable of a coined word: a real morpheme half the time, else onset, vowel, coda. */
  #syllable(): string {
    if (this.#next() < 0.5) return this.#pick(MORPHEMES);
    return this.#pick(ONSETS) + this.#pick(VOWELS) + this.#pick(CODAS);
  }

  /** A new word ("Hydralumi", "Kreiflash"): two or three syllables, one token. */
  coin(): string {
    const n = this.#next() < 0.7 ? 2 : 3;
    let word = '';
    for (let i = 0; i < n; i++) word += i === 0 ? cap(this.#syllable()) : this.#next() < 0.4 ? cap(this.#syllable()) : this.#syllable();
    return word;
  }

  /** A paper's own method ("FlashKV", "Strouzeta-R1"). */
  method(): string {
    return this.coin() + this.#pick(SUFFIXES);
  }

  /** An item of a list that grows: a new one with probability `fresh`, else a popular one. */
  #cited(list: string[], fresh: number, make: () => string): string {
    if (list.length === 0 || this.#next() < fresh) {
      const made = make();
      list.push(made);
      return made;
    }
    // Zipf-like: small indexes (the early, famous ones) far more often.
    return list[Math.floor(list.length * this.#next() ** 3)];
  }

  dataset(): string {
    return this.#cited(this.#datasets, 0.25, () => this.coin() + this.#pick(['Bench', 'QA', '-Eval', '-1K', 'Set', '']));
  }

  model(): string {
    return this.#cited(this.#models, 0.15, () => (this.#next() < 0.6 ? `${this.#pick(FAMILIES)}-${this.#pick(SIZES)}` : `${this.coin()}-${this.#pick(SIZES)}`));
  }

  /** "12.7%", "3.4×", "128K tokens": the figures abstracts report. */
  figure(): string {
    const r = this.#next();
    if (r < 0.45) return `${(this.#next() * 60).toFixed(1)}%`;
    if (r < 0.75) return `${(1 + this.#next() * 9).toFixed(1)}x`;
    return `${this.#pick(['32K', '64K', '128K', '256K', '1M', '4K', '8K'])} tokens`;
  }

  metric(): string {
    return this.#pick(METRICS);
  }
}
