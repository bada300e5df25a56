/**
 * Runs a package's command-line tool with this Node, the same way on Windows, macOS and Linux
 * (no shell, no .cmd shims).
 */
import { spawn, spawnSync, type ChildProcess, type SpawnSyncReturns } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

function binPath(pkg: string, bin: string): string {
  const manifestPath = require.resolve(`${pkg}/package.json`);
  const field = (
    JSON.parse(readFileSync(manifestPath, 'utf8')) as { bin?: string | Record<string, string> }
  ).bin;
  const rel = typeof field === 'string' ? field : field?.[bin];
  if (!rel) throw new Error(`${pkg} has no "${bin}" command.`);
  return join(dirname(manifestPath), rel);
}

/** Runs to completion, output inherited unless `capture`. */
export function runBinSync(
  pkg: string,
  bin: string,
  args: readonly string[],
  options: { capture?: boolean; timeoutMs?: number } = {},
): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [binPath(pkg, bin), ...args], {
    stdio: options.capture ? 'pipe' : 'inherit',
    encoding: 'utf8',
    timeout: options.timeoutMs,
  });
}

/** Starts a long-running tool (the dev server) with inherited output. */
export function runBinAsync(pkg: string, bin: string, args: readonly string[]): ChildProcess {
  return spawn(process.execPath, [binPath(pkg, bin), ...args], { stdio: 'inherit' });
}

/** The exit code to pass on: a signal or a spawn failure counts as failure. */
export function exitCodeOf(result: SpawnSyncReturns<string>): number {
  if (result.error) {
    console.error(result.error.message);
    return 1;
  }
  return result.status ?? 1;
}
