// Runs the test files listed in test/files.txt with node's test runner through tsx, and fails when a
// listed file is missing or when zero tests ran (node 20 exits 0 on an empty run).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const only = process.argv.slice(2);
const listed = readFileSync('test/files.txt', 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith('#'));
const files = only.length ? listed.filter((f) => only.some((o) => f.includes(o))) : listed;
const missing = files.filter((f) => !existsSync(f));
if (missing.length) {
  console.error(`test files listed in test/files.txt but missing: ${missing.join(', ')}`);
  process.exit(1);
}
if (!files.length) {
  console.error('no test files to run');
  process.exit(1);
}
const tap = join(mkdtempSync(join(tmpdir(), 'sitrep-test-')), 'report.tap');
const result = spawnSync(
  process.execPath,
  [
    '--import', 'tsx', '--test', '--test-concurrency=1',
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=tap', `--test-reporter-destination=${tap}`,
    ...files,
  ],
  { stdio: 'inherit' },
);
const report = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
const count = (name) => Number(report.match(new RegExp(`^# ${name} (\\d+)`, 'm'))?.[1] ?? 0);
const tests = count('tests');
console.log(`\n${files.length} files, ${tests} tests, ${count('pass')} passed, ${count('fail')} failed`);
if (tests === 0) {
  console.error('zero tests ran: treating as a failure');
  process.exit(1);
}
process.exit(result.status ?? 1);
