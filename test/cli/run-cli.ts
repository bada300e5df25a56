/** Runs the real command (`node bin/cm-appraisal.js …`) as a user would, output captured. */
import { spawn } from 'child_process';
import { join } from 'path';

export const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'cm-appraisal.js');

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** English by default (LANG=C), so messages do not depend on the machine running the tests. */
export function cli(args: readonly string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export interface MainRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Runs the command in this process through main(), English (LANG=C), output captured. */
export async function runMain(...argv: string[]): Promise<MainRun> {
  // Loaded on first use: the spawning helper above needs none of the CLI's modules.
  const { main } = await import('../../src/cli/main');
  let out = '';
  let err = '';
  const code = await main(argv, {
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    env: { LANG: 'C', TZ: process.env.TZ },
    errIsTty: false,
  });
  return { code, out, err };
}
