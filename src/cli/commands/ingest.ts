import type { Command } from 'commander';
import { UserError } from '../errors.js';

// Placeholder: the `ingest` command lands with its issue.
export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description('(not yet available)')
    .allowUnknownOption()
    .action(() => {
      throw new UserError('`ingest` is not available yet');
    });
}
