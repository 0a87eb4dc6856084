import type { Command } from 'commander';
import { listSubtree } from '../../modules/orgs/find-orgs.js';
import { buildTree, type TreeNode } from '../../modules/orgs/tree.js';
import { countMembersByOrg, subtreeTotals } from '../../modules/members/count-members-by-org.js';
import type { OrgView } from '../../modules/orgs/orgs.schema.js';
import { printJson, println, withSession, type GlobalOptions } from '../runtime.js';

export function registerOrgs(program: Command, globals: () => GlobalOptions): void {
  program
    .command('orgs')
    .description('显示组织树（含各组织党员数）')
    .option('--org <代码>', '只显示该组织及其下级组织')
    .option('--depth <层数>', '最多显示的层数', (v) => Number(v))
    .action(async (opts: { org?: string; depth?: number }) => {
      const g = globals();
      await withSession(g, async ({ ctx }) => {
        const orgs = await listSubtree(ctx, opts.org);
        const own = await countMembersByOrg(ctx, orgs[0]?.path && opts.org ? orgs[0].path : undefined);
        const totals = subtreeTotals(orgs, own);
        const withCounts = orgs.map((o) => ({ ...o, members: own.get(o.id) ?? 0, membersInSubtree: totals.get(o.id) ?? 0 }));
        if (g.json) {
          printJson(withCounts);
          return;
        }
        const roots = buildTree(withCounts);
        const maxDepth = opts.depth && opts.depth > 0 ? opts.depth : Infinity;
        const lines: string[] = [];
        const walk = (nodes: TreeNode<(typeof withCounts)[number]>[], prefix: string, level: number) => {
          nodes.forEach((n, i) => {
            const last = i === nodes.length - 1;
            const o = n.node;
            lines.push(`${prefix}${level === 0 ? '' : last ? '└─ ' : '├─ '}${label(o)}  党员${o.membersInSubtree}名`);
            if (level + 1 < maxDepth) walk(n.children, level === 0 ? '' : prefix + (last ? '   ' : '│  '), level + 1);
          });
        };
        walk(roots, '', 0);
        for (const l of lines) println(l);
        println(`共${orgs.length}个组织`);
      });
    });
}

function label(o: OrgView): string {
  const notes = [o.code, o.kind, o.sector];
  if (o.committeeSize) notes.push(`支委会${o.committeeSize}人`);
  if (o.termExtendedTo) notes.push(`延期换届至${o.termExtendedTo}`);
  return `${o.name}（${notes.join('，')}）`;
}
