// Cases for the `mismatched-pair` check (texts: arXiv 0705.1748 and the Chinese of 0710.4807, Google Translate).
import check from '../../src/checks/mismatched-pair.js';
import type { Pair } from '../../src/core/types.js';
import { testCheck } from '../helpers/check-tester.js';
import { aligned } from './completeness-fixtures.js';

const EN = "An efficient quantum cryptography network protocol is proposed with d-dimension polarized photons, without resorting to entanglement and quantum memory. A server on the network, say Alice, provides the service for preparing and measuring single photons whose initial state are |0>. The users code the information on the single photons with some unitary operations. For preventing the untrustworthy server Alice from eavesdropping the quantum lines, a nonorthogonal-coding technique (decoy-photon technique) is used in the process that the quantum signal is transmitted between the users. This protocol does not require the servers and the users to store the quantum state and almost all of the single photons can be used for carrying the information, which makes it more convenient for application than others with present technology. We also discuss the case with a faint laser pulse.";
const ZH = "提出了一种有效的量子密码网络协议，该协议采用d维偏振光子，不需要纠缠和量子存储。爱丽丝说，网络上的服务器提供准备和测量初始状态为| 0>的单光子的服务。用户通过一些统一的操作来编码单光子的信息。为了防止不可信赖的服务器Alice窃听量子线，在量子信号在用户之间传输的过程中使用非正交编码技术（诱骗光子技术）。该协议不需要服务器和用户存储量子态，几乎所有的单光子都可以用来传输信息，这使得应用比现有技术更方便。我们也用一个微弱的激光脉冲来讨论这个情况。";
const OTHER_ZH = "基于循环重构的阵列密集型应用程序代码优化过去已经取得了成功，但也存在一些问题，比如检查依赖性（合法性问题）的要求和循环体内所有数组引用的转换（而一些引用可以从转换中受益，其他可能不会）。结果，已经提出了数据变换，即，修改阵列数据的存储器布局而不是循环结构的变换。与数据转换相关的一个问题是难以为整个程序选择一个数组的内存布局（而不仅仅是单个循环）。在本文中，我们制定了确定阵列作为约束网络的存储器布局的问题，并且系统地探索了几种解决方法。我们的实验为利用约束处理提供了强有力的支持，并指出了未来的研究方向。";

function mismatched(best: boolean): Pair {
  const block = (text: string, role: 'translation' | 'original') => ({
    id: '0:0', file: 'page.txt', lines: [1, 1] as [number, number], raw: text, text, claimed: 'unknown' as const,
    language: 'zh' as const, script: 'simplified' as const, role, hanRatio: 1,
  });
  return {
    id: '0:0', translation: block(OTHER_ZH, 'translation'), original: block(EN, 'original'), status: 'mismatched', confidence: 0.1,
    evidence: {
      anchors: [], terms: [], score: 0.12, margin: 0, candidates: 5,
      best: best ? [{ original: { file: 'corpus.jsonl', block: '1:7', lines: [8, 8], id: '0710.4807' }, score: 0.71 }] : [],
    },
  };
}

const XBOX_EN =
  "So I bought an Xbox Series X so that you don't have to. Or maybe you actually have to. In this video, I'm going to tell you all the pros and cons of choosing an Xbox Series X. I'm also going to go over the actual hardware, the controller, the games just about everything that is my experience so far with the Xbox Series X. So I hope you will enjoy this video, and maybe even find it useful.";

testCheck(check, {
  valid: [
    { name: 'a true pair', source: EN, target: ZH },
    { name: 'a short source is not judged by similarity', source: 'Hello there, my friend.', target: '今天天气很好。' },
    aligned(EN, ZH, 'a true pair, sentence by sentence'),
    // WMT24 human reference: a free translation whose sentences share few words, but whose numbers vouch for it.
    aligned(
      'The FTSE 250 firm is to open between 140 and 160 outlets on a net basis in 2024 as it looks to give customers more convenient access to its stores. It will keep looking at expanding across retail parks, travel sites, and roadside locations, plus industrial estates. Currie said: "Where there\'s any location where you can\'t currently access a Greggs easily, we want to try and get into that location."',
      'Greggs将在2024年净增140至160家分店，为顾客提供更便利的购物环境。该公司有意继续在零售区、旅游景点、路边位置以及工业区开设新店。库里表示：“如果您目前不方便到Greggs选购，我们将在您附近开设新店。”',
      'a free translation with shared numbers',
    ),
    aligned("I'm not your mum", '我又不是你妈', 'a short free translation: low similarity is no evidence'),
    // WMT24 social, human reference `refA`: under 40 English words a few short sentences align by chance or
    // not at all, so even weak sentence evidence is not reported (it was, as a major finding, before).
    aligned(
      "I mean I've drunlk all the beer but still don't have a job. WTF. How does this universe even work",
      '我是说，我把啤酒都喝光了，但还是没有找到一份工作。我去。这世界到底咋回事',
      'short sentences (20 words) that share few words: no finding',
    ),
    // WMT24 speech, Claude-3.5 (ESA 98): chatty sentences; "bought" meets the dictionary's "to buy" (买) since irregular
    // past forms stem to their verb (2026-12-02), and the correspondence is clear enough.
    aligned(
      XBOX_EN,
      '所以我买了一台Xbox Series X，这样你就不用买了。或者也许你真的需要买。在这个视频中，我将告诉你选择Xbox Series X的所有优点和缺点。我还会介绍实际的硬件、控制器、游戏，以及到目前为止我使用Xbox Series X的所有体验。我希望你会喜欢这个视频，也许还会觉得它有用。',
      'a true translation of chatty sentences',
    ),
  ],
  invalid: [
    // Without sentences, low similarity is weak evidence: a review, never `mismatched`.
    { name: 'the translation of another paper, unaligned', source: EN, target: OTHER_ZH, findings: [{ messageId: 'lowSimilarity', side: 'pair', severity: 'major' }] },
    {
      ...aligned(EN, OTHER_ZH, "another paper's translation: no sentence explains its aligned English better than the others"),
      findings: [{ messageId: 'noCorrespondence', side: 'pair', severity: 'critical' }],
    },
    {
      // WMT24 speech, Claude-3.5 (ESA 98), with 买 ("buy") taken out of the Chinese: 79 words of chatty sentences
      // that share few dictionary words. (The real translation passes since "bought" meets "buy", below.)
      ...aligned(
        XBOX_EN,
        '所以我弄了一台Xbox Series X，这样你就不用弄了。或者也许你真的需要。在这个视频中，我将告诉你选择Xbox Series X的所有优点和缺点。我还会介绍实际的硬件、控制器、游戏，以及到目前为止我使用Xbox Series X的所有体验。我希望你会喜欢这个视频，也许还会觉得它有用。',
        'sentences that share few words, 40+ English words: weak evidence, a review',
      ),
      findings: [{ messageId: 'weakCorrespondence', side: 'pair', severity: 'major' }],
    },
    {
      name: 'contradicting anchors: other numbers and names on each side',
      source: 'We evaluate ResNet-152 on ImageNet-21K and reach 87.3% top-1 accuracy after 450 epochs on 2048 TPUv3 cores.',
      target: '我们在COCO-2017上评估了YOLOv8，在120个周期后于64个A100 GPU上达到了55.2%的mAP。',
      findings: [{ messageId: 'contradictingAnchors', side: 'pair', severity: 'critical' }],
    },
    {
      name: 'pairing found a better original',
      source: EN,
      target: OTHER_ZH,
      pair: mismatched(true),
      findings: [{ messageId: 'attachedElsewhere', data: { better: '0710.4807', score: '0.71' }, severity: 'critical' }],
    },
    { name: 'pairing found none', source: EN, target: OTHER_ZH, pair: mismatched(false), findings: [{ messageId: 'attachedNoMatch' }] },
  ],
});
