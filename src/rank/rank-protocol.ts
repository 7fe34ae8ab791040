import type { PaperText } from './features';
import type { TrainResult } from './interest-model';

/** A model's outcome as it crosses to the core: the model stays in the worker. */
export type TrainOutcome =
  { ok: true; positives: number; negatives: { explicit: number; unlabelled: number }; epochs: number } | Extract<TrainResult, { ok: false }>;

/**
 * Requests to the ranking worker. Features are built from papers sent in slices (`build-add`,
 * then `build-end`), or extended with new papers (`extend`, idf kept); models are trained there
 * and their scores of every paper come back, so the core orders any list without asking again.
 * `model` names the overall model (null) or a tag's.
 */
export type RankRequest = { seq: number } & (
  | { op: 'build-add'; papers: PaperText[] }
  | { op: 'build-end' }
  | { op: 'extend'; papers: PaperText[] }
  | { op: 'train'; model: string | null; positives: string[]; negatives: string[] }
  | { op: 'score'; model: string | null; ids: string[] }
  /** `texts`: each paper's title and abstract, beside `ids`, so reasons name phrases as the papers have them. */
  | { op: 'explain'; model: string | null; ids: string[]; positives: string[]; texts?: string[] }
  | { op: 'close' }
);

export interface Scores {
  ids: string[];
  scores: Float32Array;
}

export interface RankAnswers {
  'build-add': { collected: number };
  'build-end': { papers: number; features: number };
  extend: { papers: number };
  train: { outcome: TrainOutcome } & Scores;
  /** Scores of some papers by a model already trained (new papers after an import); empty when there is none. */
  score: Scores;
  explain: { explanations: ({ terms: string[]; sharedWith: string[] } | null)[] };
  close: Record<string, never>;
}

export type RankReply = { seq: number } & ({ ok: true; value: unknown } | { ok: false; error: string });
