import { describe, expect, it } from 'vitest';
import { paperId } from '../../../src/digest/identity';

describe('paper identity', () => {
  const abstract = 'We study things. They are interesting.';
  it('ignores case, spacing and punctuation in the title, and spacing in the abstract', () => {
    expect(paperId('FocusLLM: Scaling Context', abstract)).toBe(paperId('focusllm   scaling context!', `  We study things.\n They are interesting. `));
  });
  it('keeps papers that share a title apart when their abstracts differ', () => {
    expect(paperId('Comment: On Evaluation', abstract)).not.toBe(paperId('Comment: On Evaluation', 'A different abstract entirely.'));
  });
  it('is hex without dots, safe as a store key', () => {
    expect(paperId('arXiv 2401.12345', abstract)).toMatch(/^[0-9a-f]{16}$/);
  });
});
