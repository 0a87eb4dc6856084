/**
 * Supervision (issue 6): supervised tasks of the responsibility lists, the rectification ledger, and disclosures
 * against their catalogue (三务公开). The time limits themselves are set by the records (a task's or a problem's
 * deadline, an item's cadence): what the rules add is that they are kept.
 *
 * - Tasks: 《党委（党组）落实全面从严治党主体责任规定》 (中办, 2020-03-09; domain-rules §8.1 ✅) puts responsibility
 *   lists and their supervision (督促检查) on the committees; the article that says so is not verified here, and the
 *   deadline is the list's own (local).
 * - Rectification: 《中国共产党巡视工作条例》 (2017 revision) and the 巡察 rules built on it require rectification of
 *   what an inspection found. Not in domain-rules: text and article unverified (a further revision in 2024 is recalled,
 *   not checked).
 * - Disclosures: 《中华人民共和国村民委员会组织法》第三十条 (村务 at least quarterly, finances monthly where busy) ✅ and
 *   《农村集体经济组织财务公开规定》 (农业部·监察部 2011) ✅; 党务: 《中国共产党党务公开条例（试行）》第十五条 (提出 → 审核 →
 *   审批 → 实施) ✅ with no central frequency (the catalogue's cadence is local practice). The 15 days after a unit ends
 *   and the 10 days for a review are local practice (settings).
 */
import { ORG_KINDS } from '../../shared/vocab.js';
import type { Citation, RuleSet } from '../types.js';

const RESPONSIBILITY = '《党委（党组）落实全面从严治党主体责任规定》';
const INSPECTION = '《中国共产党巡视工作条例》';
const VILLAGE_LAW = '《中华人民共和国村民委员会组织法》';
const FINANCE = '《农村集体经济组织财务公开规定》';
const PARTY_AFFAIRS = '《中国共产党党务公开条例（试行）》';

/** The organizations that keep a disclosure catalogue's items: basic-level organizations (not temporary ones). */
const DISCLOSING = ['党总支', '党支部', '联合党支部'] as const;

/** The citation a disclosure finding carries, by the item's category (党务, 村务, 财务). */
export const DISCLOSURE_CITATIONS: Record<string, Citation> = {
  党务: { regulation: PARTY_AFFAIRS, article: '第十五条', certainty: 'local', source: 'http://219.146.67.246/jia/index/jpview1.html?cid=897283&id=24442' },
  村务: { regulation: VILLAGE_LAW, article: '第三十条', certainty: 'verified', source: 'http://crsrw.com/falvjiangtang/95197.html' },
  财务: { regulation: FINANCE, article: null, certainty: 'verified', source: 'http://big5.www.gov.cn/gate/big5/www.gov.cn//gzdt/2011-11/25/content_2003610.htm' },
};

export const RESPONSIBILITY_2020: RuleSet = {
  id: 'responsibility-2020',
  title: '责任清单和督办任务',
  regulation: RESPONSIBILITY,
  issuedOn: '2020-03-09',
  effectiveFrom: null,
  line: 'responsibility',
  certainty: 'verified',
  note: '任务的期限由责任清单、任务清单或督办通知确定；规定中关于督促检查的条目编号未核实',
  rules: [
    {
      id: 'tasks.overdue',
      family: 'supervision',
      title: '责任清单、任务清单和督办任务按期完成',
      appliesTo: { kinds: ORG_KINDS, temporary: 'included' },
      requirement: { type: 'task-deadline' },
      enforcement: 'deadline',
      citation: { regulation: RESPONSIBILITY, article: null, certainty: 'local', source: 'http://qfcw.net/djbg/info/1055/1175.html' },
      unverified: ['article'],
    },
  ],
};

export const INSPECTION_2017: RuleSet = {
  id: 'inspection-2017',
  title: '巡察督查问题整改',
  regulation: INSPECTION,
  issuedOn: null,
  effectiveFrom: null,
  line: 'inspection',
  certainty: 'unverified',
  note: '2017年修订（据回忆2024年再次修订，均未核实原文）；巡察、督查、监督检查、自查等发现问题的整改时限由整改台账确定',
  rules: [
    {
      id: 'rectification.overdue',
      family: 'supervision',
      title: '整改问题在整改时限内完成整改',
      appliesTo: { kinds: ORG_KINDS, temporary: 'included' },
      requirement: { type: 'rectification-deadline' },
      enforcement: 'deadline',
      citation: { regulation: INSPECTION, article: null, certainty: 'unverified' },
      unverified: ['article'],
    },
  ],
};

export const DISCLOSURE_2017: RuleSet = {
  id: 'disclosure-2017',
  title: '三务公开',
  regulation: `${VILLAGE_LAW}、${FINANCE}、${PARTY_AFFAIRS}`,
  issuedOn: null,
  effectiveFrom: null,
  line: 'disclosure',
  certainty: 'verified',
  note: '公开频次按本系统公开目录各事项的设定（村务至少每季度、财务往来较多的每月，为法定要求；党务公开无中央统一频次，为地方做法）；期末后公布天数和审核天数为地方做法，可设置',
  rules: [
    {
      id: 'disclosure.due',
      family: 'supervision',
      title: '按公开目录的频次按期公开，提出公开后及时审核',
      appliesTo: { kinds: DISCLOSING, temporary: 'excluded' },
      requirement: { type: 'disclosure-cadence', graceDays: 15, reviewDays: 10 },
      enforcement: 'deadline',
      citation: {
        regulation: `${VILLAGE_LAW}第三十条、${FINANCE}、${PARTY_AFFAIRS}第十五条`,
        article: null,
        certainty: 'verified',
        source: 'http://crsrw.com/falvjiangtang/95197.html',
      },
      params: [
        { name: 'graceDays', label: '期末后公布天数（地方做法）', kind: 'int', min: 0, max: 90 },
        { name: 'reviewDays', label: '提出公开后审核天数（地方做法）', kind: 'int', min: 1, max: 90 },
      ],
    },
  ],
};
