/**
 * How the command starts (issue #14): `npm install` compiles the CLI into build/cli/main.js
 * (the `prepare` script); the bin runs it while no source is newer, else the sources through
 * tsx. Tested on a copy of the package (bin/, scripts/, src/, package.json, node_modules linked),
 * so the real build/ is left alone.
 */
import { spawnSync } from 'child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { ROOT } from './run-cli';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { freshBundle, bundlePath } = require('../../bin/cli-bundle') as {
  freshBundle: (root: string) => string | null;
  bundlePath: (root: string) => string;
};

let copy: string;

beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), 'cm-start-'));
  for (const part of ['bin', 'scripts', 'src', 'package.json']) {
    cpSync(join(ROOT, part), join(copy, part), { recursive: true });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
});

afterAll(() => rmSync(copy, { recursive: true, force: true }));

function run(args: readonly string[]) {
  return spawnSync(process.execPath, [join(copy, 'bin', 'cm-appraisal.js'), ...args], {
    cwd: copy,
    encoding: 'utf8',
    env: { ...process.env, LANG: 'C', CM_APPRAISAL_TRACE_START: '1' },
  });
}

describe('command start', () => {
  it('runs the sources through tsx when nothing was compiled (a clone before prepare)', () => {
    expect(freshBundle(copy)).toBeNull();
    const r = run(['--help']);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('start from src/ through tsx');
    expect(r.stdout).toContain('Usage: cm-appraisal <command>');
  });

  it('the prepare script compiles the CLI, and the command then starts from it', () => {
    const build = spawnSync(process.execPath, [join(copy, 'scripts', 'build-cli.js')], {
      encoding: 'utf8',
    });
    expect(build.status).toBe(0);
    expect(freshBundle(copy)).toBe(bundlePath(copy));
    const r = run(['--help']);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(`start from ${bundlePath(copy)}`);
    expect(r.stdout).toContain('Usage: cm-appraisal <command>');
    const v = run(['functions', '--lang', 'en']);
    expect(v.status).toBe(0);
    expect(v.stdout).toContain('APPRAISAL_SCORE');
  });

  it('recalc and validate start without loading JSZip (read only when add-in parts are)', () => {
    // A preloaded probe lists the packages the command required, at exit.
    const probe = join(copy, 'probe.js');
    writeFileSync(
      probe,
      `const M = require('module'); const seen = new Set(); const load = M._load;
       M._load = function (id) { if (!id.startsWith('.') && !id.startsWith('/')) seen.add(id); return load.apply(this, arguments); };
       process.on('exit', () => process.stderr.write('REQUIRED ' + [...seen].join(' ') + '\\n'));`,
    );
    const sample = join(ROOT, 'examples', 'appraisal-sample.xlsx');
    for (const command of ['recalc', 'validate']) {
      const r = spawnSync(
        process.execPath,
        ['--require', probe, join(copy, 'bin', 'cm-appraisal.js'), command, sample],
        { cwd: copy, encoding: 'utf8', env: { ...process.env, LANG: 'C' } },
      );
      expect(r.status).not.toBe(2);
      const required = /REQUIRED (.*)/.exec(r.stderr)?.[1].split(' ') ?? [];
      expect(required).toContain('decimal.js');
      expect(required).not.toContain('jszip');
    }
  });

  it('a source edited after the build is never ignored: the command falls back to tsx', () => {
    const later = new Date(Date.now() + 60_000);
    const edited = join(copy, 'src', 'cli', 'sheet-names.ts');
    utimesSync(edited, later, later);
    expect(freshBundle(copy)).toBeNull();
    const r = run(['--version']);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('through tsx');
  });

  it('a failed compile leaves a working command (prepare never fails the install)', () => {
    writeFileSync(join(copy, 'src', 'cli', 'main.ts'), 'export const main = (: broken');
    const build = spawnSync(process.execPath, [join(copy, 'scripts', 'build-cli.js')], {
      encoding: 'utf8',
    });
    expect(build.status).toBe(0);
    expect(build.stderr).toContain('will run the sources through tsx');
  });
});
