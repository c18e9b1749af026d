// An absurdly long record is not aligned or checked: one clear major finding says why, at once.
import { describe, expect, it } from 'vitest';
import type { Pair } from '../../src/core/types.js';
import { identifiedBlock as block } from '../fixtures/pairing/blocks.js';
import { checkPair, MAX_RECORD_CHARS } from '../../src/pipeline/check.js';

describe('checkPair on an absurdly long record', () => {
  it('reports recordTooLong instead of aligning and checking', async () => {
    const en = 'We study graphs. '.repeat(Math.ceil(MAX_RECORD_CHARS / 17) + 10);
    const zh = '我们研究图。'.repeat(1000);
    const pair: Pair = { id: '0:1', translation: block('0:1', zh, true), original: block('0:0', en, false), status: 'paired', confidence: 1, evidence: { anchors: [], terms: [], score: 1, margin: 1, candidates: 1, best: [] } };
    const result = await checkPair(pair, { checks: [] });
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]?.messageId).toBe('recordTooLong');
    expect(result.findings[0]?.severity).toBe('major');
    expect(result.findings[0]?.message).toContain(String(en.length));
    expect(result.beads).toEqual([]);
  });
});
