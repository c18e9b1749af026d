// Valid and invalid cases of the `glossary` check: with a source (Xbench's rule) and target-only.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import glossary from '../../src/checks/glossary.js';
import { testCheck } from '../helpers/check-tester.js';
import { aligned } from './completeness-fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'transcheck-glossary-check-'));
const userTsv = join(dir, 'user.tsv');
writeFileSync(userTsv, 'widget frobnication\t小部件弗罗布\t小工具搅拌\n');

const seed = '无源域的适应(SFDA)旨在将预先培训的源模型调整到未标记的目标域。';

testCheck(glossary, {
  valid: [
    {
      name: 'a chance string across words (回想 in 回想起, "remember") is not a split rendering',
      source: 'We train a deep neural network for face retrieval: if a witness can only recall the eyes of the suspect, the network finds the face.',
      target: '我们训练了一个用于人脸检索的深度神经网络：如果目击者只能回想起嫌疑人的眼睛，该网络就能找到人脸。',
    },
    { name: 'accepted rendering present', source: 'We use a pre-trained model.', target: '我们使用预训练模型。' },
    // A wrong rendering whose term the source does not hold is other words in the same characters.
    {
      name: 'a wrong rendering without its term in the source (将概率分配给假设: "assigns probabilities")',
      source: 'The fusion method dynamically assigns probabilities to hypotheses based on confidence levels.',
      target: '该融合方法基于置信水平动态地将概率分配给假设。',
    },
    {
      name: 'a wrong rendering without its term in the source (模型整体性能: "the overall performance of models")',
      source: 'Their impact on the overall performance of keyphrase extraction models is still unexplored.',
      target: '它们对关键词提取模型整体性能的影响仍然未被发现。',
    },
    {
      // WMT24 (rated 99, no error marked): a game level's name.
      name: 'a wrong rendering without its term in the source (修剪香草 for "Trimming the Herbs")',
      source: 'And just under the wire basically someone actually beat Trimming the Herbs! Really impressive.',
      target: '就在最后关头，有人实际上打败了"修剪香草"！真是令人印象深刻。',
    },
    {
      name: 'a viewpoint as a point of view is 观点 (from the viewpoint of …)',
      source: 'From the viewpoint of optimization, the deep neural network is hard to train.',
      target: '从优化的观点来看，深度神经网络很难训练。',
    },
    {
      name: 'agreement as concordance rendered right, beside an agreement that is a deal (协议)',
      source: 'The simulated spectra are in good agreement with the measurements, and the partners signed a data-sharing agreement.',
      target: '模拟光谱与测量结果吻合，合作方签署了数据共享协议。',
    },
    {
      name: 'a basis as a foundation is 基础; a basis of a space is 基, and 基于 beside it is not a wrong rendering',
      source: 'This result provides a theoretical basis for future work. Based on it, we expand each signal in an orthogonal basis.',
      target: '这一结果为今后的工作提供了理论基础。基于此，我们将每个信号在正交基上展开。',
    },
    { name: 'term kept in English', source: 'A Transformer encoder.', target: '一个Transformer编码器。' },
    { name: 'target-only, correct terms', target: '我们提出了一种基于强化学习的对话策略,使用深度神经网络。' },
    { name: 'target-only: ambiguous renderings are not reported', target: '这让读者感到困惑,政策评估也很重要。' },
    { name: 'dialog box in the source makes 对话框 right', source: 'Click the dialog box.', target: '点击对话框。' },
    {
      name: 'a calque is ambiguous: outside the aligned sentence of its term it is not reported',
      target: '我们用三元组丢失训练深度神经网络。',
    },
    {
      name: 'the accepted rendering as often as the term: a wrong rendering nearby translates something else',
      source: 'We extract features with a deep neural network and add a new function to the toolkit.',
      target: '我们用深度神经网络提取特征，并为工具包添加新功能。',
    },
    {
      name: 'a wrong rendering of one term that another term of the same sentence accepts translates that term',
      source: 'The modules of a deep neural network are functional: they extract features from the input and pool the features.',
      target: '深度神经网络的模块是功能的：它们从输入中提取并池化特征。',
    },
    { name: 'excluded context', target: '许多转换和对话框架被提出。' },
    { name: 'domain gate: outside an ML text an ambiguous rendering is right, and no hint is given', source: 'The training of nurses improved.', target: '护士的培训得到了改善。' },
    {
      name: 'domain gate: an astrophysics abstract rightly says 时代 for epoch',
      source: 'We measure the redshift of galaxies at the epoch of reionization with the telescope.',
      target: '我们用望远镜测量再电离时代星系的红移。',
    },
    {
      name: 'field-sense cues: grasp as "understand" in an ML text without robotic manipulation is 掌握, right',
      source: 'Word embeddings learned by deep neural networks fail to grasp the meaning of the data.',
      target: '深度神经网络学习的词嵌入无法掌握数据的含义。',
    },
    {
      name: 'field-sense cues: an epoch of history in an ML text without training is 时代, right',
      source: 'We cluster classical poems with word embeddings and topic models. Genres and epochs shape the clusters.',
      target: '我们用词嵌入和主题模型对古典诗歌进行聚类。流派和时代塑造了这些聚类。',
    },
    {
      name: 'a divergence between languages (structural divergence in machine translation) is 分歧 or 差异, not 散度',
      source: 'Neural machine translation with word embeddings must tackle the structural divergence between English and Hindi.',
      target: '使用词嵌入的神经机器翻译必须解决英语和印地语之间的结构分歧。',
    },
    {
      name: 'ambiguous renderings count only in the aligned sentence of the term',
      source: 'We train a deep neural network with reinforcement learning. Nurses need better support.',
      target: '我们用强化学习训练深度神经网络。护士需要更好的培训。',
      sourceSentences: [
        { text: 'We train a deep neural network with reinforcement learning.', start: 0, end: 59 },
        { text: 'Nurses need better support.', start: 60, end: 87 },
      ],
      targetSentences: [
        { text: '我们用强化学习训练深度神经网络。', start: 0, end: 16 },
        { text: '护士需要更好的培训。', start: 16, end: 26 },
      ],
      beads: [
        { en: [0], zh: [0], cost: 0 },
        { en: [1], zh: [1], cost: 0 },
      ],
    },
    {
      name: 'per aligned sentence: the term is looked for where it is translated',
      source: 'We use pre-trained models. We study the data.',
      target: '我们研究数据。我们使用预训练模型。',
      sourceSentences: [
        { text: 'We use pre-trained models.', start: 0, end: 26 },
        { text: 'We study the data.', start: 27, end: 45 },
      ],
      targetSentences: [
        { text: '我们研究数据。', start: 0, end: 7 },
        { text: '我们使用预训练模型。', start: 7, end: 17 },
      ],
      beads: [
        { en: [0], zh: [1], cost: 0 },
        { en: [1], zh: [0], cost: 0 },
      ],
    },
    {
      name: 'art in its own sense beside state of the art',
      source: 'We apply state of the art neural style transfer to artworks of the deep learning era.',
      target: '我们将最先进的神经风格迁移应用于深度学习时代的艺术作品。',
    },
    {
      name: 'background beside backbone',
      source: 'The backbone network removes the background of the image.',
      target: '骨干网络去除图像的背景。',
    },
  ],
  invalid: [
    {
      name: '功能 in 功能磁共振成像 (fMRI) translates "functional": only the 功能 for "features" is reported',
      source: 'We used these deep neural network features to bridge between human fMRI and image stimuli.',
      target: '我们使用这些深度神经网络功能来桥接人类功能磁共振成像和图像刺激。',
      findings: [{ messageId: 'wrongSense', actual: '功能', range: [12, 14] }],
    },
    {
      name: 'field-sense cues: grasp in a text about a robot and its gripper is 抓取, 掌握 is wrong',
      source: 'A deep neural network tells the robot where to grasp the cup with its gripper.',
      target: '深度神经网络告诉机器人在哪里用夹具掌握杯子。',
      findings: [{ messageId: 'wrongSense', actual: '掌握', severity: 'major' }],
    },
    {
      name: 'field-sense cues: an epoch in a text about training is 轮, 时代 is wrong',
      source: 'The deep neural network converges after ten epochs of stochastic gradient descent.',
      target: '深度神经网络在随机梯度下降的十个时代后收敛。',
      findings: [{ messageId: 'wrongSense', actual: '时代', severity: 'major' }],
    },
    {
      // The term's words in other forms (supervisory signal, regularize): the source still holds the term.
      name: 'a wrong rendering whose term the source writes in another form',
      source: 'We use view synthesis as the supervisory signal and regularize the model.',
      target: '我们使用视图合成作为监控信号并使模型正规化。',
      findings: [
        { messageId: 'wrongSense', actual: '监控信号' },
        { messageId: 'wrongNonstandard', actual: '正规化' },
      ],
    },
    {
      // arXiv dev: an accepted rendering (研究) in the sentence before does not excuse the wrong one in the term's own sentence.
      ...aligned(
        'This research studies face verification with deep learning. While most of the existing works extract shallow handcrafted features, we learn deep features with a convolutional neural network.',
        '这项研究利用深度学习研究人脸验证。虽然现有的大部分作品都是提取浅层手工特征，但我们用卷积神经网络学习深层特征。',
        'a wrong rendering in the term\'s own sentence, an accepted one only in the sentence before',
      ),
      findings: [{ messageId: 'wrongNonstandard', actual: '作品', severity: 'minor' }],
    },
    {
      name: 'a basis of linear algebra rendered as a foundation (正交基础 for orthogonal basis)',
      source: 'Each signal is written in an orthogonal basis learned from the training data, which makes the coefficients sparse.',
      target: '每个信号都用从训练数据中学到的正交基础表示，这使得系数是稀疏的。',
      findings: [{ messageId: 'wrongSense', actual: '正交基础', severity: 'major' }],
    },
    {
      name: 'agreement between raters rendered as a deal or protocol (协议 for inter-rater agreement)',
      source: 'Two radiologists labelled every scan, and the inter-rater agreement was high (kappa = 0.82).',
      target: '两名放射科医生标注了每一张扫描，评分者间协议很高（kappa = 0.82）。', // the segmenter keeps 间协议 whole
      findings: [{ messageId: 'wrongSense', actual: '间协议', severity: 'major' }],
    },
    {
      name: 'calque from `#calque: state 状态 国家`: the hidden state of a recurrent network as a country (隐藏国家)',
      source: 'The recurrent neural network updates its hidden state at every time step with a gated unit.',
      target: '循环神经网络在每个时间步用门控单元更新其隐藏国家。',
      findings: [{ messageId: 'wrongSense', actual: '隐藏国家', severity: 'major' }],
    },
    {
      name: 'a figure of a paper rendered as a number (科学数字 for scientific figures)',
      source: 'We release a dataset of scientific figures with their captions to support research on document understanding.',
      target: '我们发布了一个包含科学数字及其说明文字的数据集，以支持文档理解的研究。',
      findings: [{ messageId: 'wrongSense', actual: '数字', severity: 'major' }],
    },
    {
      name: 'a class (category) rendered as a course (测试课程 for test classes)',
      source: 'The deep neural network is evaluated on unseen test classes.',
      target: '深度神经网络在未见过的测试课程上进行评估。',
      findings: [{ messageId: 'wrongSense', actual: '课程', severity: 'major' }],
    },
    {
      name: 'a medical condition rendered as a prerequisite (神经发育条件)',
      source: 'Autism is one of the neurodevelopmental conditions that affect many children.',
      target: '自闭症是影响许多儿童的神经发育条件之一。',
      findings: [{ messageId: 'wrongSense', actual: '条件', severity: 'major' }],
    },
    {
      // arXiv dev (Google Translate): zero-width spaces inside the word hid the wrong rendering.
      name: 'zero-width spaces inside a wrong rendering do not hide it (生成敌对\\u200b\\u200b网络)',
      source: 'We propose to use generative adversarial networks (GANs) to learn the images.',
      target: '我们建议使用生成敌对\u200b\u200b网络（GAN）来学习图像。',
      findings: [{ messageId: 'wrongNonstandard', actual: '生成敌对网络', range: [6, 14], severity: 'minor' }],
    },
    {
      name: 'a camera viewpoint rendered as an opinion (摄像机的观点)',
      source: 'We train a deep neural network to classify the camera viewpoint of each image.',
      target: '我们训练深度神经网络对每幅图像的摄像机的观点进行分类。',
      findings: [{ messageId: 'wrongSense', actual: '观点', severity: 'major' }],
    },
    {
      // arXiv dev: 36 abstracts write localisation; ten of them were translated 本地化, none reported.
      name: 'a British spelling matches the term (localisation → 本地化 for object localization)',
      source: 'The deep neural network improves facial landmark localisation in the wild.',
      target: '深度神经网络改善了野外面部关键点的本地化。',
      findings: [{ messageId: 'wrongSense', actual: '本地化', severity: 'major', data: { term: 'localisation' } }],
    },
    {
      name: 'a potential of a random field rendered as latent (潜在函数 for potential functions)',
      source: 'We learn the pairwise potentials of the conditional random field with a deep neural network.',
      target: '我们用深度神经网络学习条件随机场的潜在函数。',
      findings: [{ messageId: 'wrongSense', actual: '潜在函数', severity: 'major' }],
    },
    // arXiv dev (Google Translate), read as good before: three general gaps.
    {
      name: 'precision-recall rendered as remembering (精确回忆)',
      source: 'Consequently, the precision-recall performance of current neural network techniques is orders of magnitude below what would be usable.',
      target: '因此，当前神经网络技术的精确回忆性能比可用的要低几个数量级。',
      findings: [{ messageId: 'wrongSense', actual: '回忆', severity: 'major' }],
    },
    {
      name: 'state of the art split around the noun (艺术…的状态)',
      source: 'We present a framework based on Hough Forests, the state of the art object pose estimator that performs classification and regression jointly.',
      target: '我们提出了一个基于Hough Forests的框架，这是一个共同执行分类和回归的艺术对象姿态估计器的状态。',
      findings: [{ messageId: 'wrongSense', actual: '艺术', severity: 'major' }],
    },
    {
      name: 'a term written with a hyphen inside the word (back-bone for backbone)',
      source: 'Recently, fully convolutional neural networks, including 2D and 3D networks, serve as the back-bone in many volumetric image segmentation methods.',
      target: '最近，完全卷积神经网络，包括二维和三维网络，在许多体积图像分割方法中作为背景。',
      findings: [{ messageId: 'wrongSense', actual: '背景', severity: 'major' }],
    },
    {
      name: 'a wrong rendering the segmenter cut with a suffix (概括/性 as 概括性) counts with the term in the source',
      source: 'Our model shows better generalization on unseen data.',
      target: '我们的模型在未见数据上显示出更好的概括性。',
      findings: [{ messageId: 'wrongSense', actual: '概括', severity: 'major' }],
    },
    {
      name: 'a wrong rendering the segmenter joined to the word before it (通过培训) counts with the term in the source',
      source: 'The parameters of the deep neural network can be optimized by training.',
      target: '深度神经网络的参数可以通过培训进行优化。',
      findings: [{ messageId: 'wrongNonstandard', actual: '培训', severity: 'minor' }],
    },
    {
      name: 'seed: 预先培训 without a source (nonstandard: minor)',
      target: seed,
      findings: [{ messageId: 'wrongNonstandard', side: 'target', range: [15, 19], actual: '预先培训', expected: '预训练', severity: 'minor', data: { class: 'nonstandard' } }],
    },
    {
      name: 'seeds: several wrong renderings without a source, each by its class',
      target: '模型不可替代的方法,深神经网络,对话框,判别员和多转对话。',
      findings: [
        { messageId: 'wrongSense', actual: '模型不可替代', severity: 'major' },
        { messageId: 'wrongNonstandard', actual: '深神经网络', severity: 'minor' },
        { messageId: 'wrongSense', actual: '对话框', severity: 'major' },
        { messageId: 'wrongSense', actual: '判别员', severity: 'major' },
        { messageId: 'wrongSense', actual: '多转', severity: 'major' },
      ],
    },
    {
      name: 'an accepted rendering inside the wrong one does not hide it (立体 in 立体声)',
      source: 'We train a deep neural network on stereo images with a convolutional neural network.',
      target: '我们用卷积神经网络在立体声图像上训练深度神经网络。',
      findings: [{ messageId: 'wrongSense', actual: '立体声', severity: 'major', data: { class: 'ambiguous', term: 'stereo' } }],
    },
    {
      name: "another term's rendering (循环神经网络) does not count as this term's accepted rendering",
      source: 'We augment recurrent neural networks with a recurrent memory trained by deep learning.',
      target: '我们用经常性记忆增强循环神经网络，通过深度学习训练。',
      findings: [{ messageId: 'wrongSense', actual: '经常性', severity: 'major', data: { term: 'recurrent' } }],
    },
    {
      name: 'one right and one wrong rendering of a term used twice: the wrong one is reported',
      source: 'We train an ensemble of deep neural networks. The ensemble size is small.',
      target: '我们训练深度神经网络的集成。集合大小很小。',
      // 集合 (a collection of models) is nonstandard since 2026-12-02: the mechanism, not the class, is under test.
      findings: [{ messageId: 'wrongNonstandard', actual: '集合', severity: 'minor', data: { term: 'ensemble' } }],
    },
    {
      name: 'an accepted rendering across two words (标注 in 目标/注册) does not block a wrong one',
      source: 'We report the target registration error of a deep neural network for image segmentation.',
      target: '我们报告了用于图像分割的深度神经网络的目标注册误差。',
      findings: [{ messageId: 'wrongSense', actual: '注册', severity: 'major', data: { term: 'registration' } }],
    },
    {
      name: 'calque: triplet loss → 三元组丢失, derived from `#calque: loss 损失 丢失`',
      source: 'We train a deep neural network with a triplet loss.',
      target: '我们用三元组丢失训练深度神经网络。',
      findings: [{ messageId: 'wrongSense', actual: '三元组丢失', severity: 'major', data: { class: 'ambiguous', term: 'triplet loss' } }],
    },
    {
      name: 'calques combine: global pooling → 全球联营, both words in their everyday sense',
      source: 'We replace the fully connected layers with global pooling in a deep neural network.',
      target: '我们在深度神经网络中用全球联营取代全连接层。',
      findings: [{ messageId: 'wrongSense', actual: '全球联营', severity: 'major', data: { class: 'ambiguous', term: 'global pooling' } }],
    },
    {
      name: 'calque from `#calque: flow 流 流程`: normalizing flows → 标准化流程',
      source: 'We train a deep neural network as a continuous normalizing flow by maximum likelihood.',
      target: '我们通过最大似然将深度神经网络训练为连续标准化流程。',
      findings: [{ messageId: 'wrongSense', actual: '标准化流程', severity: 'major', data: { class: 'ambiguous', term: 'normalizing flow' } }],
    },
    {
      name: 'the message names the alias the source uses (knowledge operators), not the entry it belongs to',
      source: 'We extend the logic with knowledge operators and a deep neural network.',
      target: '我们用知识操作员和深度神经网络扩展了该逻辑。',
      findings: [{ messageId: 'wrongSense', actual: '操作员', severity: 'major', data: { term: 'knowledge operators' } }],
    },
    {
      name: 'sense error: bandit as armed robbers is major',
      source: 'We study multi-armed bandits with a neural network policy.',
      // The message names the term as the source writes it (plural), not the entry's head.
      target: '我们研究多臂匪徒与神经网络策略。',
      findings: [{ messageId: 'wrongSense', actual: '多臂匪徒', severity: 'major', data: { class: 'sense', term: 'multi-armed bandits' } }],
    },
    {
      name: 'source term with a known nonstandard rendering',
      source: 'We fine-tune a pretrained language model with reinforcement learning.',
      target: '我们用加强学习微调预训练的语言模型。',
      findings: [
        {
          messageId: 'wrongNonstandard',
          side: 'target',
          range: [3, 7],
          data: { actual: '加强学习', term: 'reinforcement learning' },
          severity: 'minor',
        },
      ],
    },
    {
      name: 'ambiguous rendering in an ML text with the term in the source',
      source: 'Training deep neural networks with reinforcement learning and a language model.',
      target: '用强化学习和语言模型培训深度神经网络。',
      findings: [{ messageId: 'wrongNonstandard', actual: '培训', expected: '训练', data: { class: 'ambiguous' } }],
    },
    {
      name: 'ambiguous rendering: epoch as an era in an ML abstract',
      source: 'We train the neural network with stochastic gradient descent for 10 epochs.',
      target: '我们用随机梯度下降训练神经网络10个时代。',
      findings: [{ messageId: 'wrongSense', actual: '时代', severity: 'major', data: { class: 'ambiguous' } }],
    },
    {
      name: 'no accepted rendering, no known wrong one: info on the source term',
      source: 'We report the perplexity of the language model.',
      target: '我们报告了语言模型的结果。',
      findings: [{ messageId: 'missingRendering', side: 'source', range: [14, 24], severity: 'info' }],
    },
    {
      name: 'user glossary from options: unmarked wrong renderings are sense errors, the bundled severities stay',
      source: 'A widget frobnication and pretrained models.',
      target: '一个小工具搅拌和预先培训模型。',
      options: { files: [userTsv] },
      findings: [
        { messageId: 'wrongSense', actual: '小工具搅拌', expected: '小部件弗罗布', severity: 'major' },
        { messageId: 'wrongNonstandard', actual: '预先培训', severity: 'minor' },
      ],
    },
  ],
});

// Fixes: the wrong rendering's own range replaced by the rendering the text already uses, else the preferred one.
testCheck(glossary, {
  valid: [],
  invalid: [
    { name: 'fix: the preferred rendering', target: seed, findings: [{ messageId: 'wrongNonstandard', fixed: seed.replace('预先培训', '预训练') }] },
    {
      name: 'fix: the accepted rendering the text already uses',
      target: '深层神经网络很强,深神经网络也是。',
      findings: [{ messageId: 'wrongNonstandard', actual: '深神经网络', fixed: '深层神经网络很强,深层神经网络也是。' }],
    },
    {
      name: 'no fix when the text uses several accepted renderings',
      target: '深层神经网络和深度神经网络,深神经网络。',
      findings: [{ messageId: 'wrongNonstandard', actual: '深神经网络', fixed: null }],
    },
    { name: 'no fix when several accepted renderings compete and the text uses none', target: '深神经网络很强。', findings: [{ messageId: 'wrongNonstandard', fixed: null }] },
    { name: 'no fix that would change a letter or digit (L2规范 is not L1范数)', target: '现有正则化器（如L2规范正则化器）。', findings: [{ messageId: 'wrongSense', fixed: null }] },
    { name: 'no fix that would drop a number', target: '通过10倍交叉验证提供了结果。', findings: [{ messageId: 'wrongSense', fixed: null }] },
    {
      name: 'no fix for an ambiguous rendering',
      source: 'Training deep neural networks with reinforcement learning and a language model.',
      target: '用强化学习和语言模型培训深度神经网络。',
      findings: [{ messageId: 'wrongNonstandard', actual: '培训', fixed: null }],
    },
  ],
});
