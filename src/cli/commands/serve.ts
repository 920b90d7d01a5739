import type { Command } from 'commander';
import { UserError } from '../errors.js';

// Placeholder: the `serve` command lands with its issue.
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('(not yet available)')
    .allowUnknownOption()
    .action(() => {
      throw new UserError('`serve` is not available yet');
    });
}
