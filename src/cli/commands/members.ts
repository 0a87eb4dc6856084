import type { Command } from 'commander';
import { findMembers } from '../../modules/members/find-members.js';
import { memberListQuery } from '../../modules/members/members.schema.js';
import { parseInput } from '../../shared/validation.js';
import { printJson, println, withSession, type GlobalOptions } from '../runtime.js';
import { formatTable } from '../table.js';

export function registerMembers(program: Command, globals: () => GlobalOptions): void {
  program
    .command('members')
    .description('列出某组织（默认含下级组织）的党员，公民身份号码和手机号码脱敏显示')
    .requiredOption('--org <代码>', '组织代码')
    .option('--direct', '只列本组织的党员，不含下级组织')
    .option('--status <类别>', '预备党员 或 正式党员')
    .option('--name <姓名>', '按姓名筛选（包含）')
    .option('--include-left', '包括已离开（转出、死亡等）的党员')
    .option('--limit <条数>', '最多列出的条数（1–1000）', '50')
    .option('--offset <条数>', '跳过的条数', '0')
    .action(async (opts: { org: string; direct?: boolean; status?: string; name?: string; includeLeft?: boolean; limit: string; offset: string }) => {
      const g = globals();
      const query = parseInput(
        memberListQuery,
        { org: opts.org, subtree: !opts.direct, status: opts.status, name: opts.name, includeLeft: Boolean(opts.includeLeft), limit: opts.limit, offset: opts.offset },
        { org: '--org', status: '--status', name: '--name', limit: '--limit', offset: '--offset' },
      );
      await withSession(g, async ({ ctx }) => {
        const result = await findMembers(ctx, query);
        if (g.json) {
          printJson(result);
          return;
        }
        println(
          formatTable(
            // 编号: the member record's number, which `dangjian dues` and the API take.
            ['编号', '姓名', '性别', '公民身份号码', '出生日期', '所在组织', '党员类别', '入党日期', '手机号码'],
            result.items.map((m) => [String(m.id), m.name, m.gender, m.idNumberMasked, m.birthDate, m.orgName, m.status, m.joinedOn, m.phoneMasked]),
          ),
        );
        println(`共${result.total}名，显示第${query.offset + 1}–${query.offset + result.items.length}名`);
      });
    });
}
