import type { Command } from 'commander';
import { UserError } from '../errors.js';

// Placeholder: the `demo` command lands with its issue.
export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('(not yet available)')
    .allowUnknownOption()
    .action(() => {
      throw new UserError('`demo` is not available yet');
    });
}
