// Check `duplicate`: the same translation text found in several places of the run (informational).
import { defineCheck } from '../core/check.js';

export default defineCheck({
  meta: {
    id: 'duplicate',
    description: 'Notes that the same translation occurs in several places or files of the run.',
    category: 'other',
    scope: 'document',
    needs: 'target',
    defaultSeverity: 'info',
    messages: {
      duplicate: 'Found the same text in `{{count}}` other place(s): `{{locations}}`, expected it once',
    },
  },
  run(ctx) {
    const others = ctx.duplicates ?? [];
    if (others.length === 0) return;
    const locations = others.map((d) => `${d.file}:${d.lines[0]}-${d.lines[1]}`).join(', ');
    ctx.report({ messageId: 'duplicate', data: { count: others.length, locations }, side: 'pair', actual: locations });
  },
});
