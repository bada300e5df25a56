/**
 * The built add-in against what Excel does (issue 12). The production build's taskpane.html is
 * loaded as Excel's shared runtime loads it, in Debian's Chromium: office.js comes from the real
 * @microsoft/office-js package (the CDN address answered from node_modules, nothing else leaves
 * the machine), and a small stand-in for the custom-functions runtime (cf-runtime-standin.js)
 * records CustomFunctions.associate and calls the functions as the documentation says Excel
 * does. Asserted:
 * - every id of dist/functions.json and dist/functions-zh-cn.json is associated exactly once,
 *   and nothing else is;
 * - each of the 17 functions, called per its metadata with the FUNCTIONS.md examples, ranges
 *   holding error elements and a 5,000-row range, shows what the headless engine shows for the
 *   same formula (values and error kinds, and the spill's size);
 * - the ribbon's runAudit is associated (Office.actions.associate) and completes its event on
 *   success (a workbook behind Excel.run) and on failure (no Excel at all).
 * A copy of the build with broken metadata fails the same checks.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import type { Browser, Page } from 'playwright-core';
import { AUDITOR_KEY } from '../../src/taskpane/auditor';
import { LOG_SHEET, REPORT_SHEET } from '../../src/taskpane/workflows/names';
import { appraisalGrid } from '../sheets/fixtures';
import {
  CASES,
  engineResults,
  excelArgs,
  firstError,
  hasError,
  type MetaParam,
  type Shown,
} from './contract-cases';
import { buildPages, launch, requireChromium, ROOT, serve, type Served } from './harness';

jest.setTimeout(600_000);

const OFFICE_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/';
const OFFICE_DIST = dirname(require.resolve('@microsoft/office-js/dist/office.js'));
const STANDIN = readFileSync(join(__dirname, 'cf-runtime-standin.js'), 'utf8');

interface Metadata {
  readonly allowErrorForDataTypeAny?: boolean;
  readonly functions: readonly {
    readonly id: string;
    readonly name: string;
    readonly parameters: readonly MetaParam[];
  }[];
}

let dist: string;
let server: Served | undefined;
let browser: Browser | undefined;
let expected: Shown[][][];
const external: string[] = [];

/**
 * test/host/fake-excel.ts and what it imports, compiled for the page: an Excel.run over an
 * in-memory workbook, the same fake the OfficeHost unit tests use.
 */
function fakeExcelScript(): string {
  const files = [
    'test/host/fake-excel.ts',
    'test/host/fake-proxies.ts',
    'test/host/fake-state.ts',
    'src/host/a1.ts',
    'src/sheets/a1.ts',
    'src/host/payload.ts',
  ];
  const modules = files.map((file) => {
    const source = readFileSync(join(ROOT, file), 'utf8');
    const js = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
    }).outputText;
    const id = file.replace(/\.ts$/, '');
    return `${JSON.stringify(id)}: function (module, exports, require) {\n${js}\n}`;
  });
  const resolveId = `function resolveId(from, spec) {
    const parts = from.split('/').slice(0, -1);
    for (const p of spec.split('/')) { if (p === '..') parts.pop(); else if (p !== '.') parts.push(p); }
    return parts.join('/');
  }`;
  return `(() => {
    ${resolveId}
    const defs = {${modules.join(',\n')}};
    const cache = {};
    function load(id) {
      if (cache[id]) return cache[id].exports;
      if (!defs[id]) throw new Error('fake bundle: no module ' + id);
      const module = (cache[id] = { exports: {} });
      defs[id](module, module.exports, (spec) => load(resolveId(id, spec)));
      return module.exports;
    }
    window.__FakeExcel = load('test/host/fake-excel').FakeExcel;
  })();`;
}

/** The page reaches only `base` and the CDN's office.js (answered from the package). */
async function routeOffice(page: Page, base: string): Promise<void> {
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith(base)) return route.continue();
    if (url.startsWith(OFFICE_CDN)) {
      const file = resolve(OFFICE_DIST, url.slice(OFFICE_CDN.length).split('?')[0]);
      if (!relative(OFFICE_DIST, file).startsWith('..')) return route.fulfill({ path: file });
    }
    external.push(url);
    return route.abort();
  });
}

/** taskpane.html as Excel loads it, with office.js from the package; resolves once it settled. */
async function openRuntime(base: string): Promise<{ page: Page; errors: string[] }> {
  const page = await (browser as Browser).newPage({ locale: 'zh-CN' });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await routeOffice(page, base);
  await page.addInitScript({ content: STANDIN });
  await page.goto(`${base}taskpane.html`);
  // Office.onReady settles outside Office too (host null); commands.ts associates then.
  await page.waitForFunction(
    () =>
      (window as unknown as { Office?: { actions?: { _association?: { mappings: object } } } })
        .Office?.actions?._association?.mappings !== undefined &&
      'RUNAUDIT' in
        ((window as unknown as { Office: { actions: { _association: { mappings: object } } } })
          .Office.actions._association.mappings as object),
    undefined,
    { timeout: 120_000 },
  );
  return { page, errors };
}

const metadataOf = (dir: string, file: string): Metadata =>
  JSON.parse(readFileSync(join(dir, file), 'utf8')) as Metadata;

function shown(x: unknown): Shown {
  if (x !== null && typeof x === 'object' && 'error' in x)
    return { error: (x as { error: string }).error };
  return x as Shown;
}

/** What Excel would show for a case: the function's result, or what Excel does without a call. */
async function excelShows(page: Page, meta: Metadata, i: number): Promise<Shown[][] | string> {
  const c = CASES[i];
  const fn = meta.functions.find((f) => f.id === c.fn);
  // Excel knows only the functions its metadata declares (#NAME? otherwise)...
  if (!fn) return [[{ error: '#NAME?' }]];
  // ... and calls a function with an error input only when allowErrorForDataTypeAny says so;
  // otherwise the formula shows that error (learn.microsoft.com/office/dev/add-ins/excel/custom-functions-json).
  if (hasError(c) && meta.allowErrorForDataTypeAny !== true)
    return [[{ error: firstError(c) as string }]];
  const out = (await page.evaluate(
    ([id, args]) =>
      (
        window as unknown as { __cf: { invoke(id: string, args: unknown[]): Promise<unknown> } }
      ).__cf.invoke(id, args),
    [c.fn, excelArgs(c, fn.parameters)] as const,
  )) as { result?: unknown; thrown?: unknown; crash?: string };
  if (out.crash !== undefined) return `crashed: ${out.crash}`;
  if ('thrown' in out) return [[shown(out.thrown)]];
  const result = out.result;
  if (!Array.isArray(result)) return [[shown(result)]];
  return (result as unknown[][]).map((row) => row.map(shown));
}

/** Every way the build breaks the contract; [] when it keeps it. */
async function contractProblems(page: Page, dir: string): Promise<string[]> {
  const problems: string[] = [];
  const meta = metadataOf(dir, 'functions.json');
  const zh = metadataOf(dir, 'functions-zh-cn.json');
  const calls = await page.evaluate(
    () => (window as unknown as { __cf: { calls: string[] } }).__cf.calls,
  );
  for (const [file, m] of [
    ['functions.json', meta],
    ['functions-zh-cn.json', zh],
  ] as const) {
    for (const f of m.functions) {
      const n = calls.filter((id) => id === f.id).length;
      if (n !== 1) problems.push(`${file}: ${f.id} is associated ${n} times`);
    }
    for (const id of new Set(calls)) {
      if (!m.functions.some((f) => f.id === id))
        problems.push(`${file}: ${id} is associated but not declared`);
    }
  }
  for (let i = 0; i < CASES.length; i++) {
    const got = await excelShows(page, meta, i);
    const want = expected[i];
    const same =
      typeof got !== 'string' &&
      got.length === want.length &&
      got.every(
        (row, r) => row.length === want[r].length && row.every((x, k) => sameShown(x, want[r][k])),
      );
    if (!same) {
      problems.push(`${CASES[i].name}: Excel shows ${preview(got)}, the engine ${preview(want)}`);
    }
  }
  return problems;
}

function sameShown(a: Shown, b: Shown): boolean {
  if (typeof a === 'object' || typeof b === 'object') {
    return typeof a === 'object' && typeof b === 'object' && a.error === b.error;
  }
  return a === b;
}

function preview(x: Shown[][] | string): string {
  if (typeof x === 'string') return x;
  const text = JSON.stringify(x.slice(0, 3));
  return `${x.length}×${x[0]?.length ?? 0} ${text.length > 200 ? `${text.slice(0, 200)}…` : text}`;
}

beforeAll(async () => {
  requireChromium();
  [dist, expected] = await Promise.all([buildPages(), engineResults(CASES)]);
  server = await serve(dist);
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the built add-in in the shared runtime, as Excel loads it', () => {
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    ({ page, errors } = await openRuntime((server as Served).url));
  });

  it('associates every id of functions.json and functions-zh-cn.json once, and each call shows what the engine shows', async () => {
    const meta = metadataOf(dist, 'functions.json');
    expect(meta.allowErrorForDataTypeAny).toBe(true);
    expect(meta.functions).toHaveLength(17);
    expect(await contractProblems(page, dist)).toEqual([]);
    // office.js's own registry (what the real runtime reads) holds the same ids.
    const officeIds = await page.evaluate(() =>
      (window as unknown as { __cf: { officeIds(): string[] } }).__cf.officeIds(),
    );
    expect([...officeIds].sort()).toEqual(meta.functions.map((f) => f.id).sort());
    expect(errors).toEqual([]);
    // Nothing of ours leaves the machine; office.js itself reaches for Microsoft's telemetry.
    expect(external.filter((u) => !/^https:\/\/[a-z.]*\.oaspapps\.com\//.test(u))).toEqual([]);
  });

  it("functions.js, the manifest's <Script>, runs on its own (no runtime.js before it)", async () => {
    const alone = await (browser as Browser).newPage();
    const base = (server as Served).url;
    await routeOffice(alone, base);
    await alone.addInitScript({ content: STANDIN });
    await alone.goto(`${base}functions.json`);
    await alone.setContent(
      `<script src="${OFFICE_CDN}office.js"></script><script src="${base}functions.js"></script>`,
    );
    const calls = await alone.evaluate(
      () => (window as unknown as { __cf: { calls: string[] } }).__cf.calls,
    );
    const ids = metadataOf(dist, 'functions.json').functions.map((f) => f.id);
    expect([...calls].sort()).toEqual([...ids].sort());
    await alone.close();
  });

  it('the 5,000-row call spills 5,000 results with errors only where an input is an error', () => {
    const big = expected[expected.length - 1];
    expect(big).toHaveLength(5000);
    const errorRows = big.flatMap((r, i) => (typeof r[0] === 'object' ? [i] : []));
    expect(errorRows.length).toBeGreaterThan(5);
    expect(errorRows.length).toBeLessThan(40);
  });

  it('runAudit completes its event when there is no Excel to audit (failure)', async () => {
    const completed = await page.evaluate(async () => {
      const w = window as unknown as {
        Office: { actions: { _association: { mappings: Record<string, (e: object) => void> } } };
      };
      return new Promise<boolean>((done) => {
        const timer = setTimeout(() => done(false), 30_000);
        w.Office.actions._association.mappings.RUNAUDIT({
          source: { id: 'CMAuditButton' },
          completed: () => {
            clearTimeout(timer);
            done(true);
          },
        });
      });
    });
    expect(completed).toBe(true);
  });

  it('runAudit audits the workbook behind Excel.run and completes its event (success)', async () => {
    await page.addScriptTag({ content: fakeExcelScript() });
    const grid = appraisalGrid();
    const result = await page.evaluate(
      async ({ values, formulas, report, log, auditorKey }) => {
        const w = window as unknown as {
          __FakeExcel: new () => {
            run: unknown;
            addSheet(name: string, v: unknown, o: unknown): unknown;
            hasSheet(name: string): boolean;
          };
          Excel?: unknown;
          Office: { actions: { _association: { mappings: Record<string, (e: object) => void> } } };
        };
        // The auditor's name the task pane remembers for the ribbon (src/taskpane/auditor.ts).
        localStorage.setItem(auditorKey, '稽核员');
        const excel = new w.__FakeExcel();
        excel.addSheet('考核表', values, { formulas });
        w.Excel = { run: excel.run };
        // The auditor's name the task pane remembered on this machine (issue 11: the ribbon
        // never audits without one).
        localStorage.setItem('cm-appraisal.auditor', '李审计');
        const completed = await new Promise<boolean>((done) => {
          const timer = setTimeout(() => done(false), 120_000);
          w.Office.actions._association.mappings.RUNAUDIT({
            source: { id: 'CMAuditButton' },
            completed: () => {
              clearTimeout(timer);
              done(true);
            },
          });
        });
        return { completed, report: excel.hasSheet(report), log: excel.hasSheet(log) };
      },
      {
        values: grid.values,
        formulas: grid.formulas,
        report: REPORT_SHEET,
        log: LOG_SHEET,
        auditorKey: AUDITOR_KEY,
      },
    );
    expect(result).toEqual({ completed: true, report: true, log: true });
  });
});

describe('a copy of the build with broken metadata fails the contract', () => {
  it('an id renamed and allowErrorForDataTypeAny dropped are both caught', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'cm-broken-'));
    let broken: Served | undefined;
    try {
      cpSync(dist, copy, { recursive: true });
      const file = join(copy, 'functions.json');
      const meta = JSON.parse(readFileSync(file, 'utf8')) as {
        allowErrorForDataTypeAny?: boolean;
        functions: { id: string }[];
      };
      delete meta.allowErrorForDataTypeAny;
      const label = meta.functions.find((f) => f.id === 'LABEL') as { id: string };
      label.id = 'LABEL_TEXT';
      writeFileSync(file, JSON.stringify(meta, null, 2));
      broken = await serve(copy);
      const { page } = await openRuntime(broken.url);
      const problems = await contractProblems(page, copy);
      expect(problems).toEqual(
        expect.arrayContaining([
          'functions.json: LABEL_TEXT is associated 0 times',
          'functions.json: LABEL is associated but not declared',
          expect.stringMatching(/^score, #N\/A and #DIV\/0! elements: Excel shows 1×1/),
          expect.stringMatching(/^label zh: Excel shows 1×1 \[\[\{"error":"#NAME\?"\}\]\]/),
        ]),
      );
      await page.close();
    } finally {
      await broken?.close();
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
