/**
 * A fingerprint of everything a default `npm run build` reads (sources, assets, the webpack
 * config, the manifest, the lock file), so the browser tests reuse a dist/ built from exactly
 * these sources instead of building again. scripts/build.ts writes it to dist/.source-key
 * after a default build; test/browser/harness.ts compares it.
 */
'use strict';

const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const DIRS = ['src', 'assets', 'scripts'];
const FILES = [
  'webpack.config.js',
  'manifest.xml',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'examples/appraisal-sample.xlsx',
];
const KEY_FILE = '.source-key';

function walk(root, dir, out) {
  const full = path.join(root, dir);
  if (!fs.existsSync(full)) return;
  for (const entry of fs.readdirSync(full, { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(root, rel, out);
    else if (entry.isFile()) out.push(rel);
  }
}

/** Hex SHA-256 over the paths and contents of the build's inputs. */
function sourceKey(root) {
  const files = [];
  for (const d of DIRS) walk(root, d, files);
  for (const f of FILES) if (fs.existsSync(path.join(root, f))) files.push(f);
  files.sort();
  const hash = crypto.createHash('sha256');
  for (const f of files) {
    hash.update(f.split(path.sep).join('/'));
    hash.update('\0');
    hash.update(fs.readFileSync(path.join(root, f)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** Whether `dir` holds a build of exactly these sources. */
function builtFrom(dir, key) {
  const file = path.join(dir, KEY_FILE);
  return fs.existsSync(file) && fs.readFileSync(file, 'utf8').trim() === key;
}

function writeKey(dir, key) {
  fs.writeFileSync(path.join(dir, KEY_FILE), `${key}\n`);
}

module.exports = { sourceKey, builtFrom, writeKey, KEY_FILE };
