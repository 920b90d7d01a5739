#!/usr/bin/env node
// Entry point for `npx sitrep`: registers tsx so the TypeScript sources run as they are.
import { register } from 'node:module';
import { pathToFileURL } from 'node:url';

register('tsx/esm', pathToFileURL('./'));
await import('../src/cli/main.ts');
