#!/usr/bin/env node
// The cm-appraisal command: runs the TypeScript CLI (src/cli/main.ts) through tsx's register
// hooks, so a fresh clone works right after `npm install`, with no build step. Both hooks are
// needed: CommonJS for the sources' imports, ESM for their dynamic import() (commands and the
// engine's file I/O are loaded only when used, which keeps `--help` fast).
'use strict';

require('tsx/cjs/api').register();

import('tsx/esm/api')
  .then((esm) => {
    esm.register();
    const { main } = require('../src/cli/main.ts');
    return main(process.argv.slice(2));
  })
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
