/**
 * What the browser tests need: one shared production build of the pages, a tiny
 * static http server on a free localhost port, and Debian's Chromium driven by playwright-core.
 * Nothing is downloaded: without /usr/bin/chromium the tests fail and say what to install.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { builtFrom, sourceKey, writeKey } from '../../scripts/source-key';

export const ROOT = resolve(__dirname, '..', '..');
export const CHROMIUM = process.env.CM_CHROMIUM ?? '/usr/bin/chromium';
export const ARTIFACTS = join(ROOT, 'test-artifacts');

/** Fails with the fix in the message, rather than skipping, when Chromium is missing. */
export function requireChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `The browser tests need Chromium at ${CHROMIUM}, and it is not there. Install it with\n` +
        `  apt-get update && apt-get install -y chromium fonts-noto-cjk\n` +
        `(.ci/run does this), or point CM_CHROMIUM at a Chromium binary.`,
    );
  }
}

/**
 * One production build of the pages for every browser test (the preview and the Excel
 * contract), resolved to its folder:
 * - CM_PREVIEW_DIST: a folder built earlier, used as it is;
 * - dist/, when `npm run build` (default arguments) built it from exactly these sources
 *   (dist/.source-key, scripts/source-key.js) — CI builds before it tests;
 * - else node_modules/.cache/cm-browser-dist/<key>, built once (webpack production, no type
 *   check: tsc does that) under a lock, so test files running at once share it.
 */
export async function buildPages(): Promise<string> {
  const prebuilt = process.env.CM_PREVIEW_DIST;
  if (prebuilt) return prebuilt;
  const key = sourceKey(ROOT);
  const dist = join(ROOT, 'dist');
  if (builtFrom(dist, key)) return dist;
  const cache = join(ROOT, 'node_modules', '.cache', 'cm-browser-dist');
  const out = join(cache, key.slice(0, 16));
  mkdirSync(cache, { recursive: true });
  const lock = `${out}.lock`;
  for (const end = Date.now() + 30 * 60_000; ;) {
    if (builtFrom(out, key)) return out;
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > end) throw new Error(`Waited 30 min for another build of ${out}.`);
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  try {
    if (builtFrom(out, key)) return out;
    rmSync(out, { recursive: true, force: true });
    await webpack(['--mode', 'production', '--env', 'transpileOnly', '--output-path', out]);
    writeKey(out, key);
    // Older builds of other sources are of no further use.
    for (const name of readdirSync(cache)) {
      if (!out.endsWith(name) && !name.endsWith('.lock')) {
        rmSync(join(cache, name), { recursive: true, force: true });
      }
    }
    return out;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

async function webpack(args: readonly string[]): Promise<void> {
  const webpackCli = require.resolve('webpack-cli/bin/cli.js', { paths: [ROOT] });
  let log = '';
  const code = await new Promise<number | null>((done, fail) => {
    const child = spawn(process.execPath, [webpackCli, ...args, '--no-stats'], {
      cwd: ROOT,
      env: { ...process.env, CI: '1' },
    });
    child.stdout.on('data', (d: Buffer) => (log += d.toString()));
    child.stderr.on('data', (d: Buffer) => (log += d.toString()));
    child.on('error', fail);
    child.on('exit', done);
  });
  if (code !== 0) throw new Error(`webpack failed (exit ${code}):\n${log.slice(-4000)}`);
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export interface Served {
  readonly url: string;
  close(): Promise<void>;
}

/** Serves `dir` read-only on 127.0.0.1 at a port the system picks. */
export async function serve(dir: string): Promise<Served> {
  const base = resolve(dir);
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    const file = normalize(join(base, path === '/' ? 'preview.html' : path));
    if (!file.startsWith(base + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-store',
    });
    res.end(readFileSync(file));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/** Headless Chromium with nothing reaching out to the network on its own. */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}
