/**
 * Terms of grassroots organizations: 中办《关于党的基层组织任期的意见》 (2018-07) for the length (基层党委 5 years,
 * 总支、支部 3, 村和社区 5), and 《中国共产党基层组织选举工作条例》 (2020) for renewal on time and extensions of at most a
 * year. The reminders follow the practice the domain notes describe. domain-rules §2.
 */
import type { RuleSet } from '../types.js';

const ELECTION = '《中国共产党基层组织选举工作条例》';
const TERMS = '《关于党的基层组织任期的意见》';
const ELECTED = ['党委', '党总支', '党支部', '联合党支部'] as const;

export const TERMS_2018: RuleSet = {
  id: 'terms-2020',
  title: '基层组织任期与换届',
  regulation: `${TERMS}、${ELECTION}`,
  issuedOn: '2020-07-13',
  effectiveFrom: null,
  line: 'terms',
  certainty: 'verified',
  rules: [
    {
      id: 'setup.term-expiry',
      family: 'org-setup',
      title: '任期届满应当按期换届',
      appliesTo: { kinds: ELECTED, temporary: 'excluded' },
      requirement: { type: 'term-expiry' },
      enforcement: 'deadline',
      citation: { regulation: ELECTION, article: '第三条', certainty: 'verified', source: 'http://m.whcctv.net/col_dnfgk/202503/000B3736CCC9D20A0FD74FD516EBAC78.htm' },
    },
    {
      id: 'setup.term-extension',
      family: 'org-setup',
      title: '延期换届一般不超过1年',
      appliesTo: { kinds: ELECTED, temporary: 'excluded' },
      requirement: { type: 'term-extension', maxMonths: 12 },
      enforcement: 'interval',
      citation: { regulation: ELECTION, article: '第三条', certainty: 'verified', source: 'http://m.whcctv.net/col_dnfgk/202503/000B3736CCC9D20A0FD74FD516EBAC78.htm' },
    },
    {
      id: 'setup.term-remind-superior',
      family: 'org-setup',
      title: '上级党组织一般提前6个月提醒任期届满的下级组织换届',
      appliesTo: { kinds: ELECTED, temporary: 'excluded' },
      requirement: { type: 'term-reminder', monthsAhead: 6, notify: 'superior' },
      enforcement: 'deadline',
      citation: { regulation: TERMS, article: null, certainty: 'verified', source: 'http://m.terrymroczek.com/n1/2021/1227/c422419-32317900.html' },
      params: [{ name: 'monthsAhead', label: '提前提醒月数', kind: 'int', min: 1, max: 12 }],
    },
    {
      id: 'setup.term-remind-self',
      family: 'org-setup',
      title: '任期届满前2个月，支委会研究换届并向上级请示',
      appliesTo: { kinds: ELECTED, temporary: 'excluded' },
      requirement: { type: 'term-reminder', monthsAhead: 2, notify: 'self' },
      enforcement: 'deadline',
      citation: { regulation: '地方做法（换届工作通行做法）', article: null, certainty: 'local', source: 'https://m.wenke99.com/p-6153683.html' },
      params: [{ name: 'monthsAhead', label: '提前提醒月数', kind: 'int', min: 1, max: 6 }],
    },
  ],
};

/** Term length by kind and sector (《关于党的基层组织任期的意见》): used when an organization records none. */
export function defaultTermYears(kind: string, sector: string): number {
  if (sector === '农村' || sector === '社区') return 5;
  return kind === '党委' ? 5 : 3;
}
