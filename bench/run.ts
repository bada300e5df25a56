/**
 * `npm run bench [-- --json] [-- --strict] [-- <name-prefix>…]`
 * Loads every bench/*.bench.ts (see ./harness for the two ways a file declares benchmarks),
 * runs them and prints a table, or with --json one JSON object keyed by benchmark name.
 * Exit status 1 if a benchmark threw, or with --strict also if one missed its target.
 */
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  type BenchResult,
  formatTable,
  registerBench,
  registeredBenches,
  runBenches,
} from './harness';

interface BenchModule {
  run?: () => BenchResult | Promise<BenchResult>;
}

/** Imports each bench file; one that exports run() without registering is registered here. */
async function load(files: readonly string[]): Promise<void> {
  for (const file of files) {
    const before = registeredBenches().length;
    const mod = (await import(pathToFileURL(join(__dirname, file)).href)) as BenchModule & {
      default?: BenchModule;
    };
    const run = mod.run ?? mod.default?.run;
    if (registeredBenches().length === before && typeof run === 'function') {
      registerBench({ name: basename(file, '.bench.ts'), run });
    }
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const strict = args.includes('--strict');
  const prefixes = args.filter((a) => !a.startsWith('--'));

  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts'))
    .sort();
  await load(files);

  const chosen = registeredBenches().filter(
    (b) => prefixes.length === 0 || prefixes.some((p) => b.name.startsWith(p)),
  );
  if (chosen.length === 0 && !json) {
    console.log(
      files.length === 0
        ? 'No benchmarks yet: add bench/<topic>.bench.ts files (see bench/harness.ts).'
        : 'No benchmark matches.',
    );
    return;
  }
  const outcomes = await runBenches(chosen);
  console.log(json ? JSON.stringify(outcomes, null, 2) : formatTable(outcomes));

  const values = Object.values(outcomes);
  const failed =
    values.some((o) => 'error' in o) || (strict && values.some((o) => !('error' in o) && !o.pass));
  process.exitCode = failed ? 1 : 0;
}

void main();
