// Pairing confirmation against the mock: strict schema, validated answer, unknown on failure.
import { afterEach, describe, expect, it } from 'vitest';
import { confirmPairing } from '../../src/llm/pair-confirm.js';
import { resetLearnedModes } from '../../src/llm/structured.js';
import { jsonReply, startMockOpenAI, type MockServer } from '../helpers/mock-openai-server.js';
import { testOptions } from './fixtures/options.js';

let mock: MockServer | undefined;
afterEach(async () => {
  await mock?.close();
  mock = undefined;
  resetLearnedModes();
});

describe('confirmPairing', () => {
  it('returns the validated verdict and frames both texts as data', async () => {
    mock = await startMockOpenAI({ chat: () => jsonReply({ verdict: 'Partial' }) });
    const result = await confirmPairing('English text.', '中文文本。', testOptions(mock.url), {});
    expect(result.answer).toBe('partial');
    expect(result.prompt).toBe('pair-confirm@1');
    const body = mock.chatCalls[0]?.body;
    expect(body?.response_format?.json_schema?.name).toBe('pair_confirmation');
    expect(body?.messages[1]?.content).toMatch(/<<<CHINESE [0-9a-f]{16}\n中文文本。\nCHINESE [0-9a-f]{16}>>>/);
  });
  it('answers unknown when the model never gives a valid verdict', async () => {
    mock = await startMockOpenAI({ chat: () => jsonReply({ verdict: 'maybe' }) });
    const result = await confirmPairing('English text.', '中文文本。', testOptions(mock.url), {});
    expect(result.answer).toBe('unknown');
    expect(result.usage).toMatchObject({ calls: 2, failures: 1 });
  });
});
