/**
 * `npm run build [-- --env url=https://intranet/cm/]`: the production webpack build, then the
 * functions.json check on dist/ (webpack fails on it too; this also catches a dist/ that
 * webpack left incomplete). Extra arguments go to webpack.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { exitCodeOf, runBinSync } from './bin';
import { checkFunctionsJsonFile } from './functions-json-check';
import { sourceKey, writeKey } from './source-key';

// The fingerprint of the sources this build reads, taken before it starts: an edit made while
// webpack runs must not pass for built.
const key = sourceKey(join(__dirname, '..'));

const webpackStatus = exitCodeOf(
  runBinSync('webpack-cli', 'webpack-cli', ['--mode', 'production', ...process.argv.slice(2)]),
);
if (webpackStatus !== 0) {
  console.error(`[build] webpack failed (exit ${webpackStatus}).`);
  process.exit(webpackStatus);
}

const problem = checkFunctionsJsonFile(join(__dirname, '..', 'dist', 'functions.json'));
if (problem) {
  console.error(`[build] ${problem}`);
  process.exit(1);
}
// The browser preview (npm start without Excel) ships in dist/ too.
for (const file of ['preview.html', 'preview.js', 'preview-engine.js', 'appraisal-sample.xlsx']) {
  if (!existsSync(join(__dirname, '..', 'dist', file))) {
    console.error(`[build] dist/${file} is missing: the browser preview would not work.`);
    process.exit(1);
  }
}
// A default build (no extra arguments) is what the browser tests load: they reuse it when the
// sources have not changed since (test/browser/harness.ts).
if (process.argv.length <= 2) writeKey(join(__dirname, '..', 'dist'), key);
console.log(
  '[build] dist/ is ready: taskpane.html, preview.html (no Excel needed), the bundles, functions.json, manifest.xml, assets/.',
);
