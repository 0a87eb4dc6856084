import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { AppError } from '../shared/errors.js';
import { reportError, type GlobalOptions } from './runtime.js';
import { registerMigrate } from './commands/migrate.js';
import { registerDemo } from './commands/demo.js';
import { registerImport } from './commands/import.js';
import { registerExport } from './commands/export.js';
import { registerOrgs } from './commands/orgs.js';
import { registerMembers } from './commands/members.js';
import { registerServe } from './commands/serve.js';
import { registerAudit } from './commands/audit.js';
import { registerUser } from './commands/user.js';
import { registerCheck } from './commands/check.js';
import { registerDue } from './commands/due.js';
import { registerDues } from './commands/dues.js';
import { registerFigures } from './commands/figures.js';
import { registerFigureSets } from './commands/figure-sets.js';
import { registerIndicators } from './commands/indicators.js';
import { registerService } from './commands/service.js';
import { registerHonors } from './commands/honors.js';
import { registerDonations } from './commands/donations.js';
import { registerRatings } from './commands/ratings.js';
import { registerInspections } from './commands/inspections.js';
import { registerStudy, registerTraining } from './commands/study.js';
import { registerTasks } from './commands/tasks.js';
import { registerRules } from './commands/rules.js';
import { registerWeakSuggest } from './commands/weak-suggest.js';
import { registerDisclosures } from './commands/disclosures.js';
import { registerCadres } from './commands/cadres.js';
import { registerPublicity } from './commands/publicity.js';

const TITLES: Record<string, string> = { 'Usage:': '用法：', 'Options:': '选项：', 'Commands:': '命令：', 'Arguments:': '参数：', 'Global Options:': '全局选项：' };

function version(): string {
  try {
    return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

/** Commander's own parse errors, in Chinese, with our stable codes. */
function commanderMessage(err: CommanderError): string {
  const quoted = /'([^']+)'/.exec(err.message)?.[1] ?? '';
  switch (err.code) {
    case 'commander.unknownOption':
      return `未知选项 ${quoted}（用 --help 查看可用选项）`;
    case 'commander.unknownCommand':
      return `未知命令 ${quoted}（用 dangjian --help 查看可用命令）`;
    case 'commander.missingArgument':
      return `缺少参数 ${quoted}`;
    case 'commander.optionMissingArgument':
      return `选项 ${quoted} 缺少取值`;
    case 'commander.missingMandatoryOptionValue':
      return `缺少必填选项 ${quoted}`;
    case 'commander.excessArguments':
      return '参数过多（用 --help 查看用法）';
    case 'commander.invalidArgument':
      return `参数无效：${err.message}`;
    default:
      return err.message;
  }
}

export function buildProgram(): { program: Command; globals: () => GlobalOptions } {
  const program = new Command('dangjian');
  const globals = (): GlobalOptions => program.opts<GlobalOptions>();
  program
    .description('党建工作平台命令行：数据库、演示县、导入导出、组织与党员查询、监测通报与待办事项、HTTP 服务')
    .version(version(), '-V, --version', '显示版本号')
    .helpOption('-h, --help', '显示帮助')
    .helpCommand('help [命令]', '显示某个命令的帮助')
    .option('--db <文件或连接串>', 'SQLite 数据库文件，或 postgres:// 连接串（默认 DANGJIAN_DATABASE_URL，或 ./data/dangjian.db）')
    .option('--json', '以 JSON 输出结果')
    .configureHelp({ styleTitle: (t: string) => TITLES[t] ?? t, showGlobalOptions: true })
    .configureOutput({ outputError: () => undefined })
    .exitOverride()
    .showSuggestionAfterError(false);
  for (const register of [registerMigrate, registerDemo, registerImport, registerExport, registerOrgs, registerMembers, registerCheck, registerDue, registerDues, registerFigures, registerFigureSets, registerIndicators, registerService, registerHonors, registerDonations, registerRatings, registerInspections, registerStudy, registerTraining, registerTasks, registerRules, registerWeakSuggest, registerDisclosures, registerCadres, registerPublicity, registerUser, registerAudit, registerServe]) {
    register(program, globals);
  }
  const localize = (cmd: Command): void => {
    cmd.helpOption('-h, --help', '显示帮助').configureHelp({ styleTitle: (t: string) => TITLES[t] ?? t, showGlobalOptions: true });
    if (cmd.commands.length > 0) cmd.helpCommand('help [命令]', '显示某个命令的帮助');
    cmd.commands.forEach(localize);
  };
  program.commands.forEach(localize);
  return { program, globals };
}

/** Runs the CLI; returns the exit code (0 success, 1 unexpected, 2 bad input, 3 not found, 4 conflict, 5 configuration). */
export async function main(argv: string[]): Promise<number> {
  const { program } = buildProgram();
  const json = argv.includes('--json');
  // `dangjian check | head`: a reader that stops early closes the pipe; that ends the output, it is not a failure.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
      return reportError(new AppError('FIELD_INVALID', commanderMessage(err)), json);
    }
    return reportError(err, json);
  }
}
