/**
 * `npm run validate [manifest.xml]`: offline manifest validation.
 *  1. scripts/manifest-check.ts (shared runtime, resources, icons, https, requirement sets…);
 *  2. `office-addin-manifest info`, which parses the manifest as Office's tooling does.
 * (`office-addin-manifest validate` calls a web service, so it is not used here.)
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { checkManifest } from './manifest-check';
import { runBinSync } from './bin';

const ROOT = join(__dirname, '..');
const manifestPath = resolve(process.argv[2] ?? join(ROOT, 'manifest.xml'));
const shown = relative(process.cwd(), manifestPath) || manifestPath;

if (!existsSync(manifestPath)) {
  console.error(`✗ ${shown} does not exist.`);
  process.exit(1);
}

const problems = checkManifest(readFileSync(manifestPath, 'utf8'), {
  readFile: (file) => {
    const full = join(ROOT, file);
    return existsSync(full) ? readFileSync(full) : undefined;
  },
});
if (problems.length > 0) {
  console.error(`✗ ${shown}: ${problems.length} problem(s)`);
  for (const p of problems) console.error(`  - [${p.rule}] ${p.message}`);
  process.exit(1);
}
console.log(
  `✓ ${shown}: shared runtime, resources, icons, https URLs, requirement sets, permissions`,
);

const info = runBinSync('office-addin-manifest', 'office-addin-manifest', ['info', manifestPath], {
  capture: true,
  timeoutMs: 120_000,
});
const output = `${info.stdout ?? ''}${info.stderr ?? ''}`;
// It may warn about the network (usage data); only a failed parse is fatal.
if (info.error || info.status !== 0 || !/^\s*Id:/m.test(output)) {
  console.error(`✗ office-addin-manifest info could not read ${shown}:`);
  console.error(info.error?.message ?? output);
  process.exit(1);
}
const name = /^\s*Name:\s*(.*)$/m.exec(output)?.[1] ?? '';
console.log(`✓ office-addin-manifest info: parsed "${name}"`);
