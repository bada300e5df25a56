#!/usr/bin/env node
// The cm-appraisal command. `npm install` compiles the TypeScript CLI into one file
// (build/cli/main.js, by the `prepare` script, scripts/build-cli.js); the command runs that file
// when no source is newer than it, so it starts without compiling anything. Otherwise (a source
// edited since, or the bundle missing) it runs src/cli/main.ts through tsx's register hooks, so a
// fresh clone always works and an edit is never ignored. Both tsx hooks are needed: CommonJS for
// the sources' imports, ESM for their dynamic import(). CM_APPRAISAL_TRACE_START=1 says which.
'use strict';

const { join } = require('node:path');
const { loadMain } = require('./cli-bundle');

loadMain(join(__dirname, '..'), process.env.CM_APPRAISAL_TRACE_START === '1')
  .then((main) => main(process.argv.slice(2)))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      // main() reports every error itself; this is the last resort, still one line.
      process.stderr.write(`cm-appraisal: ${error && error.message ? error.message : error}\n`);
      process.exitCode = 2;
    },
  );
