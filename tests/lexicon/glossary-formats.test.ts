// User glossaries in TBX (ISO 30042 TBX-Basic, TBX 2008 names) and CSV: parsing, classes, errors naming file and line.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/core/errors.js';
import { parseGlossaryCsv, parseGlossaryTbx } from '../../src/lexicon/glossary-formats.js';
import { loadGlossary, readGlossaryFile } from '../../src/lexicon/glossary.js';

const tbx = `<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dct" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader><fileDesc><sourceDesc><p>test</p></sourceDesc></fileDesc></tbxHeader>
  <text>
    <body>
      <conceptEntry id="c1">
        <descrip type="definition">a model of sequential decisions with slot machines</descrip>
        <langSec xml:lang="en">
          <termSec><term>widget bandit</term></termSec>
          <termSec><term>widget bandits problem</term></termSec>
        </langSec>
        <langSec xml:lang="zh-CN">
          <termSec><term>部件老虎机</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
          <termSec><term>部件赌博机</term><termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></termSec>
          <termSec><term>部件强盗</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec>
        </langSec>
      </conceptEntry>
      <conceptEntry id="c2">
        <langSec xml:lang="en"><termSec><term>gizmo loss</term></termSec></langSec>
        <langSec xml:lang="zh"><termSec><term>小发明损失</term></termSec></langSec>
      </conceptEntry>
    </body>
  </text>
</tbx>
`;

describe('TBX glossaries', () => {
  it('reads concept entries: English term and aliases, accepted and deprecated Chinese terms, the definition as note', () => {
    const [a, b] = parseGlossaryTbx(tbx, 'terms.tbx');
    expect(a).toEqual({
      en: 'widget bandit',
      aliases: ['widget bandits problem'],
      zh: ['部件老虎机', '部件赌博机'],
      wrong: ['部件强盗'],
      note: 'a model of sequential decisions with slot machines',
    });
    expect(b).toEqual({ en: 'gizmo loss', aliases: [], zh: ['小发明损失'], wrong: [] });
  });
  it('reads TBX 2008 names (termEntry, langSet, tig)', () => {
    const old = '<martif type="TBX"><text><body><termEntry><langSet xml:lang="en"><tig><term>gizmo</term></tig></langSet>' +
      '<langSet xml:lang="zh"><tig><term>小发明</term></tig><tig><term>小玩意</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig></langSet></termEntry></body></text></martif>';
    expect(parseGlossaryTbx(old, 'old.tbx')).toEqual([{ en: 'gizmo', aliases: [], zh: ['小发明'], wrong: ['小玩意'] }]);
  });
  it('names file and line of malformed XML', () => {
    expect(() => parseGlossaryTbx('<tbx>\n<text>\n<body>\n</tbx>', 'bad.tbx')).toThrow(/bad\.tbx:4/);
    expect(() => parseGlossaryTbx('<tbx>\n<text>\n<body>\n</tbx>', 'bad.tbx')).toThrow(ConfigError);
  });
  it('names file and line of an entry without English or without an accepted Chinese term', () => {
    const noEn = '<tbx><text><body>\n<conceptEntry>\n<langSec xml:lang="zh"><termSec><term>甲</term></termSec></langSec></conceptEntry></body></text></tbx>';
    expect(() => parseGlossaryTbx(noEn, 'x.tbx')).toThrow(/x\.tbx:2: .*no English term/);
    const noZh = '<tbx><text><body>\n\n<conceptEntry><langSec xml:lang="en"><termSec><term>a</term></termSec></langSec>' +
      '<langSec xml:lang="zh"><termSec><term>乙</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec></langSec></conceptEntry></body></text></tbx>';
    expect(() => parseGlossaryTbx(noZh, 'y.tbx')).toThrow(/y\.tbx:3: .*no accepted Chinese term/);
  });
  it('is picked by extension through --glossary and its deprecated terms are reported', () => {
    const dir = mkdtempSync(join(tmpdir(), 'transcheck-tbx-'));
    const file = join(dir, 'terms.tbx');
    writeFileSync(file, tbx);
    expect(readGlossaryFile(file)[0]?.en).toBe('widget bandit');
    const found = loadGlossary([file]).matchWrongTarget('我们研究部件强盗。');
    expect(found.map((m) => `${m.entry.en}:${m.wrong}:${m.kind}`)).toEqual(['widget bandit:部件强盗:sense']);
  });
});

describe('CSV glossaries', () => {
  it('reads a header row in any column order, several values per cell, TSV marks for classes, quoted fields', () => {
    const csv = 'note,zh,en,wrong\n"a note, with a comma",部件|构件,widget,~小部件|?零件\n,小发明,gizmo,\n';
    expect(parseGlossaryCsv(csv, 'g.csv')).toEqual([
      { en: 'widget', aliases: [], zh: ['部件', '构件'], wrong: ['小部件', '零件'], nonstandard: ['小部件'], ambiguous: ['零件'], note: 'a note, with a comma' },
      { en: 'gizmo', aliases: [], zh: ['小发明'], wrong: [] },
    ]);
  });
  it('names file and line of a missing header column, an empty term, a clash and an unterminated quote', () => {
    expect(() => parseGlossaryCsv('english,foo\nx,y\n', 'a.csv')).toThrow(/a\.csv:1: .*`en` and a `zh`/);
    expect(() => parseGlossaryCsv('en,zh\nx,甲\n,乙\n', 'b.csv')).toThrow(/b\.csv:3: empty English term/);
    expect(() => parseGlossaryCsv('en,zh,wrong\nx,甲,甲\n', 'c.csv')).toThrow(/c\.csv:2: .*both accepted and wrong/);
    expect(() => parseGlossaryCsv('en,zh\nx,甲\n"y,乙\n', 'd.csv')).toThrow(/d\.csv:3: unterminated/);
  });
});
