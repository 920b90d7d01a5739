#!/usr/bin/env node
// Entry point for `npx sitrep`: registers tsx (resolved from this package) so the TypeScript sources
// run as they are, without a build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
