import type { Command } from 'commander';
import { UserError } from '../errors.js';

// Placeholder: the `export` command lands with its issue.
export function registerExport(program: Command): void {
  program
    .command('export')
    .description('(not yet available)')
    .allowUnknownOption()
    .action(() => {
      throw new UserError('`export` is not available yet');
    });
}
