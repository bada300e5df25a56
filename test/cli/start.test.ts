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

  it('loads JSZip and ajv only when a command needs them', () => {
    // A preloaded probe lists the packages the command required, at exit.
    const probe = join(copy, 'probe.js');
    writeFileSync(
      probe,
      `const M = require('module'); const seen = new Set(); const load = M._load;
       M._load = function (id) { if (!id.startsWith('.') && !id.startsWith('/')) seen.add(id); return load.apply(this, arguments); };
       process.on('exit', () => process.stderr.write('REQUIRED ' + [...seen].join(' ') + '\\n'));`,
    );
    const sample = join(ROOT, 'examples', 'appraisal-sample.xlsx');
    let stdout = '';
    const required = (args: readonly string[]): string[] => {
      const r = spawnSync(
        process.execPath,
        ['--require', probe, join(copy, 'bin', 'cm-appraisal.js'), ...args],
        { cwd: copy, encoding: 'utf8', env: { ...process.env, LANG: 'C' } },
      );
      expect(r.status).not.toBe(2);
      stdout = r.stdout;
      return /REQUIRED (.*)/.exec(r.stderr)?.[1].split(' ') ?? [];
    };
    // JSZip (and pako, which it requires) only reads add-in parts; ajv only checks policy, key
    // and trust-list files.
    for (const command of ['recalc', 'validate']) {
      const r = required([command, sample]);
      expect(r).toContain('decimal.js');
      expect(r).not.toEqual(expect.arrayContaining(['jszip']));
      expect(r).not.toEqual(expect.arrayContaining(['pako']));
      expect(r).not.toEqual(expect.arrayContaining(['ajv']));
    }
    const audit = required(['audit', sample, '--user', 'start-test']);
    expect(audit).toContain('pako');
    expect(audit).not.toEqual(expect.arrayContaining(['ajv']));
    // Nor an audit of a workbook audited before: its log's anchor is checked against the JSON
    // Schema by validators ajv compiled ahead of time (scripts/gen-validators.ts).
    const logged = join(copy, 'logged.xlsx');
    required(['audit', sample, '-o', logged, '--user', 'start-test']);
    const again = required(['audit', logged, '--user', 'start-test', '--json']);
    expect(again).not.toEqual(expect.arrayContaining(['ajv']));
    expect(JSON.parse(stdout)).toMatchObject({ log: { anchor: 'ok', records: 2 } });
    expect(required(['policy', 'check', join(ROOT, 'src', 'rules', 'policy.json')])).toContain(
      'ajv',
    );
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
