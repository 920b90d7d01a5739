import type { Command } from 'commander';
import { UserError } from '../errors.js';
import { evalTaskNames, loadEvalTask } from '../../eval/registry.js';
import { existsSync } from 'node:fs';

export function registerEval(program: Command): void {
  program
    .command('eval')
    .description(`score the pipeline on a dataset; tasks: ${evalTaskNames.join(', ')}`)
    .argument('<task>', 'evaluation task')
    .argument('<path>', 'dataset file or folder')
    .requiredOption('--format <format>', 'dataset format')
    .option('--gold-spans', 'geo: resolve the gold toponym spans instead of recognising them')
    .action(async (taskName: string, path: string, opts: { format: string; goldSpans?: boolean }) => {
      const task = await loadEvalTask(taskName);
      if (!task) throw new UserError(`unknown eval task "${taskName}" (known: ${evalTaskNames.join(', ')})`);
      if (task.formats.length && !task.formats.includes(opts.format)) {
        throw new UserError(`eval ${taskName}: unknown format "${opts.format}" (known: ${task.formats.join(', ')})`);
      }
      if (!existsSync(path)) throw new UserError(`${path}: no such file or folder`);
      const { format, ...flags } = opts;
      const result = await task.run({ format, path, flags });
      process.stdout.write(JSON.stringify(result, null, 2) + '\n');
    });
}
