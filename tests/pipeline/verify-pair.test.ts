// Verification of pairings and positive mismatch evidence: look-alike abstracts are rejected with a
// reason, true pairs verified, short texts inconclusive, contradicting anchors rejected.
import { describe, expect, it } from 'vitest';
import { attachedMismatch, verifyPairing } from '../../src/pipeline/verify-pair.js';
import { EN, ZH } from '../checks/completeness-fixtures.js';
import { GGP, ROBUST, WUBI } from '../fixtures/lookalikes.js';

describe('verifyPairing', () => {
  it('verifies a true pair: aligned sentences share far more words than unaligned ones', () => {
    for (const r of [WUBI, ROBUST]) {
      const v = verifyPairing(r.zh, r.en);
      expect(v.outcome).toBe('verified');
      expect(v.evidence.contrast?.aligned ?? 0).toBeGreaterThan(0.3);
    }
  });

  it('verifies a short abstract whose every sentence repeats its topic words', () => {
    // Contrast 0.15 only (unaligned sentences share 29 % of the words), but aligned ones share 44 %.
    expect(verifyPairing(GGP.zh, GGP.en).outcome).toBe('verified');
  });

  it('rejects a look-alike abstract on the same topic, saying why', () => {
    // The ranking alone accepts this one (score 0.47, margin over 0.08 among three look-alikes).
    const v = verifyPairing(WUBI.zh, ROBUST.en);
    expect(v.outcome).toBe('rejected');
    expect(v.reason).toMatch(/sentences do not correspond/);
    expect(verifyPairing(ROBUST.zh, WUBI.en).outcome).toBe('rejected');
  });

  it('is inconclusive on a single short sentence, where sentence evidence cannot exist', () => {
    expect(verifyPairing('我又不是你妈。', "I'm not your mum.").outcome).toBe('inconclusive');
  });

  it('rejects a candidate whose length cannot match', () => {
    const v = verifyPairing('我又不是你妈。', WUBI.en);
    expect(v.outcome).toBe('rejected');
    expect(v.reason).toMatch(/lengths differ/);
  });

  it('rejects contradicting anchors: different numbers and names on each side', () => {
    const en = 'We evaluate ResNet-152 on ImageNet-21K and reach 87.3% top-1 accuracy after 450 epochs on 2048 TPUv3 cores.';
    const zh = '我们在COCO-2017上评估了YOLOv8，在120个周期后于64个A100 GPU上达到了55.2%的mAP。';
    const v = verifyPairing(zh, en);
    expect(v.outcome).toBe('rejected');
    expect(v.reason).toMatch(/anchors contradict/);
  });
});

describe('attachedMismatch', () => {
  it('is strong on the translation of a look-alike paper over several sentences', () => {
    const m = attachedMismatch(ROBUST.zh, WUBI.en);
    expect(m.strength).toBe('strong');
    expect(m.kind).toBe('sentences');
  });

  it('is none on true pairs, long or short, faithful or free', () => {
    expect(attachedMismatch(WUBI.zh, WUBI.en).strength).toBe('none');
    expect(attachedMismatch(ZH, EN).strength).toBe('none');
    // WMT24 human references: free, short, low dictionary similarity, yet correct.
    expect(attachedMismatch('我又不是你妈', "I'm not your mum").strength).toBe('none');
    expect(attachedMismatch('第五章很长，让人焦虑。一堆狗屎。', 'Chapter five is a long one, but so fucking angsty. Yisssss, the good shit.').strength).not.toBe('strong');
  });

  it('lets shared numbers vouch for a free translation whose sentences share few words', () => {
    const en =
      'The FTSE 250 firm is to open between 140 and 160 outlets on a net basis in 2024 as it looks to give customers more convenient access to its stores. It will keep looking at expanding across retail parks, travel sites, and roadside locations, plus industrial estates. Currie said: "Where there\'s any location where you can\'t currently access a Greggs easily, we want to try and get into that location."';
    const zh = 'Greggs将在2024年净增140至160家分店，为顾客提供更便利的购物环境。该公司有意继续在零售区、旅游景点、路边位置以及工业区开设新店。库里表示：“如果您目前不方便到Greggs选购，我们将在您附近开设新店。”';
    expect(attachedMismatch(zh, en).strength).toBe('none');
  });

  it('lets one shared measured value keep sentence evidence from being strong (WMT24, a free translation of a post)', () => {
    const en =
      "The results are in and, drum roll, please, it's completely consistent with my family history. 89.9% British and Irish with most of that concentrated in the scottish borders, western Ireland, Wales, and cornwall. It doesn't show much breton tho so either they're so close to cornish they don't show as different in me or my breton family wasn't originally from there.";
    const zh =
      '测试结果出来了，非常符合我的家族历史。我的血统 89.9% 为英国和爱尔兰血统，其中大部分血统来源于苏格兰边境、爱尔兰西部、威尔士和康沃尔。然而，它并没有显示我有布列塔尼血统，可能是我的布列塔尼祖先与康沃尔人十分接近，因此在我的基因中没有体现出来，或者我的布列塔尼家族最初就不是来自那里。';
    expect(attachedMismatch(zh, en).strength).not.toBe('strong');
    // A look-alike paper's translation is still strong evidence.
    expect(attachedMismatch(ROBUST.zh, WUBI.en).strength).toBe('strong');
  });
});
