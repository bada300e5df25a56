/**
 * Every way the command line ends with exit 2 that a clerk can cause (issue 17, "Messages"), run
 * in process through main() in both languages: ONE line starting `cm-appraisal:`, naming the
 * file where there is one, no JavaScript internals, no "unexpected problem" fallback; in Chinese
 * no English sentence (after taking out file names, options, codes and quoted user text, no run
 * of two English words), and in English no Chinese.
 */
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { Io } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { unzip, workbookPackage, zip } from '../engine/zip-fixtures';
import { ROOT } from './run-cli';

const SAMPLE = join(ROOT, 'examples', 'appraisal-sample.xlsx');
const posix = process.platform !== 'win32';
let dir: string;
const at = (...names: string[]) => join(dir, ...names);

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function run(argv: readonly string[], lang: 'zh' | 'en', tty = false): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    out: (t) => void (stdout += t),
    err: (t) => void (stderr += t),
    // The language from the locale, as a clerk's machine sets it (no --lang in the cases).
    env: { LANG: lang === 'zh' ? 'zh_CN.UTF-8' : 'C', LC_ALL: '', LC_MESSAGES: '' },
    errIsTty: tty,
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

/** The line with file names, paths, options, codes, hashes and quoted user text taken out. */
function wordsOf(line: string): string {
  return (
    line
      .replace(/^cm-appraisal:\s*/, '')
      // Quoted text: user input, a command to type, a field name.
      .replace(/"[^"]*"|'[^']*'|“[^”]*”|‘[^’]*’/g, ' ')
      // Paths and file names.
      .replace(/\S*[/\\]\S*/g, ' ')
      .replace(/[\w.~$-]+\.(?:xlsx|json|key|xml|rels)\b/g, ' ')
      // Options (`--jobs`, `-o`, `--head=…`).
      .replace(/(^|[\s(（])--?[A-Za-z][\w-]*(?:=\S*)?/g, ' ')
      // Codes and hashes (ENOENT, ECDSA P-256, 0644, sha256 hex).
      .replace(/\b[0-9a-f]{16,}\b/g, ' ')
      .replace(/\b[A-Z][A-Z0-9_-]+\b/g, ' ')
  );
}

/** Runs of two or more English words left in a Chinese line. */
function englishRuns(line: string): string[] {
  return wordsOf(line).match(/[A-Za-z]{2,}(?:[\s,;:.()]+[A-Za-z]{2,})+/g) ?? [];
}

function cjk(line: string): string[] {
  return wordsOf(line).match(/[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]+/g) ?? [];
}

interface Case {
  readonly name: string;
  readonly argv: () => string[];
  /** The file the line must name (its base name), when there is one. */
  readonly file?: string;
  /** A word or two the English line must carry (what went wrong). */
  readonly en: RegExp;
  /** The same for the Chinese line. */
  readonly zh: RegExp;
  readonly posixOnly?: boolean;
}

const privateKey = () => JSON.parse(readFileSync(at('good.key'), 'utf8')) as Record<string, string>;
const publicKey = () =>
  JSON.parse(readFileSync(at('good.pub.json'), 'utf8')) as Record<string, string>;

function writeKey(name: string, value: unknown, mode = 0o600): void {
  writeFileSync(at(name), typeof value === 'string' ? value : JSON.stringify(value));
  chmodSync(at(name), mode);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cm-messages-'));
  const made = await run(['keys', 'new', '--name', '张审计', '-o', at('good.key')], 'en');
  expect(made.code).toBe(0);
  const key = privateKey();
  const pub = publicKey();
  writeFileSync(at('taken.pub.json'), '{}');
  writeKey('open.key', key, 0o644);
  writeKey('garbage.key', 'not json {');
  writeKey('public.key', pub);
  writeKey('schema.key', { name: 'x' });
  writeKey('notecdsa.key', { ...key, privateKey: 'aGVsbG8gd29ybGQh' });
  writeKey('altered.key', { ...key, fingerprint: 'a'.repeat(64) });
  writeKey('trust-garbage.json', '[');
  writeKey('trust-array.json', [pub]);
  writeKey('trust-empty.json', { auditors: [] });
  writeKey('trust-extra.json', { auditors: [pub], office: '稽核部' });
  writeKey('trust-pattern.json', { auditors: [{ ...pub, fingerprint: 'XYZ' }] });
  writeKey('trust-missing.json', { auditors: [{ name: pub.name, key: pub.key }] });
  writeKey('trust-mismatch.json', { auditors: [{ ...pub, fingerprint: 'b'.repeat(64) }] });
  writeKey('trust-twice.json', { auditors: [pub, { ...pub, name: '李稽核' }] });
  writeFileSync(at('policy-bad.json'), '{');
  writeFileSync(at('garbage.xlsx'), 'this is not a workbook');
  writeFileSync(at('empty.xlsx'), '');
  mkdirSync(at('no-books'));
  writeFileSync(at('no-books', 'notes.txt'), 'x');
  mkdirSync(at('books'));
  writeFileSync(at('books', 'a.xlsx'), readFileSync(SAMPLE));
  writeFileSync(at('books', 'b.xlsx'), readFileSync(SAMPLE));
  writeFileSync(at('a-file'), 'x');
  // Damaged packages (the engine's limits and checks; hostile-cli.test.ts runs them spawned).
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
  const noSheet = base();
  delete noSheet['xl/worksheets/sheet2.xml'];
  writeFileSync(at('no-sheet-part.xlsx'), zip(noSheet));
  const noStrings = base();
  delete noStrings['xl/sharedStrings.xml'];
  writeFileSync(at('no-strings.xlsx'), zip(noStrings));
  writeFileSync(at('truncated.xlsx'), zip(base()).subarray(0, 700));
  writeFileSync(
    at('size-lie.xlsx'),
    zip({
      ...base(),
      'xl/worksheets/sheet2.xml': { data: Buffer.alloc(5000, 0x20), declaredSize: 10 },
    }),
  );
  const parts = Object.fromEntries(unzip(readFileSync(SAMPLE)));
  writeFileSync(
    at('bad-settings.xlsx'),
    zip({ ...parts, 'xl/webextensions/webextension1.xml': '<we:webextension id="{1}"' }),
  );
  // LibreOffice's re-save keeps a task pane entry without our part; its .rels, damaged here, is
  // read only when audit -o adds the part back (test/fixtures/foreign/README.md).
  const resaved = join(ROOT, 'test', 'fixtures', 'foreign', 'libreoffice-audited.xlsx');
  writeFileSync(
    at('bad-pane-rels.xlsx'),
    zip({
      ...Object.fromEntries(unzip(readFileSync(resaved))),
      'xl/webextensions/_rels/taskpanes.xml.rels': '<Relationships xmlns="x"><Relationship',
    }),
  );
}, 60_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const CASES: readonly Case[] = [
  // Usage: the command, its options and arguments.
  { name: 'unknown command', argv: () => ['frobnicate'], en: /unknown command/, zh: /命令/ },
  {
    name: 'an option before the command',
    argv: () => ['--colour'],
    en: /unknown option/,
    zh: /未知选项/,
  },
  {
    name: 'unknown option',
    argv: () => ['validate', SAMPLE, '--colour'],
    en: /Unknown option '--colour'/,
    zh: /没有选项“--colour”/,
  },
  {
    name: 'unknown short option',
    argv: () => ['recalc', SAMPLE, '-x'],
    en: /Unknown option '-x'/,
    zh: /没有选项/,
  },
  {
    name: 'option without its value',
    argv: () => ['audit', SAMPLE, '-o'],
    en: /-o needs a value/,
    zh: /缺少取值/,
  },
  {
    name: 'another option where the value should be',
    argv: () => ['audit', SAMPLE, '-o', '--json'],
    en: /needs a value/,
    zh: /另一个选项/,
  },
  {
    name: 'a value given to a switch',
    argv: () => ['validate', SAMPLE, '--json=yes'],
    en: /--json takes no value/,
    zh: /不带取值/,
  },
  {
    name: 'no workbook',
    argv: () => ['validate'],
    en: /validate needs one workbook/,
    zh: /需要一个工作簿/,
  },
  {
    name: 'one argument too many',
    argv: () => ['validate', SAMPLE, 'extra'],
    en: /takes only one workbook/,
    zh: /多出了/,
  },
  {
    name: 'arguments where none are taken',
    argv: () => ['template', 'extra'],
    en: /takes no arguments/,
    zh: /不带参数/,
  },
  {
    name: 'an unknown language',
    argv: () => ['functions', '--lang', 'fr'],
    en: /--lang must be zh or en/,
    zh: /只能是 zh 或 en/,
  },
  {
    name: '--head that is not a hash',
    argv: () => ['verify-log', SAMPLE, '--head', 'abc'],
    en: /SHA-256/,
    zh: /十六进制/,
  },
  {
    name: '--jobs that is not a number',
    argv: () => ['audit', at('books'), '-o', at('out-jobs'), '--jobs', 'many'],
    en: /--jobs must be a whole number/,
    zh: /整数/,
  },
  {
    name: '--compare without --policy',
    argv: () => ['audit', SAMPLE, '--compare'],
    en: /--compare needs --policy/,
    zh: /草案/,
  },
  {
    name: '--in-place without -o',
    argv: () => ['recalc', SAMPLE, '--in-place'],
    en: /--in-place needs -o/,
    zh: /输入文件/,
  },
  {
    name: 'an empty auditor name',
    argv: () => ['audit', SAMPLE, '--user', ' '],
    en: /--user/,
    zh: /稽核人/,
  },
  {
    name: 'keys: unknown action',
    argv: () => ['keys', 'list'],
    en: /unknown keys action/,
    zh: /没有“list”这个操作/,
  },
  {
    name: 'keys new without --name',
    argv: () => ['keys', 'new', '-o', at('x.key')],
    en: /needs --name/,
    zh: /稽核人员姓名/,
  },
  {
    name: 'keys new without -o',
    argv: () => ['keys', 'new', '--name', 'a'],
    en: /needs -o/,
    zh: /私钥文件/,
  },
  {
    name: 'keys new with an empty name',
    argv: () => ['keys', 'new', '--name', ' ', '-o', at('x.key')],
    en: /--name must name the auditor/,
    zh: /不能为空/,
  },
  {
    name: 'keys new over an existing file',
    argv: () => ['keys', 'new', '--name', 'a', '-o', at('good.key')],
    file: 'good.key',
    en: /already exists/,
    zh: /已存在/,
  },
  {
    name: 'keys new where the public half’s file exists',
    argv: () => ['keys', 'new', '--name', 'a', '-o', at('taken.key')],
    file: 'taken.pub.json',
    en: /already exists/,
    zh: /已存在/,
  },
  {
    name: 'an option given an empty value',
    argv: () => ['audit', SAMPLE, '--key='],
    en: /--key needs a value \(auditor\.key\), not an empty one/,
    zh: /--key 的取值不能为空/,
  },
  {
    name: 'keys new into a folder that does not exist',
    argv: () => ['keys', 'new', '--name', 'a', '-o', at('nowhere/x.key')],
    file: 'x.key',
    en: /cannot write .*folder in its path does not exist/,
    zh: /无法写入.*文件夹不存在/,
  },
  {
    name: 'policy: unknown action',
    argv: () => ['policy', 'frobnicate'],
    en: /unknown action/,
    zh: /没有“frobnicate”这个操作/,
  },
  {
    name: 'policy diff with one file',
    argv: () => ['policy', 'diff', 'built-in'],
    en: /takes two files/,
    zh: /需要两个文件/,
  },
  {
    name: 'policy check of a missing file',
    argv: () => ['policy', 'check', at('none.json')],
    file: 'none.json',
    en: /cannot read the policy file .*does not exist/,
    zh: /无法读取办法文件.*不存在/,
  },
  {
    name: 'policy export into a missing folder',
    argv: () => ['policy', 'export', '-o', at('nowhere/policy.json')],
    file: 'policy.json',
    en: /cannot write/,
    zh: /无法写入/,
  },
  {
    name: '--policy file missing',
    argv: () => ['validate', SAMPLE, '--policy', at('none.json')],
    file: 'none.json',
    en: /does not exist/,
    zh: /不存在/,
  },
  {
    name: '--policy file not JSON',
    argv: () => ['validate', SAMPLE, '--policy', at('policy-bad.json')],
    file: 'policy-bad.json',
    en: /refused \(1 problem\): file: not valid JSON \(near line 1, column 2\)/,
    zh: /未被采用（1 处问题）：文件：不是有效的 JSON（约在第 1 行第 2 列）/,
  },
  // The auditor's key file (--key).
  {
    name: '--key missing',
    argv: () => ['audit', SAMPLE, '--key', at('none.key')],
    file: 'none.key',
    en: /the key file .* does not exist/,
    zh: /私钥文件.*不存在/,
  },
  {
    name: '--key readable by others',
    argv: () => ['audit', SAMPLE, '--key', at('open.key')],
    file: 'open.key',
    en: /can be read by others \(mode 0644\)/,
    zh: /可被他人读取（权限 0644）/,
    posixOnly: true,
  },
  {
    name: '--key not JSON',
    argv: () => ['audit', SAMPLE, '--key', at('garbage.key')],
    file: 'garbage.key',
    en: /is not JSON \(near line 1, column 2\)/,
    zh: /不是 JSON 格式（约在第 1 行第 2 列）/,
  },
  {
    name: '--key given the public key',
    argv: () => ['audit', SAMPLE, '--key', at('public.key')],
    file: 'public.key',
    en: /is a public key/,
    zh: /是公钥/,
  },
  {
    name: '--key failing its schema',
    argv: () => ['audit', SAMPLE, '--key', at('schema.key')],
    file: 'schema.key',
    en: /not a private key file: the file must have required property 'type'/,
    zh: /不是有效的私钥文件：文件缺少“type”字段（文件类型）/,
  },
  {
    name: '--key whose key is not ECDSA P-256',
    argv: () => ['audit', SAMPLE, '--key', at('notecdsa.key')],
    file: 'notecdsa.key',
    en: /not an ECDSA P-256 private key/,
    zh: /不是 ECDSA P-256 私钥/,
  },
  {
    name: '--key with an altered fingerprint',
    argv: () => ['audit', SAMPLE, '--key', at('altered.key')],
    file: 'altered.key',
    en: /fingerprint does not match the key; the file was altered/,
    zh: /指纹与密钥不符：文件已被改动/,
  },
  // The audit office's trust list (--trust).
  {
    name: '--trust missing',
    argv: () => ['verify-log', SAMPLE, '--trust', at('none.json')],
    file: 'none.json',
    en: /the trust list .* does not exist/,
    zh: /信任名单.*不存在/,
  },
  {
    name: '--trust not JSON',
    argv: () => ['verify-log', SAMPLE, '--trust', at('trust-garbage.json')],
    file: 'trust-garbage.json',
    en: /is not JSON \(the text ends before the JSON is complete\)/,
    zh: /不是 JSON 格式（文本在 JSON 结束之前就中断了）/,
  },
  {
    name: '--trust not an object',
    argv: () => ['verify-log', SAMPLE, '--trust', at('trust-array.json')],
    file: 'trust-array.json',
    en: /the file must be object/,
    zh: /文件应为 JSON 对象/,
  },
  {
    name: '--trust with no auditors',
    argv: () => ['verify-log', SAMPLE, '--trust', at('trust-empty.json')],
    file: 'trust-empty.json',
    en: /\/auditors must NOT have fewer than 1 items/,
    zh: /“auditors”（稽核人员名单）不能为空列表/,
  },
  {
    name: '--trust with an unknown field',
    argv: () => ['verify-log', SAMPLE, '--trust', at('trust-extra.json')],
    file: 'trust-extra.json',
    en: /must NOT have additional properties \("office"\)/,
    zh: /未知字段“office”/,
  },
  {
    name: '--trust with a fingerprint that is not hex',
    argv: () => ['verify-log', SAMPLE, '--trust', at('trust-pattern.json')],
    file: 'trust-pattern.json',
    en: /\/auditors\/0\/fingerprint must match pattern: 64 lower-case hex digits/,
    zh: /第 1 位稽核人的“fingerprint”（密钥指纹）格式不正确：应为 64 位小写十六进制数字/,
  },
  {
    name: '--trust with an auditor lacking a fingerprint',
    argv: () => ['verify-log', SAMPLE, '--trust', at('trust-missing.json')],
    file: 'trust-missing.json',
    en: /must have required property 'fingerprint'/,
    zh: /第 1 位稽核人缺少“fingerprint”字段/,
  },
  {
    name: '--trust with a fingerprint that is not the key’s',
    argv: () => ['verify-log', SAMPLE, '--trust', at('trust-mismatch.json')],
    file: 'trust-mismatch.json',
    en: /auditor 1 \("张审计"\): the fingerprint does not match the key/,
    zh: /第 1 位稽核人（“张审计”）的指纹与公钥不符/,
  },
  {
    name: '--trust listing one key under two names',
    argv: () => ['verify-log', SAMPLE, '--trust', at('trust-twice.json')],
    file: 'trust-twice.json',
    en: /one key under two names/,
    zh: /同一个密钥列在两个姓名下/,
  },
  // Several workbooks.
  {
    name: 'a folder without workbooks',
    argv: () => ['audit', at('no-books'), '-o', at('out-none')],
    file: 'no-books',
    en: /holds no .xlsx workbook/,
    zh: /没有 .xlsx 工作簿/,
  },
  {
    name: 'several workbooks and -o a file',
    argv: () => ['audit', at('books'), '-o', at('a-file')],
    file: 'a-file',
    en: /is a file: for several workbooks, -o names a folder/,
    zh: /应指定文件夹/,
  },
  {
    name: 'several workbooks written over their inputs',
    argv: () => ['audit', at('books'), '-o', at('books')],
    file: 'books',
    en: /would overwrite the input/,
    zh: /会覆盖输入文件/,
  },
  {
    name: 'several workbooks and --summary into a missing folder',
    argv: () => ['audit', at('books'), '-o', at('out-s'), '--summary', at('nowhere', 's.xlsx')],
    file: 's.xlsx',
    en: /cannot write the summary .*its folder does not exist/,
    zh: /无法写入汇总工作簿.*所在文件夹不存在/,
  },
  // Workbooks that cannot be read or written (the engine's messages).
  {
    name: 'a workbook that does not exist',
    argv: () => ['validate', at('none.xlsx')],
    file: 'none.xlsx',
    en: /./,
    zh: /./,
  },
  {
    name: 'a folder given as the workbook',
    argv: () => ['recalc', at('books')],
    file: 'books',
    en: /./,
    zh: /./,
  },
  {
    name: 'a file that is not a workbook',
    argv: () => ['audit', at('garbage.xlsx')],
    file: 'garbage.xlsx',
    en: /./,
    zh: /./,
  },
  {
    name: 'an empty file',
    argv: () => ['validate', at('empty.xlsx')],
    file: 'empty.xlsx',
    en: /./,
    zh: /./,
  },
  {
    name: 'a device, not a file',
    argv: () => ['validate', '/dev/zero'],
    file: '/dev/zero',
    en: /not a regular file/,
    zh: /./,
    posixOnly: true,
  },
  {
    name: 'a sheet part missing',
    argv: () => ['audit', at('no-sheet-part.xlsx'), '-o', at('never.xlsx')],
    file: 'no-sheet-part.xlsx',
    en: /./,
    zh: /./,
  },
  {
    name: 'the shared strings missing',
    argv: () => ['validate', at('no-strings.xlsx')],
    file: 'no-strings.xlsx',
    en: /./,
    zh: /./,
  },
  {
    name: 'a truncated package',
    argv: () => ['recalc', at('truncated.xlsx')],
    file: 'truncated.xlsx',
    en: /./,
    zh: /./,
  },
  {
    name: 'a part larger than its directory says',
    argv: () => ['audit', at('size-lie.xlsx')],
    file: 'size-lie.xlsx',
    en: /./,
    zh: /./,
  },
  {
    name: '-o the input itself',
    argv: () => ['recalc', SAMPLE, '-o', SAMPLE],
    file: 'appraisal-sample.xlsx',
    en: /is the input file itself/,
    zh: /就是输入文件本身/,
  },
  {
    name: '-o into a folder that does not exist',
    argv: () => ['recalc', SAMPLE, '-o', at('nowhere/out.xlsx')],
    file: 'out.xlsx',
    en: /./,
    zh: /./,
  },
  {
    name: 'template into a folder that does not exist',
    argv: () => ['template', '-o', at('nowhere/t.xlsx')],
    file: 't.xlsx',
    en: /./,
    zh: /./,
  },
  {
    name: 'damaged add-in settings (where the log anchor is kept)',
    argv: () => ['verify-log', at('bad-settings.xlsx')],
    file: 'bad-settings.xlsx',
    en: /part xl\/webextensions\/webextension1\.xml is damaged/,
    zh: /部件 xl\/webextensions\/webextension1\.xml 已损坏/,
  },
  {
    name: 'damaged add-in settings found while writing audit -o',
    argv: () => ['audit', at('bad-pane-rels.xlsx'), '-o', at('bad-pane-rels-out.xlsx')],
    file: 'bad-pane-rels.xlsx',
    en: /part xl\/webextensions\/_rels\/taskpanes\.xml\.rels is damaged.*cannot be written; nothing was written/,
    zh: /部件 xl\/webextensions\/_rels\/taskpanes\.xml\.rels 已损坏，无法写入.*未写入任何文件/,
  },
];

const INTERNALS =
  /undefined|Cannot read|TypeError|RangeError|SyntaxError|Bug|Invalid string length|reading '|at \w+ \(|ERR_|unexpected problem|意外问题/;

describe.each(['zh', 'en'] as const)('exit-2 messages in %s', (lang) => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    if (c.posixOnly && !posix) return;
    const r = await run(c.argv(), lang);
    if (process.env.PRINT_MESSAGES) process.stdout.write(`[${lang}] ${r.stderr}`);
    expect(r.code).toBe(2);
    const lines = r.stderr.split('\n');
    // One line, then the newline.
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe('');
    const line = lines[0];
    expect(line).toMatch(/^cm-appraisal: \S/);
    expect(line).not.toMatch(INTERNALS);
    expect(line).toMatch(lang === 'zh' ? c.zh : c.en);
    if (c.file !== undefined) expect(line).toContain(c.file);
    if (lang === 'zh') expect(englishRuns(line)).toEqual([]);
    else expect(cjk(line)).toEqual([]);
  });
});

describe('the language check itself', () => {
  it('finds an English sentence in a Chinese line, and Chinese in an English one', () => {
    expect(englishRuns('cm-appraisal: 无法读取 a.json：the file must be object。')).not.toEqual([]);
    expect(englishRuns('cm-appraisal: 选项 --out 缺少取值（out.xlsx）。')).toEqual([]);
    expect(cjk('cm-appraisal: cannot read a.json: 文件不存在.')).not.toEqual([]);
    expect(cjk('cm-appraisal: the trust list /tmp/信任.json lists "张审计" twice.')).toEqual([]);
  });
});

it('keys new writes neither file when the public one exists', async () => {
  await run(['keys', 'new', '--name', 'a', '-o', at('taken.key')], 'zh');
  expect(readFileSync(at('taken.pub.json'), 'utf8')).toBe('{}');
  expect(() => readFileSync(at('taken.key'))).toThrow();
});

describe('the progress line (a terminal only) speaks the run’s language', () => {
  it.each([
    ['zh', /正在读取 appraisal-sample\.xlsx.*正在计算.*正在校验 \d+ 行/s],
    ['en', /loading appraisal-sample\.xlsx.*evaluating.*validating \d+ rows/s],
  ] as const)('%s', async (lang, steps) => {
    const r = await run(['validate', SAMPLE], lang, true);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(steps);
    if (lang === 'zh') expect(r.stderr).not.toMatch(/loading|evaluating|validating/);
  });
});
