/**
 * Chinese and Japanese are written without spaces between words: a word inside a run must still be
 * found and marked (issue 12). Runs are cut into words by Intl.Segmenter (word granularity).
 */
import { describe, expect, it } from 'vitest';
import { EventBus } from '../../../src/api/events';
import { Library } from '../../../src/library/library';
import { highlightRanges, tokenize } from '../../../src/search/text';
import { SAMPLE, tempDir } from '../../helpers';

const CHINESE = {
  title: '大语言模型的推理加速方法研究',
  abstract:
    '本文提出一种新的推理加速方法，在保持精度的同时显著降低了大语言模型的延迟和显存占用 (KV cache)。实验表明该方法在多个基准测试上均有效，并且可以与现有的量化和剪枝技术结合使用。',
};
const JAPANESE = {
  title: '大規模言語モデルの推論を高速化する手法',
  abstract:
    '本研究では、大規模言語モデルの推論を高速化する新しい手法を提案する。実験により、精度を保ちながら遅延を削減できることを示した (speculative decoding)。さらに、既存の量子化や枝刈りの技術と組み合わせて使えることも確認した。',
};

describe('words inside a run of Chinese or Japanese', () => {
  it('are tokens of their own, at their place in the text', () => {
    expect(tokenize(CHINESE.title)).toEqual(expect.arrayContaining(['推理', '加速', '模型']));
    expect(tokenize(JAPANESE.title)).toEqual(expect.arrayContaining(['推論', '高速', '言語']));
    expect(tokenize('KV cache 推理加速 for LLMs')).toEqual(expect.arrayContaining(['KV', 'cache', '推理', '加速', 'for', 'LLMs']));
    const text = `Intro: ${CHINESE.title}`;
    const [[s, e]] = highlightRanges(text, new Set(['推理']));
    expect(text.slice(s, e)).toBe('推理');
  });

  it('are found by search, ranked and marked in the list and the reader', async () => {
    const library = new Library(tempDir(), new EventBus());
    await library.import({ name: 'Sample', text: SAMPLE, source: 'file' });
    await library.import({ name: 'CJK', text: `${CHINESE.title}\n${CHINESE.abstract}\n\n${JAPANESE.title}\n${JAPANESE.abstract}\n`, source: 'paste' });
    await library.ready;
    await library.index.settled();

    const zh = await library.query({ q: '推理' });
    expect(zh.items.map((r) => r.title)).toEqual([CHINESE.title]);
    const row = zh.items[0];
    expect(row.titleRanges.map(([s, e]) => row.title.slice(s, e))).toEqual(['推理']);
    expect(row.snippet.ranges.map(([s, e]) => row.snippet.text.slice(s, e))).toEqual(['推理']);

    const ja = await library.query({ q: '推論 高速' });
    expect(ja.items[0].title).toBe(JAPANESE.title);
    const view = await library.get(ja.items[0].id, '推論 高速');
    expect(view.abstractRanges.map(([s, e]) => view.abstract.slice(s, e))).toEqual(['推論', '高速']);
    await library.close();
  });
});
