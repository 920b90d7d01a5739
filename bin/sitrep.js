#!/usr/bin/env -S node --max-semi-space-size=64
// Entry point for `npx sitrep`: registers tsx (resolved from this package) so the TypeScript sources
// run as they are, without a build step. The flag gives V8 larger young-generation semi-spaces (64 MB):
// the pipeline allocates many short-lived objects (README, "Library").
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
