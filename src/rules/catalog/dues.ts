/**
 * Party dues: 《关于中国共产党党费收缴、使用和管理的规定》 (中组发〔2008〕3号) and 党章第九条 (domain-rules §4): dues
 * are paid monthly (quarterly where the branch allowed it), back-payment reaches back at most 6 months, arrears of 3
 * months are reminded, and 6 consecutive months unpaid without good reason is for the branch meeting to decide on,
 * with the superior's approval — never removed by the system. Temporary branches collect no dues.
 */
import type { RuleSet } from '../types.js';

const REG = '《关于中国共产党党费收缴、使用和管理的规定》';
const STANDING = ['党支部', '联合党支部'] as const;

export const DUES_2008: RuleSet = {
  id: 'dues-2008',
  title: '党费收缴',
  regulation: REG,
  issuedOn: '2008-02-29',
  effectiveFrom: null,
  line: 'dues',
  certainty: 'verified',
  rules: [
    {
      id: 'members.dues-arrears',
      family: 'members',
      title: '党员无正当理由连续6个月不交纳党费（满3个月提醒、限期改正）',
      appliesTo: { kinds: STANDING, temporary: 'excluded' },
      requirement: { type: 'dues-arrears', months: 6, warnMonths: 3 },
      enforcement: 'interval',
      citation: { regulation: `${REG}、《中国共产党章程》第九条`, article: null, certainty: 'verified', source: 'http://ugaw.cn/mrwzrcdhc/rcdhjjfss' },
      params: [{ name: 'warnMonths', label: '提醒月数', kind: 'int', min: 1, max: 5 }],
    },
    {
      id: 'members.dues-backpay',
      family: 'members',
      title: '补交党费一般不超过6个月',
      appliesTo: { kinds: STANDING, temporary: 'excluded' },
      requirement: { type: 'dues-backpay', months: 6 },
      enforcement: 'deadline',
      citation: { regulation: REG, article: '第十二条', certainty: 'verified', source: 'http://uianet.net/dictionary/b6122672.html' },
    },
  ],
};
