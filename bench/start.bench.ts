/**
 * Issue #14 "Command start": `cm-appraisal --help`, `recalc` and `validate` of a small workbook
 * (examples/appraisal-sample.xlsx), each a fresh `node bin/cm-appraisal.js` process as a user
 * starts it, against a bare `node -e "require('exceljs'); require('hyperformula')"`, in the same
 * run. Target: within 2.5× that bare load. Interleaved and repeated until the ratio is stable;
 * each run's cost is min(wall, the child's CPU time) (bench/stable.ts).
 * The compiled CLI (build/cli/main.js, made by `npm install`) is rebuilt first when a source is
 * newer, so the figure is what a user gets after installing.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { registerBench } from './harness';
import { sampleChild, stableFigures, stableRatio } from './stable';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { freshBundle } = require('../bin/cli-bundle') as {
  freshBundle: (root: string) => string | null;
};

const exec = promisify(execFile);
const ROOT = join(__dirname, '..');
const BIN = join(ROOT, 'bin', 'cm-appraisal.js');
const SMALL = join(ROOT, 'examples', 'appraisal-sample.xlsx');
const TARGET = 2.5;

async function node(args: readonly string[]): Promise<void> {
  // validate exits 1 when the workbook has error findings (the sample has some on purpose).
  await exec(process.execPath, args, { cwd: ROOT, env: { ...process.env, LANG: 'C' } }).catch(
    (e: { code?: unknown }) => {
      if (e.code !== 1) throw e;
    },
  );
}

const bare = () => node(['-e', "require('exceljs'); require('hyperformula')"]);

async function ensureBundle(): Promise<void> {
  if (freshBundle(ROOT) === null) await node([join(ROOT, 'scripts', 'build-cli.js')]);
  if (freshBundle(ROOT) === null) throw new Error('build/cli/main.js could not be built');
}

for (const [name, args] of [
  ['help', ['--help']],
  ['recalc', ['recalc', SMALL]],
  ['validate', ['validate', SMALL]],
] as const) {
  registerBench({
    name: `cli.start_${name}`,
    run: async () => {
      await ensureBundle();
      await node([BIN, ...args]); // warm the file cache for both sides
      await bare();
      const r = await stableRatio(() => node([BIN, ...args]), bare, {
        pairs: 5,
        minRounds: 3,
        maxRounds: 8,
        budgetMs: 45_000,
        sampler: sampleChild,
      });
      return {
        figures: { ...stableFigures(r, { subject: name, baseline: 'bare_require' }) },
        ratio: r.ratio,
        target: TARGET,
      };
    },
  });
}
