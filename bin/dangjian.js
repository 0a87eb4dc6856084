#!/usr/bin/env node
// The `dangjian` command. Runs the compiled CLI (built by `npm install` through the `prepare` script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const compiled = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
if (!existsSync(compiled)) {
  console.error('未找到编译后的程序（dist/）。请先运行 npm install 或 npm run build。');
  process.exit(1);
}
const { main } = await import(compiled);
process.exitCode = await main(process.argv);
