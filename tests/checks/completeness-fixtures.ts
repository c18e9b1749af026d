// A real-style abstract pair shared by the completeness checks' tests, and a helper to align it.
import type { CaseInput } from '../helpers/check-tester.js';
import { prepareInput } from '../../src/pipeline/check.js';

/** Four English sentences. */
export const EN =
  'Deep neural networks achieve strong results on many tasks. However, they require large amounts of labeled data for training. We propose a new semi-supervised method called FooNet that uses 10 labels per class. Experiments on CIFAR-10 show an accuracy of 95.1%.';

/** Their faithful Chinese translation, one sentence each. */
export const ZH =
  '深度神经网络在许多任务上取得了很好的结果。然而，它们需要大量标记数据进行训练。我们提出了一种新的半监督方法FooNet，每类使用10个标签。在CIFAR-10上的实验表明准确率为95.1%。';

/** A case with sentences and beads from the real splitter and aligner. */
export function aligned(source: string, target: string, name?: string): CaseInput {
  const input = prepareInput(source, target);
  return { ...(name ? { name } : {}), source, target, sourceSentences: input.sourceSentences, targetSentences: input.targetSentences, beads: input.beads };
}
