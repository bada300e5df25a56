/**
 * The CLI's main() as `cm-appraisal` runs it (bin/cli-bundle.js: the compiled bundle when it is
 * fresh, else the sources), loaded before a benchmark starts its clock, with output captured.
 */
import { join } from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { freshBundle, loadMain } = require('../bin/cli-bundle') as {
  freshBundle: (root: string) => string | null;
  loadMain: (root: string, trace: boolean) => Promise<unknown>;
};

const ROOT = join(__dirname, '..');

type Main = (argv: readonly string[], io: unknown) => Promise<number>;

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
}

export async function cliMain(): Promise<{
  via: 'bundle' | 'sources';
  run: (argv: readonly string[]) => Promise<CliRun>;
}> {
  const via = freshBundle(ROOT) === null ? 'sources' : 'bundle';
  const main = (await loadMain(ROOT, false)) as Main;
  return {
    via,
    run: async (argv) => {
      let stdout = '';
      const io = {
        out: (t: string) => void (stdout += t),
        err: () => undefined,
        env: {},
        errIsTty: false,
      };
      const code = await main(argv, io);
      return { code, stdout };
    },
  };
}
