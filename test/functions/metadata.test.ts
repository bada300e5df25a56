/**
 * Everything derived from the function table stays in step with it: the JSDoc file Excel's
 * metadata is generated from, functions.json itself, and the zh-CN metadata.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import { HyperFormula } from 'hyperformula';
import { FUNCTION_TABLE } from '../../src/functions';
import { execFileSync, spawnSync } from 'child_process';

const ROOT = join(__dirname, '../..');
const EXCEL_FILE = join(ROOT, 'src/functions/excel-functions.ts');
const ZH_FILE = join(ROOT, 'src/functions/functions-zh-cn.json');

interface Meta {
  functions: {
    id: string;
    name: string;
    description?: string;
    options?: { volatile?: boolean };
    parameters: {
      name: string;
      description?: string;
      optional?: boolean;
      dimensionality?: string;
    }[];
  }[];
}

let meta: Meta;
beforeAll(async () => {
  const generated = await generateCustomFunctionsMetadata([EXCEL_FILE], true);
  expect(generated.errors).toEqual([]);
  meta = JSON.parse(generated.metadataJson) as Meta;
}, 60000);

describe('functions.json generated from the JSDoc', () => {
  it('has exactly the functions of the table, in order, with their parameters and optional flags', () => {
    expect(meta.functions.map((f) => f.id)).toEqual(FUNCTION_TABLE.map((f) => f.name));
    for (const spec of FUNCTION_TABLE) {
      const f = meta.functions.find((m) => m.id === spec.name)!;
      expect(f.name).toBe(spec.name);
      expect(f.parameters.map((p) => p.name)).toEqual(spec.params.map((p) => p.name));
      expect(f.parameters.map((p) => Boolean(p.optional))).toEqual(
        spec.params.map((p) => p.optional),
      );
    }
  });

  it('describes every function and every parameter', () => {
    for (const f of meta.functions) {
      expect(f.description?.length ?? 0).toBeGreaterThan(10);
      for (const p of f.parameters) expect(p.description?.length ?? 0).toBeGreaterThan(5);
    }
  });

  it('takes ranges in every parameter so calls lift, and no function is volatile', () => {
    for (const f of meta.functions) {
      for (const p of f.parameters) expect(p.dimensionality).toBe('matrix');
      expect(f.options?.volatile ?? false).toBe(false);
    }
  });

  it('uses names Excel accepts and that no built-in function already has', () => {
    const builtins = new Set(
      HyperFormula.getRegisteredFunctionNames('enGB').map((n) => n.toUpperCase()),
    );
    expect(builtins.has('SUM')).toBe(true);
    for (const f of meta.functions) {
      expect(f.id).toMatch(/^[A-Z][A-Z0-9._]*$/);
      expect(f.name).toMatch(/^[A-Z][A-Z0-9._]*$/);
      expect(builtins.has(f.name)).toBe(false);
      for (const p of f.parameters) expect(p.name).toMatch(/^[a-z][a-z0-9_]*$/);
    }
  });
});

describe('derived files do not drift from the table', () => {
  it('excel-functions.ts and functions-zh-cn.json are exactly what the generator writes', () => {
    // gen-functions --check exits 1 and names the file when either has drifted from the table.
    expect(() =>
      execFileSync(
        process.execPath,
        [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/gen-functions.ts', '--check'],
        { cwd: ROOT, stdio: 'pipe' },
      ),
    ).not.toThrow();
  }, 60000);

  it('the drift check fails, naming the file, when a derived file differs from the table', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cm-gen-'));
    try {
      copyFileSync(ZH_FILE, join(dir, 'functions-zh-cn.json'));
      const edited = readFileSync(EXCEL_FILE, 'utf8').replace('Yearly appraisal score', 'Score');
      writeFileSync(join(dir, 'excel-functions.ts'), edited);
      const run = spawnSync(
        process.execPath,
        [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/gen-functions.ts', '--check', dir],
        { cwd: ROOT, encoding: 'utf8' },
      );
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(join(dir, 'excel-functions.ts'));
      expect(run.stderr).not.toContain('functions-zh-cn.json');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60000);

  it('functions-zh-cn.json covers the same ids and parameters, in Chinese', () => {
    const zh = JSON.parse(readFileSync(ZH_FILE, 'utf8')) as Meta;
    expect(zh.functions.map((f) => f.id)).toEqual(meta.functions.map((f) => f.id));
    zh.functions.forEach((f, i) => {
      expect(f.parameters.map((p) => p.name)).toEqual(
        meta.functions[i].parameters.map((p) => p.name),
      );
      expect(f.description).toMatch(/[\u4e00-\u9fff]/);
      for (const p of f.parameters) expect(p.description).toMatch(/[\u4e00-\u9fff]/);
    });
  });

  it('manifest.xml points Excel at the zh-CN metadata', () => {
    const manifest = readFileSync(join(__dirname, '../../manifest.xml'), 'utf8');
    expect(manifest).toMatch(
      /<(bt:)?Override Locale="zh-CN" Value="https:\/\/localhost:3000\/functions-zh-cn\.json"\s*\/>/,
    );
  });
});
