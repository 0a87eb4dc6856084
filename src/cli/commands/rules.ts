import type { Command } from 'commander';
import { describeRules } from '../../rules/describe-rules.js';
import { describeSettings, loadRuleSettings, setRuleSetting, type SettingValue, type SettingView } from '../../rules/settings.js';
import { printJson, println, withSession, type GlobalOptions } from '../runtime.js';
import { formatTable } from '../table.js';

function show(v: SettingValue): string {
  return typeof v === 'boolean' ? (v ? '是' : '否') : String(v);
}

function describeChange(s: SettingView): string {
  return `${s.key}（${s.label}）= ${show(s.value)}${s.changed ? `（默认 ${show(s.default)}）` : '（默认值）'}`;
}

export function registerRules(program: Command, globals: () => GlobalOptions): void {
  const rules = program.command('rules').description('规则：列出规则集和规则（依据、可信度），查看和修改本系统的规则设置');

  rules
    .command('list', { isDefault: true })
    .description('列出每个规则集和规则：类别、违反时提醒或否决、依据及其可信度、未核实的参数（默认子命令）')
    .action(async () => {
      const g = globals();
      await withSession(g, async ({ ctx }) => {
        const catalog = await describeRules(ctx);
        if (g.json) {
          printJson(catalog);
          return;
        }
        for (const set of catalog.ruleSets) {
          const dates = [set.issuedOn && `${set.issuedOn}发布`, set.effectiveFrom && `${set.effectiveFrom}起施行`].filter(Boolean).join('，');
          println(`【${set.title}】${set.regulation}${dates ? `（${dates}）` : ''} — ${set.certaintyLabel}`);
          if (set.note) println(`  ${set.note}`);
          println(
            formatTable(
              ['规则编号', '规则', '类别', '违反时', '依据', '可信度', '未核实', '启用'],
              set.rules.map((r) => [r.id, r.title, r.familyLabel, r.enforcementLabel, r.citation, r.certaintyLabel, r.unverified.join('、'), r.enabled ? '是' : '否']),
            ),
          );
          println();
        }
        const t = catalog.thresholds;
        println(`监测通报：综合落实率达到${t.greenAt}%为绿，低于${t.redBelow}%为红；${t.dueDays}天内到期的事项列为“即将到期”。`);
        println('修改设置：dangjian rules settings 查看设置项，dangjian rules set 设置项 取值，dangjian rules reset 设置项。');
      });
    });

  rules
    .command('settings')
    .description('列出规则设置项（当前值与默认值）')
    .action(async () => {
      const g = globals();
      await withSession(g, async ({ ctx }) => {
        const settings = describeSettings(await loadRuleSettings(ctx));
        if (g.json) {
          printJson(settings);
          return;
        }
        println(formatTable(['设置项', '说明', '当前值', '默认值'], settings.map((s) => [s.key, s.label, `${show(s.value)}${s.changed ? ' *' : ''}`, show(s.default)])));
        println(`共${settings.length}项，* 为已修改`);
      });
    });

  rules
    .command('set')
    .description('修改一个规则设置项（记入审计日志）')
    .argument('<设置项>', '设置项，如 notice.greenAt、life.lesson.every（用 dangjian rules settings 查看）')
    .argument('<取值>', '整数；true/false（是/否）；month/quarter/half/year；或日期 YYYY-MM-DD')
    .action(async (key: string, value: string) => {
      const g = globals();
      await withSession(g, async ({ ctx }) => {
        const s = await setRuleSetting(ctx, key, value);
        if (g.json) printJson(s);
        else println(`已修改：${describeChange(s)}`);
      });
    });

  rules
    .command('reset')
    .description('把一个规则设置项恢复为默认值（记入审计日志）')
    .argument('<设置项>')
    .action(async (key: string) => {
      const g = globals();
      await withSession(g, async ({ ctx }) => {
        const s = await setRuleSetting(ctx, key, null);
        if (g.json) printJson(s);
        else println(`已恢复默认值：${describeChange(s)}`);
      });
    });
}
