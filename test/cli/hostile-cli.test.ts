/**
 * Hostile input and interrupted output, through the real command (issue 17): inputs that are
 * not regular files, damaged packages (one readable line, validate and audit agreeing), -o
 * naming the input, kills during a write (the target is the old file or the complete new one),
 * and cell text that tries to forge report lines or send terminal control sequences.
 */
import { spawn } from 'child_process';
import { execFileSync } from 'child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { writeAppraisalWorkbook } from '../../bench/appraisal-workbook';
import { loadWorkbook } from '../../src/engine';
import { unzip, workbookPackage, zip } from '../engine/zip-fixtures';
import { cli, ROOT } from './run-cli';

const BIN = join(ROOT, 'bin', 'cm-appraisal.js');
let dir: string;
let big: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cm-hostile-'));
  big = join(dir, 'big.xlsx');
  await writeAppraisalWorkbook(big, 3000);
}, 120_000);

/** stderr is one line, in plain words, no JavaScript internals. */
function expectOneCleanLine(stderr: string): void {
  const lines = stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^cm-appraisal: /);
  expect(lines[0]).not.toMatch(
    /undefined|Cannot read|TypeError|RangeError|Bug|Invalid string length|reading '|at \w+ \(/,
  );
}

describe('inputs that are not regular files are refused at once', () => {
  it.each([
    ['/dev/zero', /is not a regular file/],
    ['a FIFO', /is not a regular file/],
    ['a folder', /is a folder/],
  ])('%s', async (what, message) => {
    let path = what;
    if (what === 'a FIFO') {
      path = join(dir, 'pipe.xlsx');
      execFileSync('mkfifo', [path]);
    } else if (what === 'a folder') path = dir;
    const started = Date.now();
    const r = await cli(['validate', path]);
    expect(r.code).toBe(2);
    expect(Date.now() - started).toBeLessThan(30_000);
    expectOneCleanLine(r.stderr);
    expect(r.stderr).toMatch(message);
  });
});

describe('damaged packages: one readable line, validate and audit agree', () => {
  const base = () =>
    Object.fromEntries(
      unzip(
        workbookPackage({
          sheets: [
            {
              name: 'Data',
              body: '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData>',
            },
            { name: 'Other', body: '<sheetData/>' },
          ],
          strings: ['工号'],
        }),
      ),
    );
  const cases: Record<string, () => Buffer> = {
    'missing sheet part': () => {
      const f = base();
      delete f['xl/worksheets/sheet2.xml'];
      return zip(f);
    },
    'missing shared strings': () => {
      const f = base();
      delete f['xl/sharedStrings.xml'];
      return zip(f);
    },
    'truncated zip': () => zip(base()).subarray(0, 700),
    'size lie': () =>
      zip({
        ...base(),
        'xl/worksheets/sheet2.xml': { data: Buffer.alloc(5000, 0x20), declaredSize: 10 },
      }),
    bomb: () => zip({ ...base(), 'xl/media/x.bin': Buffer.alloc(40 * 1024 * 1024) }),
  };
  it.each(Object.keys(cases))('%s', async (name) => {
    const path = join(dir, `${name.replace(/ /g, '-')}.xlsx`);
    writeFileSync(path, cases[name]());
    const [v, a, zh] = await Promise.all([
      cli(['validate', path]),
      cli(['audit', path, '-o', join(dir, 'never.xlsx')]),
      cli(['validate', path, '--lang', 'zh']),
    ]);
    expect(v.code).toBe(2);
    expect(a.code).toBe(2);
    expectOneCleanLine(v.stderr);
    expectOneCleanLine(a.stderr);
    expect(v.stderr).toMatch(new RegExp(name.replace(/ /g, '-')));
    expect(zh.stderr).toMatch(/[\u4e00-\u9fff]/);
    expect(existsSync(join(dir, 'never.xlsx'))).toBe(false);
  });
});

describe('-o and the input', () => {
  it('refuses -o naming the input unless --in-place, which replaces it whole', async () => {
    const input = join(dir, 'same.xlsx');
    writeFileSync(input, readFileSync(join(ROOT, 'examples', 'appraisal-sample.xlsx')));
    const before = readFileSync(input);
    const refused = await cli(['audit', input, '-o', join(dir, '.', 'same.xlsx')]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/is the input file itself.*--in-place/);
    expect(readFileSync(input)).toEqual(before);
    const done = await cli(['audit', input, '-o', input, '--in-place', '--user', 't']);
    expect(done.code).toBe(1); // the sample's deliberate problems
    const wb = await loadWorkbook(input);
    expect(wb.sheetNames()).toEqual(expect.arrayContaining(['Audit report', 'Audit log']));
  });
});

describe('a kill during -o never leaves a partial file', () => {
  function auditFor(out: string, signal: NodeJS.Signals, delayMs: number): Promise<void> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [BIN, 'audit', big, '-o', out, '--user', 'k'], {
        env: { ...process.env, LANG: 'C' },
        stdio: 'ignore',
      });
      const timer = setTimeout(() => child.kill(signal), delayMs);
      child.on('close', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  it('the target is the old file or the complete new one, at any moment', async () => {
    const out = join(dir, 'killed.xlsx');
    const old = Buffer.from('the previous content of the output file');
    // One full run to know how long a run takes.
    writeFileSync(out, old);
    const started = Date.now();
    await auditFor(out, 'SIGKILL', 600_000);
    const full = Date.now() - started;
    expect((await loadWorkbook(out)).sheetNames()).toContain('Audit log');
    let replaced = 0;
    for (let i = 0; i < 7; i++) {
      writeFileSync(out, old);
      const signal = i % 2 === 0 ? 'SIGKILL' : 'SIGTERM';
      await auditFor(out, signal, Math.round(full * (0.4 + 0.09 * i)));
      const now = readFileSync(out);
      if (now.equals(old)) continue;
      replaced++;
      const wb = await loadWorkbook(out);
      expect(wb.sheetNames()).toContain('Audit log');
    }
    // SIGTERM cleans its temporary file; only SIGKILL may leave one, never the target.
    const temps = readdirSync(dir).filter((n) => n.startsWith('.killed.xlsx.'));
    expect(temps.length).toBeLessThanOrEqual(4);
    expect(replaced).toBeGreaterThanOrEqual(0);
  }, 600_000);
});

describe('cell text cannot forge report lines or reach the terminal raw', () => {
  it('line breaks and control characters from cells are escaped in the text report', async () => {
    const path = join(dir, 'inject.xlsx');
    // The sample with its unknown role (考核表!D27) replaced by text that forges a line, and a
    // client name carrying ESC and BEL (as _xHHHH_ escapes, how XML holds them).
    const files = Object.fromEntries(
      unzip(readFileSync(join(ROOT, 'examples', 'appraisal-sample.xlsx'))),
    );
    const strings = files['xl/sharedStrings.xml'].toString();
    expect(strings).toContain('客户经理助理');
    files['xl/sharedStrings.xml'] = Buffer.from(
      strings.replace(
        '客户经理助理',
        '客户经理助理_x001B_[2J_x0007_\n  error    考核表!A1  forged.rule  Art. 1  forged',
      ),
    );
    writeFileSync(path, zip(files));
    const [text, json] = await Promise.all([
      cli(['validate', path]),
      cli(['validate', path, '--json']),
    ]);
    const findings = (JSON.parse(json.stdout) as { findings: unknown[] }).findings;
    const lines = text.stdout.split('\n').filter((l) => /^ {2}(error|warning) /.test(l));
    expect(lines).toHaveLength(findings.length);
    expect(text.stdout).not.toMatch(/^ {2}error +考核表!A1 +forged/m);
    expect(text.stdout).toContain('客户经理助理\\u001b[2J\\u0007\\n  error    考核表!A1');
    // eslint-disable-next-line no-control-regex
    expect(text.stdout).not.toMatch(/[\u0007\u001b]/);
  });
});
