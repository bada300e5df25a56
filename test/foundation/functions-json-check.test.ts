import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkFunctionsJsonFile, checkFunctionsMetadata } from '../../scripts/functions-json-check';

const ONE = JSON.stringify({
  functions: [{ id: 'POLICY_VERSION', name: 'POLICY_VERSION', parameters: [], result: {} }],
});

describe('functions.json check (the build fails on any problem)', () => {
  it('accepts metadata with a function', () => {
    expect(checkFunctionsMetadata(ONE)).toBeUndefined();
  });

  it('rejects a missing file', () => {
    expect(checkFunctionsMetadata(undefined)).toMatch(/was not generated/);
  });

  it('rejects an empty file, an empty functions array and no array', () => {
    expect(checkFunctionsMetadata('')).toMatch(/is empty/);
    expect(checkFunctionsMetadata('{"functions": []}')).toMatch(/declares no functions/);
    expect(checkFunctionsMetadata('{}')).toMatch(/declares no functions/);
  });

  it('rejects invalid JSON and functions without id or name', () => {
    expect(checkFunctionsMetadata('{"functions": [')).toMatch(/not valid JSON/);
    expect(checkFunctionsMetadata('{"functions": [{"id": "X"}]}')).toMatch(
      /without an id or a name/,
    );
  });

  it('reads the file from disk, naming it in the message', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cm-functions-'));
    try {
      const file = join(dir, 'functions.json');
      expect(checkFunctionsJsonFile(file)).toMatch(/functions\.json was not generated/);
      writeFileSync(file, '{"functions": []}');
      expect(checkFunctionsJsonFile(file)).toContain(file);
      writeFileSync(file, ONE);
      expect(checkFunctionsJsonFile(file)).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
