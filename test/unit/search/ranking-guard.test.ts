import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventBus } from '../../../src/api/events';
import { Library } from '../../../src/library/library';
import { SAMPLE, tempDir } from '../../helpers';

/**
 * What a reader types, as typed (a name, a half-remembered phrase, a typo, a word still being
 * typed), and the paper of the sample digest they mean: it must come first. A change to scoring,
 * expansion or re-ranking that loses one of these is a worse search, whatever else it wins.
 */
const KNOWN: [query: string, title: string][] = [
  ['ccoe', 'CCoE: A Compact LLM with Collaboration of Experts'],
  ['look-once kv cache', 'LOOK-M: Look-Once Optimization in KV Cache for Efficient Multimodal Long-Context Inference'],
  ['neighboring unlabeled data', 'TestNUC: Enhancing Test-Time Computing Approaches through Neighboring Unlabeled Data Consistency'],
  ['block-based quantisation', 'Revisiting Block-based Quantisation: What is Important for Sub-8-bit LLM Inference?'],
  ['petals', 'Petals: Collaborative Inference and Fine-tuning of Large Models'],
  ['splitwise phase splitting', 'Splitwise: Efficient generative LLM inference using phase splitting'],
  ['serverless llm infer', 'LLM-Mesh: Enabling Elastic Sharing for Serverless LLM Inference'],
  ['early-exit 3d parallelism', 'EE-LLM: Large-Scale Training and Inference of Early-Exit Large Language Models with 3D Parallelism'],
  ['dovetail speculativ', 'Dovetail: A CPU/GPU Heterogeneous Speculative Decoding for LLM inference'],
  ['disaggregating attention and experts', 'Janus: Disaggregating Attention and Experts for Scalable MoE Inference'],
  ['situational social norms', 'NormBank: A Knowledge Bank of Situational Social Norms'],
  ['subconcious threads', 'Beyond Context Limits: Subconscious Threads for Long-Horizon Reasoning'],
];

describe('known answers', () => {
  let library: Library;
  beforeAll(async () => {
    library = new Library(tempDir(), new EventBus());
    await library.ready;
    await library.import({ name: 'Sample', text: SAMPLE, source: 'paste' });
    await library.index.settled();
  });
  afterAll(() => library.close());

  it.each(KNOWN)('"%s" puts its paper first', async (q, title) => {
    const page = await library.query({ q, limit: 3 });
    expect(page.items[0]?.title).toBe(title);
  });
});
