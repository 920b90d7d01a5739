import type { Command } from 'commander';
import { UserError } from '../errors.js';

// Placeholder: the `explain` command lands with its issue.
export function registerExplain(program: Command): void {
  program
    .command('explain')
    .description('(not yet available)')
    .allowUnknownOption()
    .action(() => {
      throw new UserError('`explain` is not available yet');
    });
}
