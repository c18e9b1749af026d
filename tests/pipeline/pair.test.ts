// Pairing: finds each translation's original across files, refuses weak or ambiguous matches,
// counts identical originals once, and flags translations attached to the wrong original.
import { describe, expect, it } from 'vitest';
import { identifiedBlock } from '../fixtures/pairing/blocks.js';
import { pairingRecords, type PairingRecord } from '../fixtures/pairing/records.js';
import type { IdentifiedBlock } from '../../src/core/types.js';
import { pairTranslations } from '../../src/pipeline/pair.js';
import { EN as FOONET_EN } from '../checks/completeness-fixtures.js';
import { ROBUST, WUBI } from '../fixtures/lookalikes.js';

type Rec = PairingRecord;
const records = pairingRecords();

function block(id: string, text: string, zh: boolean, extra: Partial<IdentifiedBlock> = {}): IdentifiedBlock {
  const [file = '0'] = id.split(':');
  return identifiedBlock(id, text, zh, { file: `file-${file}.txt`, ...extra });
}

// Translations in file 0 (in record order); originals in file 1, in reverse order.
const translations = records.map((r, i) => block(`0:${i}`, r.zh, true, { recordId: r.id }));
const originals = [...records].reverse().map((r, i) => block(`1:${i}`, r.en, false, { recordId: r.id, title: r.title }));

describe('pairTranslations', () => {
  it('pairs every translation with its own original, with evidence', () => {
    const pairs = pairTranslations(translations, originals);
    expect(pairs.map((p) => p.id)).toEqual(translations.map((t) => t.id));
    for (const p of pairs) {
      expect(p.status).toBe('paired');
      expect(p.original?.recordId).toBe(p.translation.recordId);
      expect(p.confidence).toBeGreaterThan(0.5);
      expect(p.evidence.terms.length).toBeGreaterThan(3);
      expect(p.evidence.margin).toBeGreaterThan(0.08);
      expect(p.evidence.candidates).toBe(originals.length);
      expect(p.evidence.best[0]?.original.id).toBe(p.translation.recordId);
      expect(p.evidence.best[0]?.original.title).toBeDefined();
    }
  });

  it('reads a translation in the words a hint gives (a check worker cut it already) instead of cutting it again', () => {
    const r = records[0] as Rec;
    // Texts no other test cut (one piece: no sentence ends inside), else cuts cached earlier would be read.
    const onePiece = r.zh.replace(/[。！？；]/g, '，');
    const hinted = block('0:hinted', `${onePiece}这是第九十九版。`, true);
    const plain = block('0:plain', `${onePiece}这是第九十八版。`, true);
    const asked: string[] = [];
    // One word a character, which jieba would not cut: the evidence shows whose words pairing read.
    const hints = {
      wordEnds: (text: string) => {
        asked.push(text);
        return text === hinted.text ? Uint16Array.from({ length: text.length }, (_, i) => i + 1) : undefined;
      },
    };
    const [a, b] = pairTranslations([hinted, plain], originals, {}, undefined, undefined, hints);
    expect(asked).toEqual([hinted.text, plain.text]);
    const words = (terms: readonly string[]) => terms.map((t) => t.split('→')[0] as string);
    expect(words(a?.evidence.terms ?? []).length).toBeGreaterThan(0);
    expect(words(a?.evidence.terms ?? []).every((w) => w.length === 1)).toBe(true);
    expect(words(b?.evidence.terms ?? []).some((w) => w.length > 1)).toBe(true);
  });

  it('reports unpaired, never a forced pair, when the original is missing', () => {
    const missing = records[3] as Rec;
    const pool = originals.filter((o) => o.recordId !== missing.id);
    const pairs = pairTranslations(translations, pool);
    const orphan = pairs.find((p) => p.translation.recordId === missing.id);
    expect(orphan?.status).toBe('unpaired');
    expect(orphan?.original).toBeNull();
    expect(orphan?.confidence).toBe(0);
    expect(orphan?.evidence.best.length).toBeGreaterThan(0);
    for (const p of pairs) if (p !== orphan) expect(p.original?.recordId).toBe(p.translation.recordId);
  });

  it('leaves a lone translation unpaired against one unrelated original', () => {
    const pairs = pairTranslations([translations[0] as IdentifiedBlock], [originals[0] as IdentifiedBlock]);
    expect(pairs[0]?.status).toBe('unpaired');
  });

  it('requires the margin: an impossible margin leaves everything unpaired', () => {
    const pairs = pairTranslations(translations, originals, { minMargin: 2 });
    expect(pairs.every((p) => p.status === 'unpaired')).toBe(true);
    const strict = pairTranslations(translations, originals, { minScore: 0.99 });
    expect(strict.every((p) => p.status === 'unpaired')).toBe(true);
  });

  it('counts identical originals in several files once', () => {
    const copies = originals.map((o, i) => block(`2:${i}`, o.text, false, { recordId: o.recordId }));
    const pairs = pairTranslations(translations, [...originals, ...copies]);
    for (const p of pairs) {
      expect(p.status).toBe('paired');
      expect(p.evidence.best.filter((b) => b.original.id === p.translation.recordId)).toHaveLength(1);
    }
  });

  it('lets two versions of one translation share their original, one pair per block', () => {
    const r = records[0] as Rec;
    const version = block('3:0', r.zh.replace('。', '，并且').replace(/。$/, '！'), true, { recordId: r.id });
    const same = block('3:1', r.zh, true, { recordId: r.id });
    const pairs = pairTranslations([...translations, version, same], originals);
    expect(pairs).toHaveLength(translations.length + 2);
    for (const p of pairs.slice(-2)) expect(p.original?.recordId).toBe(r.id);
  });

  it('marks a translation attached to an original it does not translate as mismatched, naming the better one', () => {
    const wrong = originals.find((o) => o.recordId !== (records[0] as Rec).id) as IdentifiedBlock;
    const attached = block('0:0', (records[0] as Rec).zh, true, { recordId: (records[0] as Rec).id, attachedTo: wrong.id });
    const [p] = pairTranslations([attached], originals);
    expect(p?.status).toBe('mismatched');
    expect(p?.attached?.id).toBe(wrong.id);
    expect(p?.original).toBeNull();
    expect(p?.evidence.best[0]?.original.id).toBe((records[0] as Rec).id);
  });

  it('keeps a correct attachment as a pair, and flags a wrong one even with no better original', () => {
    const right = originals.find((o) => o.recordId === (records[0] as Rec).id) as IdentifiedBlock;
    const ok = block('0:0', (records[0] as Rec).zh, true, { attachedTo: right.id });
    expect(pairTranslations([ok], originals)[0]?.status).toBe('paired');
    const other = originals.find((o) => o.recordId === (records[1] as Rec).id) as IdentifiedBlock;
    const lone = block('0:0', (records[0] as Rec).zh, true, { attachedTo: other.id });
    const [p] = pairTranslations([lone], [other]);
    expect(p?.status).toBe('mismatched');
    expect(p?.attached?.id).toBe(other.id);
    expect(p?.evidence.best).toEqual([]);
  });

  it('trusts a short attached pair whose evidence is merely weak, not against it', () => {
    // One-sentence abstract: too few glosses and anchors to reach minScore, but nothing says it is wrong.
    const en = block('1:50', 'A description and annotation guidelines for the Yahoo Webscope release of Query Treebank, Version 1.0, May 2016.', false);
    const zh = block('0:50', 'Query Treebank的版本1.0，2016年5月的Yahoo Webscope版本的说明和注释准则。', true, { attachedTo: en.id });
    const [p] = pairTranslations([zh], [en, ...originals]);
    expect(p?.status).toBe('paired');
    expect(p?.original?.id).toBe(en.id);
  });

  it('finds each original among hundreds of distractors made of the same vocabulary', () => {
    const random = (() => {
      let x = 7;
      return () => ((x = (x * 16807) % 2147483647) / 2147483647);
    })();
    const vocabulary = records.flatMap((r) => r.en.split(/\s+/));
    const distractors = Array.from({ length: 300 }, (_, i) =>
      block(`4:${i}`, Array.from({ length: 90 }, () => vocabulary[Math.floor(random() * vocabulary.length)]).join(' '), false, { recordId: `d${i}` }),
    );
    const pairs = pairTranslations(translations, [...distractors, ...originals]);
    for (const p of pairs) {
      expect(p.status).toBe('paired');
      expect(p.original?.recordId).toBe(p.translation.recordId);
      expect(p.evidence.candidates).toBe(310);
    }
  });

  it('gives a taken original to the stronger claim only: a partial translation of it may not share it', () => {
    const a = records[0] as Rec;
    const b = records[1] as Rec;
    const partial = block('5:0', `${a.zh.slice(0, Math.floor(a.zh.length * 0.4))}${b.zh.slice(0, Math.floor(b.zh.length / 5))}`, true);
    const pool = originals.filter((o) => o.recordId !== b.id);
    // Lenient thresholds, so that only the one-to-one rule stands between the partial translation and a's original.
    const lenient = { minScore: 0.15, minMargin: 0.02 };
    expect(pairTranslations([partial], pool, lenient)[0]?.original?.recordId).toBe(a.id);
    const pairs = pairTranslations([...translations, partial], pool, lenient);
    expect(pairs.find((p) => p.translation.recordId === a.id)?.original?.recordId).toBe(a.id);
    expect(pairs.at(-1)?.original?.recordId).not.toBe(a.id);
  });

  it('handles empty inputs', () => {
    expect(pairTranslations([], originals)).toEqual([]);
    const [p] = pairTranslations([translations[0] as IdentifiedBlock], []);
    expect(p?.status).toBe('unpaired');
    expect(p?.evidence.candidates).toBe(0);
  });
});

describe('pairing verification and positive mismatch evidence', () => {
  const wubiEn = block('1:0', WUBI.en, false, { recordId: WUBI.id });
  const robustEn = block('1:1', ROBUST.en, false, { recordId: ROBUST.id });
  const foonetEn = block('1:2', FOONET_EN, false, { recordId: 'foonet' });

  it('leaves a translation unpaired when the ranking winner is a look-alike whose sentences do not correspond', () => {
    const zh = block('0:0', WUBI.zh, true, { recordId: WUBI.id });
    const [p] = pairTranslations([zh], [robustEn, foonetEn]);
    expect(p?.status).toBe('unpaired');
    expect(p?.original).toBeNull();
    expect(p?.evidence.rejected?.[0]?.original.id).toBe(ROBUST.id);
    expect(p?.evidence.rejected?.[0]?.reason).toMatch(/sentences do not correspond/);
  });

  it('pairs it with its true original when that is present among the look-alikes', () => {
    const zh = block('0:0', WUBI.zh, true, { recordId: WUBI.id });
    const [p] = pairTranslations([zh], [robustEn, wubiEn, foonetEn]);
    expect(p?.status).toBe('paired');
    expect(p?.original?.recordId).toBe(WUBI.id);
    expect(p?.evidence.rejected).toBeUndefined();
  });

  it('calls a mis-joined record mismatched on sentence evidence, and says why', () => {
    const zh = block('0:0', ROBUST.zh, true, { attachedTo: wubiEn.id });
    const [p] = pairTranslations([zh], [wubiEn, foonetEn]);
    expect(p?.status).toBe('mismatched');
    expect(p?.attached?.id).toBe(wubiEn.id);
    expect(p?.evidence.rejected?.[0]?.original.block).toBe(wubiEn.id);
    expect(p?.evidence.rejected?.[0]?.reason).toMatch(/aligned sentences share/);
  });

  it('names the better original of a mis-joined record when it is among the candidates and verified', () => {
    const zh = block('0:0', ROBUST.zh, true, { attachedTo: wubiEn.id });
    const [p] = pairTranslations([zh], [wubiEn, robustEn, foonetEn]);
    expect(p?.status).toBe('mismatched');
    expect(p?.evidence.best[0]?.original.id).toBe(ROBUST.id);
  });

  it('keeps a short, free, attached translation paired: low similarity alone is no evidence', () => {
    // WMT24 human reference: dictionary similarity 0.03.
    const en = block('1:9', "I'm not your mum", false);
    const zh = block('0:9', '我又不是你妈', true, { attachedTo: en.id });
    const [p] = pairTranslations([zh], [en, wubiEn, robustEn]);
    expect(p?.status).toBe('paired');
    expect(p?.original?.id).toBe(en.id);
  });

  it('pairs with one version of a paper and lists the other version', () => {
    const second = block('1:3', WUBI.en.replace('We show promising results', 'We report promising results'), false, { recordId: WUBI.id });
    const zh = block('0:0', WUBI.zh, true, { recordId: WUBI.id });
    const [p] = pairTranslations([zh], [wubiEn, second, robustEn]);
    expect(p?.status).toBe('paired');
    expect(p?.original?.recordId).toBe(WUBI.id);
    const other = p?.original?.id === wubiEn.id ? second.id : wubiEn.id;
    expect(p?.evidence.versions?.map((v) => v.block)).toEqual([other]);
  });
});
