/**
 * The rating schemes shipped with the program (domain-rules §5). They live here, in code, and are listed together
 * with a deployment's own schemes from rating_schemes; they are never written to that table (so a corrected builtin
 * reaches every deployment with the next release, and a deployment's own stays its own). Their codes are reserved: a
 * deployment that sets other thresholds creates its own scheme under another code (a copy of one of these, changed).
 *
 * Certainty (domain-rules legend): ✅ V the 7 indicators, the 100-point scale, 好 ≥90 and 较好 80–89 of the central
 * pattern; ⚠️ L (local practice, configurable) its lower bands, the satisfaction rule and each indicator's points;
 * the star scheme is one city's practice (Example C) whose indicator names the source does not give.
 */
import type { SchemeConfig } from './ratings.schema.js';

export interface BuiltinScheme {
  code: string;
  name: string;
  kind: '分类定级' | '星级';
  config: SchemeConfig;
}

export const CENTRAL_SCHEME_CODE = 'central-2012';
export const STAR_SCHEME_CODE = 'five-star';

export const BUILTIN_SCHEMES: readonly BuiltinScheme[] = [
  {
    code: CENTRAL_SCHEME_CODE,
    name: '基层党组织分类定级（中央指导意见模式）',
    kind: '分类定级',
    config: {
      total: 100,
      indicators: [
        { key: 'leader', name: '党组织带头人', max: 20 },
        { key: 'approach', name: '工作思路', max: 10 },
        { key: 'rules', name: '工作制度', max: 15 },
        { key: 'venue', name: '活动阵地', max: 10 },
        { key: 'support', name: '保障机制', max: 10 },
        { key: 'performance', name: '工作业绩', max: 20 },
        { key: 'public', name: '群众评价', max: 15 },
      ],
      bands: [
        { grade: '好', min: 90 },
        { grade: '较好', min: 80 },
        { grade: '一般', min: 60 },
        { grade: '较差', min: 0 },
      ],
      quotas: [],
      vetoes: [],
      conditions: [{ kind: 'satisfaction', below: 90, notGrades: ['好', '较好'], text: '群众满意率低于90%的不能定为好、较好' }],
      source: '中组部办公厅《关于做好基层党组织分类定级工作的指导意见》（组厅字〔2012〕6号）',
      notes: [
        '中央文件：7项指标（党组织带头人、工作思路、工作制度、活动阵地、保障机制、工作业绩、群众评价），百分制，好（90分以上）、较好（80–89分）；方法为支部自评、党员群众测评、上级评定、核准定级。',
        '地方做法（可另设方案调整）：一般（60–79分）、较差（60分以下）两档分数线；“群众满意率低于90%不能定为好、较好”；各项指标分值（20、10、15、10、10、20、15）。',
      ],
    },
  },
  {
    code: STAR_SCHEME_CODE,
    name: '五星创评（星级管理）',
    kind: '星级',
    config: {
      total: 110,
      indicators: [
        { key: 'team', name: '班子建设', max: 15 },
        { key: 'members', name: '党员队伍', max: 15 },
        { key: 'orglife', name: '组织生活', max: 15 },
        { key: 'rules', name: '制度落实', max: 10 },
        { key: 'venue', name: '阵地建设', max: 10 },
        { key: 'service', name: '服务群众', max: 15 },
        { key: 'development', name: '发展成效', max: 15 },
        { key: 'innovation', name: '创新特色', max: 15 },
      ],
      bands: [
        { grade: '五星', min: 90 },
        { grade: '四星', min: 80 },
        { grade: '三星', min: 70 },
        { grade: '二星', min: 60 },
        { grade: '一星', min: 0 },
      ],
      quotas: [
        { grade: '五星', maxShare: 10 },
        { grade: '四星', maxShare: 30 },
        { grade: '三星', maxShare: 40 },
      ],
      vetoes: [],
      conditions: [
        { kind: 'requires', item: 'innovation_project', itemText: '党建创新项目', grades: ['五星'], text: '90分以上且有党建创新项目的方可评为五星' },
      ],
      source: '某市委组织部“五星创评”方案（domain-rules §5 Example C）',
      notes: [
        '地方做法：8项指标共110分；90分以上且有党建创新项目为五星（约10%），80–90分四星（约30%），70–80分三星（约40%），60–70分二星，60分以下一星。',
        '原方案未列出8项指标的名称和分值，此处的指标名称和分值为示例，部署时可另设方案替换。',
      ],
    },
  },
];

export function builtinScheme(code: string): BuiltinScheme | undefined {
  return BUILTIN_SCHEMES.find((s) => s.code === code);
}
