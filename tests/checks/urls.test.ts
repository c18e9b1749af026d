// Valid and invalid cases of the `urls` check.
import urls from '../../src/checks/urls.js';
import { testCheck } from '../helpers/check-tester.js';

testCheck(urls, {
  valid: [
    { name: 'same URL', source: 'Code is at https://github.com/a/b.', target: '代码位于https://github.com/a/b 。' },
    { name: 'scheme dropped', source: 'See https://github.com/a/b', target: '见github.com/a/b' },
    { name: 'arXiv placeholder', source: 'available at this http URL', target: '可以在这个http URL中找到' },
    { name: 'target-only, clean link', target: '代码见 https://github.com/a/b 。' },
    { name: 'arXiv id with full-width colon', source: 'see arXiv:1411.4952', target: '见arXiv：1411.4952' },
    { name: 'e-mail and DOI', source: 'Mail a@b.org, doi 10.1145/3368089.3409741', target: '邮件a@b.org，doi 10.1145/3368089.3409741' },
    // WMT24 refA (social), rated error-free: a fediverse handle is an address to someone, not a link.
    { name: 'a dropped fediverse handle', source: '@user29@user30.engineer omg people actually use that outside of trig class???', target: '@user29@user30 天哪，人们真的会在三角函数课外的场合用到它？？？' },
  ],
  invalid: [
    { name: 'a dropped e-mail address', source: 'Write to user29@user30.engineer for the data.', target: '数据请写信索取。', findings: [{ messageId: 'missing' }] },
    {
      name: 'Chinese glued to a URL (target-only)',
      target: '代码可以在https://github.com/ispc-lab/bmd上找到。',
      findings: [{ messageId: 'glued', severity: 'minor', side: 'target', range: [5, 36], actual: 'https://github.com/ispc-lab/bmd上找到', fixed: '代码可以在https://github.com/ispc-lab/bmd 上找到。' }],
    },
    {
      name: 'missing URL',
      source: 'Our code is available at https://github.com/a/b. It is fast.',
      target: '我们的代码已公开。它很快。',
      findings: [{ messageId: 'missing', data: { kind: 'URL', link: 'https://github.com/a/b' } }],
    },
    {
      name: 'URL broken by spaces',
      source: 'Code: https://github.com/a/b',
      target: '代码：https：// github.com/a/b',
      // Every character there, full-width or spaced out: minor since 2026-12-03, with the fix.
      findings: [{ messageId: 'brokenForm', severity: 'minor', actual: 'https：// github.com/a/b', fixed: '代码：https://github.com/a/b' }],
    },
    {
      name: 'URL altered',
      source: 'Code: https://github.com/abc/defg',
      target: '代码：https://github.com/abc/dfg',
      findings: [{ messageId: 'altered', actual: 'https://github.com/abc/dfg', expected: 'https://github.com/abc/defg' }],
    },
    {
      name: 'link lost at the end',
      source: 'The data is available at https://x.org/data',
      target: '数据可以在以下网址获得。',
      findings: [{ messageId: 'dangling', side: 'target', actual: '网址获得。' }],
    },
    {
      name: 'arXiv id changed',
      source: 'see arXiv:1411.4952',
      target: '见arXiv：1411.4958',
      findings: [{ messageId: 'altered', actual: 'arXiv：1411.4958' }],
    },
  ],
});
