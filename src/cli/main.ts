/**
 * `sitrep` command line: one file per command under commands/, each registering itself here.
 */
import { Command, CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import { dataPath } from '../model/data-files.js';
import { UserError, EXIT_INTERNAL } from './errors.js';
import { registerExtract } from './commands/extract.js';
import { registerEval } from './commands/eval.js';
import { registerIngest } from './commands/ingest.js';
import { registerServe } from './commands/serve.js';
import { registerExport } from './commands/export.js';
import { registerExplain } from './commands/explain.js';
import { registerGazetteer } from './commands/gazetteer.js';
import { registerDemo } from './commands/demo.js';

const { version } = JSON.parse(readFileSync(dataPath('package.json'), 'utf8')) as { version: string };

const program = new Command('sitrep')
  .description('Turn raw conflict news into a structured, geolocated, sourced event database.')
  .version(version)
  .exitOverride()
  .showHelpAfterError('(add --help for usage)');

for (const register of [
  registerExtract,
  registerIngest,
  registerServe,
  registerExport,
  registerExplain,
  registerGazetteer,
  registerEval,
  registerDemo,
]) {
  register(program);
}

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else if (error instanceof UserError) {
    process.stderr.write(`sitrep: ${error.message}\n`);
    process.exitCode = error.exitCode;
  } else {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`sitrep: internal error: ${message}\n`);
    if (process.env.SITREP_DEBUG) console.error(error);
    process.exitCode = EXIT_INTERNAL;
  }
}
