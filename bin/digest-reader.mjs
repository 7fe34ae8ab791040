#!/usr/bin/env node
// The digest-reader command: runs src/cli/main.ts (the same core as the app) through tsx.
import { register } from 'tsx/esm/api';

register();
const { run } = await import('../src/cli/main.ts');
process.exitCode = await run(process.argv.slice(2));
