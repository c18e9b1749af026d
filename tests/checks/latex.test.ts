// Valid and invalid cases of the `latex` check.
import latex from '../../src/checks/latex.js';
import { testCheck } from '../helpers/check-tester.js';
import { aligned } from './completeness-fixtures.js';

testCheck(latex, {
  valid: [
    // arXiv dev 1804.10427: the paper's own quoting macro; its words are rightly translated.
    { name: "a paper's own macro with words for its argument, translated", source: 'samples of the \\doublequote{unknown class} are rejected', target: '\\doublequote{未知类}的样本被拒绝' },
    // arXiv dev 1605.01813, 1712.02768: a prose command inside math; its words are rightly translated.
    { name: 'a prose argument translated inside math', source: 'the reconstruction of $\\textit{sparse images}$, i.e.', target: '$\\textit{稀疏图像}$的重构，即' },
    { name: 'prose argument translated', source: 'i.e., \\textit{next action prediction}', target: '即\\textit{下一个动作预测}' },
    { name: 'math spaced out but equal', source: 'of $10^{-3}$ precision', target: '精度为$ 10 ^ { -3} $' },
    { name: 'control space before a word', target: '等人\\ 提出' },
    { name: 'money is not math', source: 'from $25,000 to more than $30,000', target: '从25,000美元到30,000多美元' },
    // arXiv dev (Google Translate): spaces inside math render the same.
    { name: 'a symbol spaced inside its dollars', source: 'the $ZT$ of GaN NWs increases', target: 'GaN NWs的$ ZT $增加' },
    { name: 'a percentage in math written plain', source: 'improves the average precision by $6.6\\%$ over the baseline', target: '平均精确度提高了6.6％。' },
    { name: 'an approximate percentage range written plain', source: 'cuts failures by $20\\%-50\\%$ and size by $\\approx 300\\%$', target: '减少20％到50％的失败，尺寸减少约300％' },
    { name: 'a word macro translated (\\eg → 例如)', source: 'several tasks, \\eg parsing', target: '若干任务，例如解析' },
    { name: 'target-only, intact command', target: '即\\textit{下一个动作预测}。' },
    { name: 'a symbol written as itself: $^\\circ$ as 度 or °', source: 'from a full 180$^\\circ$ view, or at 90$^\\circ$.', target: '从完整的180度视角，或在90°。' },
    // arXiv dev: the source's HTML entity decoded by the translation.
    { name: 'an HTML entity in the source math, decoded in the translation', source: 'whether a route with cost $&lt;C$ exists', target: '是否存在成本$ <C $的路由' },
    { name: 'a Greek letter written as itself', source: 'with $\\alpha$ fixed', target: '在α固定时' },
    // arXiv dev (Google Translate): 3.1--7.3$\times$ speedups → 3.1〜7.3倍的卷积加速.
    { name: 'a multiplier written 倍 after its number', source: 'allow 3.1--7.3$\\times$ convolution speedups', target: '实现3.1〜7.3倍的卷积加速' },
  ],
  invalid: [
    {
      name: "a paper's own macro with words for its argument, dropped, is still missing",
      source: 'samples of the \\doublequote{unknown class} are rejected',
      target: '未知类的样本被拒绝',
      findings: [{ messageId: 'missing' }],
    },
    {
      // arXiv dev 1709.10251: 10${\overline{1}}$0 reads as a command (money-like dollars), the translation's spacing
      // makes it a braced formula of its own; only the control space is wrong.
      name: 'a command the source writes in braced dollars glued to digits, kept as a formula of its own',
      source: 'by hydrogenating the GaN(10${\\overline{1}}$0) surface',
      target: '通过氢化GaN（10 $ {\\ overline {1}} $ 0）表面',
      findings: [{ messageId: 'spaced', severity: 'minor' }],
    },
    {
      // arXiv dev 1801.08287: the translation keeps the second λ and drops the first; the first is the one missing.
      ...aligned(
        'We estimate the variance of the {\\lambda}-return. Our method estimates the {\\lambda}-return directly.',
        '我们估计回报的方差。我们的方法直接估计{\\lambda}回报。',
        'a repeated formula is reported missing in the sentence that lacks it, not in the first unmatched one',
      ),
      findings: [{ messageId: 'missing', severity: 'major', sentence: 0 }],
    },
    {
      name: 'a dimension (512$\\times$512) written 倍 is not the multiplier it reads as',
      source: 'for a 512$\\times$512 size image stream',
      target: '对于512倍的512大小的图像流',
      findings: [{ messageId: 'missing', severity: 'major', expected: '\\times' }],
    },
    {
      // arXiv dev: the paper's macro for its method's name, written as the name.
      name: 'a paper’s own macro written as the name it stands for: markup, minor',
      source: 'it remains unclear whether \\PairDiff is the best operator',
      target: '但PairDiff是否是最佳运算符仍不清楚',
      findings: [{ messageId: 'missingMarkup', severity: 'minor', expected: '\\PairDiff' }],
    },
    {
      // Since 2026-12-03: the source's own command is known, as \\lambda is; the space is repaired by the fix.
      name: 'a symbol command of the source broken by a control space is spaced, as a known one is',
      source: 'the residual leakage is $\\lesssim$0.3\\%.',
      target: '残余泄漏为$ \\ lesssim $ 0.3 \\％。',
      findings: [{ messageId: 'spaced', severity: 'minor', expected: '\\lesssim', fixed: '残余泄漏为$ \\lesssim $ 0.3 \\％。' }],
    },
    {
      // arXiv dev (Google Translate): 360{\\deg} → 360 {\\ deg}.
      name: 'the source\'s own command before a closing brace, spaced',
      source: 'consumer-grade 360{\\deg} cameras',
      target: '消费级360 {\\ deg}相机',
      findings: [{ messageId: 'spaced', severity: 'minor', expected: '\\deg', fixed: '消费级360 {\\deg}相机' }],
    },
    {
      name: 'emphasis lost, its words translated: a type style, info',
      source: 'more accurate and complete \\emph{meta-embeddings} of words',
      target: '更准确和完整的词的元嵌入',
      findings: [{ messageId: 'missingStyle', severity: 'info', expected: '\\emph{meta-embeddings}' }],
    },
    {
      name: 'an accent lost on a name: markup, minor',
      source: 'the equations of Schr\\"{o}dinger and of Fran\\c{c}ois',
      target: 'Schrodinger和Francois的方程',
      findings: [{ messageId: 'missingMarkup', severity: 'minor', expected: '\\c{c}' }],
    },
    {
      name: 'a percentage read as dollars is missing (79美元)',
      source: 'overall accuracy up to $79\\%$ in 5 classes',
      target: '在5类环境下整体准确度高达79美元',
      findings: [{ messageId: 'missing', severity: 'major' }],
    },
    {
      name: 'percentages after stray dollars are altered or missing, not plain',
      source: 'increase by $30\\%$ (actions) and $14\\%$ (objects)',
      target: '增加$ 30％（行动）和$ 14％（对象）',
      // Chinese prose between the two dollars: no formula is read there, each source formula is missing.
      findings: [{ messageId: 'missing', severity: 'major' }, { messageId: 'missing', severity: 'major' }],
    },
    {
      // arXiv dev (Google Translate): one `$` lost, and every later pair read one `$` off gave an `altered`
      // major for each stretch of prose between two formulas.
      name: 'after a lost `$`, the formulas that follow are read in step again',
      source: 'doping densities ($10^{18}$--$10^{20}$ cm$^{-3}$), and temperatures (300--1000 K).',
      target: '掺杂密度（$ 10 ^ {18} $  -  $）和温度（300-1000 K），掺杂密度 $ 10 ^ {20} $ cm $ ^ { -  3} $',
      findings: [{ messageId: 'unbalanced', severity: 'major' }],
    },
    {
      name: 'math written as dollars is still missing math (major)',
      source: 'The set contains $10$ scans acquired in axial planes.',
      target: '该套件包含轴向获得的10美元扫描。',
      findings: [{ messageId: 'missing', severity: 'major' }],
    },
    {
      name: 'command broken by a space (seed 003)',
      target: '对最后一个用户操作(即,\\ texit {下一个操作预测})',
      findings: [{ messageId: 'broken', side: 'target', range: [12, 21], actual: '\\ texit {', expected: '\\texit', severity: 'major', fixed: '对最后一个用户操作(即,\\texit{下一个操作预测})' }],
    },
    {
      name: 'known command spaced apart with the source present: spaced (minor: the command is still readable)',
      source: 'a $\\sim 0.1$ arcsec accuracy',
      target: '精度为$ \\ sim 0.1 $',
      findings: [{ messageId: 'spaced', actual: '\\ sim', expected: '\\sim', severity: 'minor' }],
    },
    {
      name: 'target-only: a known command after a space is spacing only',
      target: '其中$ \\ sigma $是方差',
      findings: [{ messageId: 'spaced', actual: '\\ sigma', severity: 'minor' }],
    },
    {
      name: 'unknown command spaced, intact in the source: spacing only',
      source: 'an error of $\\SI{3}{\\metre}$',
      target: '误差为$ \\ SI {3} {\\metre} $',
      findings: [{ messageId: 'spaced', actual: '\\ SI {', severity: 'minor' }],
    },
    {
      name: 'space inside a command name',
      target: '这是\\t extit{重点}',
      findings: [{ messageId: 'broken', expected: '\\textit', severity: 'major' }],
    },
    {
      name: 'unbalanced dollar',
      target: '其中$ k 是常数',
      findings: [{ messageId: 'unbalanced', range: [2, 3] }],
    },
    {
      name: 'math dropped',
      source: 'We bound the error by $O(n^2)$.',
      target: '我们界定了误差。',
      findings: [{ messageId: 'missing', data: { latex: '$O(n^2)$' } }],
    },
    {
      name: 'math altered',
      source: 'with $k=3$ heads',
      target: '使用$k=4$个头',
      findings: [{ messageId: 'altered', actual: '$k=4$', expected: '$k=3$' }],
    },
  ],
});

// Fixes: the command name rejoined (and spelt as in the source when one letter was lost), nothing else.
testCheck(latex, {
  valid: [],
  invalid: [
    {
      name: 'fix: a misspelt command takes the source command one letter away',
      source: 'i.e., \\textit{next action prediction}',
      target: '即\\ texit {下一个动作预测}',
      findings: [{ messageId: 'broken', expected: '\\textit', fixed: '即\\textit{下一个动作预测}' }],
    },
    { name: 'fix: a known command', target: '精度为$ \\ sim 0.1 $', findings: [{ messageId: 'spaced', fixed: '精度为$ \\sim 0.1 $' }] },
    {
      name: 'a symbol written as something else is still missing',
      source: 'from a full 180$^\\circ$ view',
      target: '从完整的180视角',
      findings: [{ messageId: 'missing', data: { latex: '$^\\circ$' }, severity: 'major' }],
    },
    { name: 'fix: a space inside the name', target: '这是\\t extit {重点}', findings: [{ messageId: 'broken', fixed: '这是\\textit{重点}' }] },
    { name: 'fix: a control word and the next word are not joined', target: '取\\ alpha 值', findings: [{ messageId: 'spaced', fixed: '取\\alpha 值' }] },
    { name: 'no fix for unbalanced `$`', target: '其中$ k 是常数', findings: [{ messageId: 'unbalanced', fixed: null }] },
    { name: 'no fix when letters or digits follow the name (`\\ text2`)', target: '使用\\ text2 {}模型', findings: [{ messageId: 'spaced', fixed: null }] },
    {
      name: 'the source is compared with the repaired text: only what the fix leaves is missing',
      source: 'errors of $\\sim 1$ ps and \\cite{a} and \\cite{b}',
      target: '误差为$ \\sim 1 $ ps，\\ cite {a}',
      findings: [
        { messageId: 'spaced', fixed: '误差为$ \\sim 1 $ ps，\\cite{a}' },
        { messageId: 'missingReference', data: { latex: '\\cite{b}' }, severity: 'minor' },
      ],
    },
  ],
});
