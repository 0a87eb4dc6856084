import type { Command } from 'commander';
import { buildApp } from '../../server/app.js';
import { isDatabaseEmpty, generateDemo } from '../../modules/demo/generate-demo.js';
import { describeAccounts, describeSummary } from './demo.js';
import { createDemoAccounts } from '../../modules/demo/demo-accounts.js';
import { ensureFirstAdmin } from '../../modules/users/ensure-first-admin.js';
import { openSession, println, progressReporter, type GlobalOptions, type Session } from '../runtime.js';

/** Serves the HTTP API until interrupted. */
async function serve(session: Session): Promise<void> {
  const { config, ctx, handle } = session;
  const app = await buildApp({
    ctx,
    engine: handle.engine,
    cookieSecure: config.cookieSecure,
    trustProxy: config.trustProxy,
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
  });
  const shutdown = async () => {
    await app.close();
    await handle.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
  const firstAdmin = await ensureFirstAdmin(ctx);
  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const base = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`;
  println(`党建工作平台已启动：${base}`);
  println(`接口文档（OpenAPI）：${base}/api/docs  （JSON：${base}/api/openapi.json）`);
  println(`数据库：${handle.engine === 'sqlite' ? 'SQLite' : 'PostgreSQL'} ${handle.location}`);
  if (firstAdmin) {
    println(`已创建系统管理员账号 ${firstAdmin.username}，一次性密码：${firstAdmin.password}`);
    println('（此密码只显示这一次，首次登录后须修改；也可用 dangjian user passwd 重置）');
  }
  println('按 Ctrl+C 停止。');
}

export function registerServe(program: Command, globals: () => GlobalOptions): void {
  program
    .command('serve')
    .description('启动 HTTP 服务（接口与接口文档）')
    .option('--port <端口>', '监听端口（默认 3000，或 DANGJIAN_PORT）')
    .action(async (opts: { port?: string }) => {
      const session = await openSession(globals(), { port: opts.port });
      try {
        await serve(session);
      } catch (err) {
        await session.handle.close();
        throw err;
      }
    });

  program
    .command('start')
    .description('npm start 所用：创建数据库，库为空时载入演示县，然后启动 HTTP 服务')
    .option('--port <端口>', '监听端口（默认 3000，或 DANGJIAN_PORT）')
    .action(async (opts: { port?: string }) => {
      const g = globals();
      const session = await openSession(g, { port: opts.port });
      try {
        if (await isDatabaseEmpty(session.ctx)) {
          println(`数据库为空，正在生成演示县（${session.handle.location}）……`);
          const progress = progressReporter(Boolean(g.json));
          const started = performance.now();
          const summary = await generateDemo(session.ctx, { onProgress: progress.update });
          progress.stop();
          const accounts = await createDemoAccounts(session.ctx, summary.countyCode);
          println(`演示县已生成（用时${((performance.now() - started) / 1000).toFixed(1)}秒）：\n${describeSummary(summary)}`);
          println(describeAccounts(accounts));
        }
        await serve(session);
      } catch (err) {
        await session.handle.close();
        throw err;
      }
    });
}
