// Where the compiled command line lives and whether it is up to date with the sources.
// Plain CommonJS, no dependencies: the bin calls this on every start, before anything loads.
'use strict';

const { readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

/** The bundle `npm install` (the `prepare` script, scripts/build-cli.js) writes. */
function bundlePath(root) {
  return join(root, 'build', 'cli', 'main.js');
}

/** Newest modification time (ms) of the files the bundle is built from: src/ and package.json. */
function newestSource(root) {
  let newest = statSync(join(root, 'package.json')).mtimeMs;
  const src = join(root, 'src');
  for (const entry of readdirSync(src, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const t = statSync(join(entry.parentPath ?? entry.path, entry.name)).mtimeMs;
    if (t > newest) newest = t;
  }
  return newest;
}

/**
 * The bundle's path when it exists and no source is newer than it, else null (the bin then runs
 * the TypeScript sources through tsx: slower to start, never out of date).
 */
function freshBundle(root) {
  const bundle = bundlePath(root);
  let built;
  try {
    built = statSync(bundle).mtimeMs;
  } catch {
    return null;
  }
  try {
    return newestSource(root) <= built ? bundle : null;
  } catch {
    // No src/ to compare with (an installed copy without sources): the bundle is all there is.
    return bundle;
  }
}

/**
 * The CLI's main(argv, io?) from the fresh bundle, else from the sources through tsx's register
 * hooks (CommonJS for the sources' imports, ESM for their dynamic import()). Used by the bin and
 * by the batch audit's worker threads, so both run the same code.
 */
function loadMain(root, trace) {
  const bundle = freshBundle(root);
  if (bundle !== null) {
    if (trace) process.stderr.write(`cm-appraisal: start from ${bundle}\n`);
    return Promise.resolve(require(bundle).main);
  }
  if (trace) process.stderr.write('cm-appraisal: start from src/ through tsx\n');
  require('tsx/cjs/api').register();
  return import('tsx/esm/api').then((esm) => {
    esm.register();
    return require(join(root, 'src', 'cli', 'main.ts')).main;
  });
}

module.exports = { bundlePath, freshBundle, loadMain, newestSource };
