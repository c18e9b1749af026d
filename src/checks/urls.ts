// Check `urls`: links, e-mails, DOIs and arXiv ids missing, altered or broken by Chinese glued onto them.
import { defineCheck } from '../core/check.js';
import type { Anchor } from '../lexicon/extract.js';
import { extractUrls, toHalfWidth } from '../lexicon/extract.js';
import { anchorUnits, unitAt } from '../lexicon/extract/units.js';

/** Han characters at the start of a text. */
const LEADING_HAN = /^\p{Script=Han}+/u;

const KIND_NAME: Readonly<Record<string, string>> = { url: 'URL', email: 'e-mail', doi: 'DOI', arxiv: 'arXiv id' };

/** A sentence that announces a link ("可以在以下网址获得") and ends without one. */
const DANGLING = /(?:网址|链接|网站|地址|网页|URL)\s*(?:上|中)?\s*(?:获得|获取|找到|下载|访问|公开|查看|得到)?\s*[:：]?\s*[。.]?\s*$/;

/** The text with spaces removed and full-width ASCII forms mapped back, as a link would read unbroken. */
function squeeze(text: string): string {
  return toHalfWidth(text)
    .replace(/[：／＠－＿～]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/。/g, '.')
    .replace(/\s+/g, '');
}

export default defineCheck({
  meta: {
    id: 'urls',
    description:
      'Detects URLs, e-mails, DOIs and arXiv ids of the source missing or altered in the translation, and links broken by Chinese glued onto them.',
    category: 'accuracy/mistranslation',
    scope: 'document',
    needs: 'target',
    defaultSeverity: 'major',
    // Chinese glued onto a link leaves the text readable and the URL right; only a linkifier that runs
    // the link on into the Chinese breaks it, and the fix is mechanical. MQM reviewers rate it minor.
    // A link whose characters are all there, only written full-width or spaced out (https：//github.com/…): the
    // address is intact to a reader and the fix is mechanical, as for glued Chinese.
    severities: { glued: 'minor', brokenForm: 'minor' },
    categories: { glued: 'fluency/punctuation', brokenForm: 'fluency/punctuation' },
    messages: {
      brokenForm: 'Unexpected {{kind}} `{{actual}}` in the translation, expected `{{expected}}` (full-width forms or spaces inside it)',
      glued: 'Unexpected `{{glued}}` glued to the link `{{url}}`, expected a space or punctuation after it',
      missing: 'Unexpected missing {{kind}} `{{link}}` in the translation, expected it as in the source',
      altered: 'Unexpected {{kind}} `{{actual}}` in the translation, expected `{{expected}}` as in the source',
      dangling: 'Unexpected end of the translation after `{{phrase}}`, expected the link it announces',
    },
  },
  run(ctx) {
    const { source, target } = ctx;
    const tgt = extractUrls(target);
    for (const a of tgt) {
      if (a.kind !== 'url' && a.kind !== 'doi') continue;
      const glued = LEADING_HAN.exec(target.slice(a.end, a.end + 12));
      if (glued) {
        ctx.report({
          messageId: 'glued',
          data: { glued: glued[0], url: a.text },
          side: 'target',
          range: [a.start, a.end],
          actual: a.text + glued[0],
          expected: `${a.text} ${glued[0]}`,
          // A space ends the link where the Chinese starts; nothing else moves.
          fix: { side: 'target', range: [a.end, a.end], text: ' ' },
        });
      }
    }

    // A scheme broken by spaces or a full-width colon (https：// x): the link no longer works.
    const brokenAt = new Set<number>();
    for (const m of target.matchAll(/\b(?:https?|ftp)(\s*[:：]\s*[/／]\s*[/／]\s*)(?=\S)/gi)) {
      if (m[1] === '://') continue;
      const rest = /^[^\s\p{Script=Han}，。；）]+/u.exec(target.slice(m.index + m[0].length))?.[0] ?? '';
      const actual = m[0] + rest;
      brokenAt.add(m.index);
      const expected = squeeze(actual);
      ctx.report({
        messageId: 'brokenForm',
        data: { kind: 'URL', actual, expected },
        side: 'target',
        range: [m.index, m.index + actual.length],
        actual,
        expected,
        fix: { side: 'target', range: [m.index, m.index + actual.length], text: expected },
      });
    }

    const src = source === null ? [] : extractUrls(source);
    const dangling = DANGLING.exec(target.trimEnd());
    const lastTargetLink = tgt.at(-1);
    const danglingAt = dangling ? target.trimEnd().length - dangling[0].length : -1;
    // Only a link announced at the very end with no link after it; "this http URL" (arXiv's
    // placeholder) is in both texts and has nothing to lose.
    const danglingLost =
      dangling !== null &&
      (lastTargetLink === undefined || lastTargetLink.end <= danglingAt) &&
      !/http\s*URL/i.test(target.slice(Math.max(0, danglingAt - 12))) &&
      (source === null || src.some((a) => a.kind === 'url'));
    if (danglingLost) {
      const at = danglingAt;
      ctx.report({
        messageId: 'dangling',
        data: { phrase: target.slice(at).trim() },
        side: 'target',
        range: [at, target.trimEnd().length],
        actual: target.slice(at).trim(),
        ...(src.length > 0 ? { expected: (src.at(-1) as Anchor).text } : {}),
      });
    }
    if (source === null) return;

    const units = anchorUnits(ctx);
    const tgtKeys = new Set(tgt.map((a) => `${a.kind}:${a.key}`));
    const squeezed = squeeze(target);
    for (const s of src) {
      if (tgtKeys.has(`${s.kind}:${s.key}`) && brokenAt.size === 0) continue;
      // A fediverse handle (@user29@example.engineer) reads as an e-mail after its @: it addresses someone,
      // like an @mention, and translators drop or localise it (WMT24 refA drops it, rated error-free).
      if (s.kind === 'email' && source[s.start - 1] === '@') continue;
      const kind = KIND_NAME[s.kind] ?? s.kind;
      const keyText = s.kind === 'url' ? s.key : s.text;
      // Kept verbatim but not extracted the same way (e.g. the scheme dropped, or glued Han cut it).
      if (s.kind !== 'arxiv' && target.includes(keyText) && brokenAt.size === 0) continue;
      if (s.kind === 'arxiv' && target.includes(s.key)) continue;
      if (danglingLost && s === src.at(-1)) continue;
      const unitIndex = unitAt(units, 'source', s.start);
      const unit = units[unitIndex];
      // Broken by spaces or full-width forms: the squeezed target still holds it.
      const squeezedKey = squeeze(keyText);
      if (brokenAt.size > 0 && squeezed.includes(squeezedKey)) continue;
      if (squeezed.includes(squeezedKey)) {
        const first = squeezedKey.slice(0, Math.min(6, squeezedKey.length));
        const near = toHalfWidth(target).replace(/[：／]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
        const at = Math.max(0, near.indexOf(first.slice(0, 4)));
        let end = at;
        let taken = 0;
        while (end < target.length && taken < squeezedKey.length) {
          if (!/\s/.test(target[end] as string)) taken++;
          end++;
        }
        const written = target.slice(at, end);
        const same = squeeze(written) === squeezedKey;
        ctx.report({
          messageId: same ? 'brokenForm' : 'altered',
          data: { kind, actual: written, expected: s.text },
          side: 'target',
          range: [at, end],
          actual: written,
          expected: s.text,
          ...(same ? { fix: { side: 'target' as const, range: [at, end] as [number, number], text: s.text } } : {}),
        });
        continue;
      }
      // Same kind, same start, different rest: altered; otherwise missing.
      const similar = tgt.find((t) => t.kind === s.kind && t.key.slice(0, 8) === s.key.slice(0, 8));
      if (similar) {
        ctx.report({
          messageId: 'altered',
          data: { kind, actual: similar.text, expected: s.text },
          side: 'target',
          range: [similar.start, similar.end],
          actual: similar.text,
          expected: s.text,
        });
      } else if (unit?.target && unit.targetSentence !== undefined) {
        ctx.report({
          messageId: 'missing',
          data: { kind, link: s.text },
          side: 'target',
          range: unit.target,
          sentence: unit.targetSentence,
          expected: s.text,
        });
      } else {
        ctx.report({ messageId: 'missing', data: { kind, link: s.text }, side: 'source', range: [s.start, s.end], expected: s.text });
      }
    }
  },
});
