/**
 * The policy as the bank's file, from the command line: `policy show|export|check|diff`,
 * `--policy FILE` on recalc, validate and audit, and `audit --compare` (what-if), on a real
 * revision: examples/policy-draft-1.1.json raises the senior reserve cap (20,000 → 30,000,
 * Art. 25(2)) and moves the NPL bands (1%以下减10分 → 2%以下减5分, Art. 13).
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { DEFAULT_POLICY, policyHash } from '../../src/rules';
import { cli, ROOT, type CliResult } from './run-cli';

jest.setTimeout(120_000);

const SAMPLE = join(ROOT, 'examples', 'appraisal-sample.xlsx');
const DRAFT = join(ROOT, 'examples', 'policy-draft-1.1.json');
const draftHash = () => {
  const { $schema: _s, ...p } = JSON.parse(readFileSync(DRAFT, 'utf8')) as Record<string, unknown>;
  return policyHash(p as never);
};

let dir: string;
const runs: Record<string, Promise<CliResult>> = {};
const path = (name: string) => join(dir, name);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cm-policy-cli-'));
  // Three mistakes a policy owner makes: a percent, a missing number, an overlapping band.
  const broken = JSON.parse(readFileSync(DRAFT, 'utf8'));
  broken.reserve.rate = '20%';
  delete broken.score.collection.base;
  broken.score.npl.bands[2].lo = '0.005';
  writeFileSync(path('broken.json'), JSON.stringify(broken, null, 2));
  // Consistent in shape, not with itself: the bands leave a gap.
  const gap = JSON.parse(readFileSync(DRAFT, 'utf8'));
  gap.score.npl.bands[3].lo = '0.06';
  writeFileSync(path('gap.json'), JSON.stringify(gap));

  const start = (key: string, args: string[]) => (runs[key] = cli(args));
  start('check', ['policy', 'check', DRAFT]);
  start('checkBroken', ['policy', 'check', path('broken.json')]);
  start('checkBrokenZh', ['policy', 'check', path('broken.json'), '--lang', 'zh']);
  start('diff', ['policy', 'diff', 'built-in', DRAFT]);
  start('diffZh', ['policy', 'diff', 'built-in', DRAFT, '--lang', 'zh']);
  start('show', ['policy', 'show', '--policy', DRAFT]);
  start('export', ['policy', 'export', '-o', path('exported.json')]);
  start('recalc', ['recalc', SAMPLE, '--json']);
  start('recalcDraft', ['recalc', SAMPLE, '--json', '--policy', DRAFT]);
  start('validateBroken', ['validate', SAMPLE, '--policy', path('broken.json')]);
  start('validateGapZh', ['validate', SAMPLE, '--policy', path('gap.json'), '--lang', 'zh']);
  start('auditDraft', ['audit', SAMPLE, '--json', '--policy', DRAFT, '--user', 't']);
  start('compare', [
    'audit',
    SAMPLE,
    '--policy',
    DRAFT,
    '--compare',
    '--json',
    '-o',
    path('what-if.xlsx'),
  ]);
  start('compareText', ['audit', SAMPLE, '--policy', DRAFT, '--compare']);
  start('compareNoDraft', ['audit', SAMPLE, '--compare']);
  start('auditOut', [
    'audit',
    SAMPLE,
    '--policy',
    DRAFT,
    '--user',
    't',
    '-o',
    path('audited.xlsx'),
  ]);
});

afterAll(async () => {
  await Promise.allSettled(Object.values(runs));
  rmSync(dir, { recursive: true, force: true });
});

describe('policy check', () => {
  test('accepts the revision, with its version and hash', async () => {
    const r = await runs.check;
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('accepted');
    expect(r.stdout).toContain(`1.1.0 sha256:${draftHash()}`);
  });

  test('refuses a broken file, one line per problem naming the field (exit 1)', async () => {
    const r = await runs.checkBroken;
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/broken\.json: refused, 2 problems:$/);
    expect(lines[1]).toMatch(/^ {2}score\.collection\.base: missing$/);
    expect(lines[2]).toMatch(/^ {2}reserve\.rate: expected a number ≥ 0 .* got "20%"$/);
    // The overlap is a consistency problem, reported once the shape is right.
    const zh = await runs.checkBrokenZh;
    expect(zh.stdout).toContain('score.collection.base：缺少此项');
    expect(zh.stdout).toMatch(/reserve\.rate：应为以文本书写的不小于 0 的十进制数/);
  });
});

describe('policy diff', () => {
  test("says what the revision changes, in the owner's words", async () => {
    const r = await runs.diff;
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n')).toEqual([
      `built-in → ${DRAFT}: 8 changes`,
      '  Policy version: 1.0.0 → 1.1.0',
      '  Art. 13 NPL item, wording: 不良率为0得30分，1%以下减10分，1%—5%减20分，5%以上该项不得分 → 不良率为0得30分，2%以下减5分，2%—5%减20分，5%以上该项不得分',
      '  Art. 13 NPL band 0 < n ≤ 1%, range: 0 < n ≤ 1% → 0 < n ≤ 2%',
      '  Art. 13 NPL band 0 < n ≤ 1%: 20 → 25 points',
      '  Art. 13 NPL band 0 < n ≤ 1%, wording: 1%以下减10分 → 2%以下减5分',
      '  Art. 13 NPL band 1% < n ≤ 5%, range: 1% < n ≤ 5% → 2% < n ≤ 5%',
      '  Art. 13 NPL band 1% < n ≤ 5%, wording: 1%—5%减20分 → 2%—5%减20分',
      '  Art. 25(2) risk reserve cap (Senior customer manager): 20,000 yuan → 30,000 yuan',
    ]);
    const zh = await runs.diffZh;
    expect(zh.stdout).toContain('  第十三条 不良率分档 0 < n ≤ 1%：20 分 → 25 分');
    expect(zh.stdout).toContain(
      '  第二十五条第（二）项 风险金上限（高级客户经理）：20,000 元 → 30,000 元',
    );
  });
});

describe('policy show and export', () => {
  test('show prints the version, hash, source and every number of the given file', async () => {
    const r = await runs.show;
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Version: 1.1.0');
    expect(r.stdout).toContain(draftHash());
    expect(r.stdout).toContain('Source: policy-draft-1.1.json');
    expect(r.stdout).toContain('30,000');
    expect(r.stdout).toContain('«2%以下减5分»');
  });

  test('export writes the built-in policy as a file that loads back to the same hash', async () => {
    const r = await runs.export;
    expect(r.code).toBe(0);
    const text = readFileSync(path('exported.json'), 'utf8');
    expect(JSON.parse(text).$schema).toBe('./policy.schema.json');
    const schema = JSON.parse(readFileSync(path('policy.schema.json'), 'utf8'));
    expect(schema.title).toMatch(/Customer-manager appraisal policy/);
    const check = await cli(['policy', 'check', path('exported.json')]);
    expect(check.code).toBe(0);
    expect(check.stdout).toContain(`sha256:${policyHash(DEFAULT_POLICY)}`);
  });
});

describe('--policy on recalc, validate and audit', () => {
  type Recalc = { policy: string; sheets: Record<string, Record<string, unknown>> };

  test('recalc: the CM functions compute under the file (a moved band changes scores)', async () => {
    const before = JSON.parse((await runs.recalc).stdout) as Recalc;
    const after = JSON.parse((await runs.recalcDraft).stdout) as Recalc;
    expect(after.policy).toBe(`商业银行客户经理考核管理办法 1.1.0 sha256:${draftHash()}`);
    // E103 (row 4, SENIOR, NPL between 1% and 2%): 82 → 87 under the draft.
    const scoreCell = Object.entries(before.sheets['考核表']).find(([, v]) => v === 82);
    expect(scoreCell).toBeDefined();
    const [address] = scoreCell as [string, unknown];
    expect(after.sheets['考核表'][address]).toBe(87);
    const changed = Object.keys(before.sheets['考核表']).filter(
      (a) =>
        JSON.stringify(before.sheets['考核表'][a]) !== JSON.stringify(after.sheets['考核表'][a]),
    );
    expect(changed.length).toBeGreaterThan(10);
  });

  test('a broken file ends the run: exit 2, one line naming the fields, no fallback', async () => {
    const r = await runs.validateBroken;
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(
      /^cm-appraisal: the policy file broken\.json is refused \(2 problems\): score\.collection\.base: missing; reserve\.rate: expected/,
    );
    const zh = await runs.validateGapZh;
    expect(zh.code).toBe(2);
    expect(zh.stderr).toMatch(
      /办法文件 gap\.json 未被采用（1 处问题）：score\.npl\.bands\[3\]\.lo：.*之间的不良率没有区间覆盖/,
    );
  });

  test("audit: the record carries the file's version and hash", async () => {
    const json = JSON.parse((await runs.auditDraft).stdout) as {
      policy: string;
      policyHash: string;
      record: { policyVersion: string; policyHash: string };
    };
    expect(json.policyHash).toBe(draftHash());
    expect(json.record.policyHash).toBe(draftHash());
    expect(json.record.policyVersion).toContain(' 1.1.0 ');
  });
});

describe('audit --compare (what-if)', () => {
  interface Compare {
    active: { hash: string; source: string };
    draft: { hash: string; source: string };
    rows: number;
    changed: {
      id: string;
      changes: { key: string; before: unknown; after: unknown }[];
    }[];
  }

  test('lists the people whose score, outcome or reserve would change, before and after', async () => {
    const r = await runs.compare;
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as Compare;
    expect(json.active).toMatchObject({ source: 'built-in', hash: policyHash(DEFAULT_POLICY) });
    expect(json.draft).toMatchObject({ source: 'policy-draft-1.1.json', hash: draftHash() });
    expect(json.rows).toBe(40);
    const byId = new Map(json.changed.map((c) => [c.id, c.changes]));
    // NPL between 1% and 2%: the band moved, the score rises and a demotion is lifted.
    expect(byId.get('E103')).toEqual([
      { key: 'score', before: 82, after: 87 },
      { key: 'outcome', before: 'DEMOTE', after: 'RETAIN' },
    ]);
    // A senior at the old cap: the raised cap lets the withholding go on (Art. 25(2)).
    expect(byId.get('E112')).toContainEqual({
      key: 'reserve_deduction',
      before: 1500,
      after: 3340,
    });
    // Nobody with an NPL ratio of 0 or above 5% changes score.
    expect(json.changed.length).toBeLessThan(40);
    expect(json.changed.length).toBeGreaterThan(5);
  });

  test('the text lists the policy changes, then each person', async () => {
    const r = await runs.compareText;
    expect(r.stdout).toMatch(/under the draft policy-draft-1\.1\.json, \d+ of 40 people would get/);
    expect(r.stdout).toContain('  Art. 13 NPL band 0 < n ≤ 1%: 20 → 25 points');
    expect(r.stdout).toMatch(
      /E103 高洋 \(Senior customer manager\): score 82 → 87; outcome Demote → Retain/,
    );
  });

  test('-o writes the what-if sheet, and no audit log', async () => {
    await runs.compare;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path('what-if.xlsx'));
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toContain('Policy what-if');
    expect(names).not.toContain('Audit log');
    const ws = wb.getWorksheet('Policy what-if') as ExcelJS.Worksheet;
    const rows: unknown[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const e103 = rows.find((r) => r[2] === 'E103');
    expect(e103?.slice(5, 9)).toEqual([82, 87, 'Demote', 'Retain']);
  });

  test('--compare without a draft is a usage error', async () => {
    const r = await runs.compareNoDraft;
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--compare needs --policy draft\.json/);
  });
});

describe('verify-log --policy', () => {
  test('says whether the last record was made under the given policy, by its hash', async () => {
    await runs.auditOut;
    await runs.export;
    const same = await cli(['verify-log', path('audited.xlsx'), '--policy', DRAFT, '--json']);
    const json = JSON.parse(same.stdout) as {
      intact: boolean;
      policy: { hash: string; lastMatches: boolean; other: unknown[] };
    };
    expect(json.policy).toMatchObject({ hash: draftHash(), lastMatches: true, other: [] });

    // Checked against the approved (built-in) policy, the draft's audit is not mistaken for it.
    const other = await cli([
      'verify-log',
      path('audited.xlsx'),
      '--policy',
      path('exported.json'),
    ]);
    expect(other.code).toBe(1);
    expect(other.stdout).toMatch(
      /Policy: exported\.json \(1\.0\.0, sha256:[0-9a-f]{64}\); the last record was NOT made under it\./,
    );
    expect(other.stdout).toMatch(/#1 made under another policy: .* 1\.1\.0 sha256:/);
  });
});
