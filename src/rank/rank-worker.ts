/**
 * The ranking's thread: TF-IDF features of the library and the reader's models live here, so a
 * retrain (up to a couple of seconds at 100,000 papers) never holds up the core's own thread.
 * Requests are answered one at a time, in order.
 */
import { parentPort } from 'node:worker_threads';
import { explain } from './explain';
import { addPapers } from './extend-features';
import { buildFeatures, type FeatureMatrix, type PaperText } from './features';
import { type InterestModel, scoreRow, train } from './interest-model';
import type { RankAnswers, RankReply, RankRequest, Scores } from './rank-protocol';

let matrix: FeatureMatrix | undefined;
let collected: PaperText[] = [];
/** The overall model under '', each tag's under its id. */
const models = new Map<string, InterestModel>();

function scoresOf(model: InterestModel | undefined, ids?: readonly string[]): Scores {
  if (!model || !matrix) return { ids: [], scores: new Float32Array(0) };
  const m = matrix;
  const wanted = (ids ?? m.ids).filter((id) => m.rowOf.has(id));
  return { ids: wanted, scores: Float32Array.from(wanted, (id) => scoreRow(model, m, m.rowOf.get(id)!)) };
}

function handle(req: RankRequest): RankAnswers[keyof RankAnswers] {
  switch (req.op) {
    case 'build-add':
      collected.push(...req.papers);
      return { collected: collected.length };
    case 'build-end': {
      matrix = buildFeatures(collected);
      collected = [];
      models.clear(); // trained on other features
      return { papers: matrix.ids.length, features: matrix.terms.length };
    }
    case 'extend':
      if (matrix) matrix = addPapers(matrix, req.papers);
      return { papers: matrix?.ids.length ?? 0 };
    case 'train': {
      if (!matrix) throw new Error('ranking: no features yet');
      const key = req.model ?? '';
      const result = train(matrix, req.positives, req.negatives);
      if (!result.ok) {
        models.delete(key);
        return { outcome: result, ids: [], scores: new Float32Array(0) };
      }
      models.set(key, result.model);
      const { model } = result;
      return { outcome: { ok: true, positives: model.positives.length, negatives: model.negatives, epochs: model.epochs }, ...scoresOf(model) };
    }
    case 'score':
      return scoresOf(models.get(req.model ?? ''), req.ids);
    case 'explain': {
      const model = models.get(req.model ?? '');
      return {
        explanations: req.ids.map((id, i) => {
          if (!model || !matrix) return null;
          const e = explain(model, matrix, id, req.positives, { text: req.texts?.[i] });
          return e && { terms: e.terms, sharedWith: e.sharedWith };
        }),
      };
    }
    case 'close':
      return {};
  }
}

parentPort!.on('message', (req: RankRequest) => {
  let reply: RankReply;
  try {
    reply = { seq: req.seq, ok: true, value: handle(req) };
  } catch (error) {
    reply = { seq: req.seq, ok: false, error: (error as Error).message };
  }
  parentPort!.postMessage(reply);
});
