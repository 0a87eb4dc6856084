import type { Command } from 'commander';
import { printJson, println, withSession, type GlobalOptions } from '../runtime.js';

export function registerMigrate(program: Command, globals: () => GlobalOptions): void {
  program
    .command('migrate')
    .description('创建或升级数据库结构（每个命令启动时也会自动执行）')
    .action(async () => {
      const g = globals();
      await withSession(g, async ({ handle, migrated }) => {
        if (g.json) printJson({ engine: handle.engine, location: handle.location, applied: migrated });
        else if (migrated.length) println(`数据库 ${handle.location} 已升级：${migrated.join('、')}`);
        else println(`数据库 ${handle.location} 已是最新结构`);
      });
    });
}
