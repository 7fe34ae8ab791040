export { addPapers } from './extend-features';
export { buildFeatures, valueAt, type FeatureMatrix, type FeatureOptions, type PaperText } from './features';
export { MIN_POSITIVES, rank, RankError, scoreRow, train, trainPerTag, vocabularyOf } from './interest-model';
export type { InterestModel, RankedPaper, TrainOptions, TrainResult } from './interest-model';
export { explain, type Explanation, type ExplainOptions } from './explain';
export { rankTokens } from './terms';
