import type { Command } from 'commander';
import { UserError } from '../errors.js';

// Placeholder: the `gazetteer` command lands with its issue.
export function registerGazetteer(program: Command): void {
  program
    .command('gazetteer')
    .description('(not yet available)')
    .allowUnknownOption()
    .action(() => {
      throw new UserError('`gazetteer` is not available yet');
    });
}
