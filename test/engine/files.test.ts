import { randomBytes } from 'crypto';
import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { EngineFileError, loadWorkbook, saveWorkbook } from '../../src/engine';
import { fakeFunctions } from './fake-functions';
import { tempDir, xlsxFile } from './fixtures';

const functions = fakeFunctions;
const dir = tempDir();

async function failure(input: string | Uint8Array): Promise<EngineFileError> {
  try {
    await loadWorkbook(input, { functions });
  } catch (e) {
    return e as EngineFileError;
  }
  throw new Error('expected a failure');
}

describe('files', () => {
  it('says a missing file does not exist', async () => {
    const e = await failure(join(dir, 'nope.xlsx'));
    expect(e).toBeInstanceOf(EngineFileError);
    expect(e.message).toMatch(/nope\.xlsx does not exist\.$/);
  });

  it('refuses random bytes', async () => {
    const path = join(dir, 'random.xlsx');
    writeFileSync(path, randomBytes(2048));
    const e = await failure(path);
    expect(e).toBeInstanceOf(EngineFileError);
    expect(e.message).toMatch(/random\.xlsx is not an \.xlsx workbook/);
  });

  it('refuses a text file renamed .xlsx', async () => {
    const path = join(dir, 'notes.xlsx');
    writeFileSync(path, 'just some text\n');
    expect(await failure(path)).toBeInstanceOf(EngineFileError);
  });

  it('refuses a zip that is not a workbook, and a directory', async () => {
    // A zip's local-file signature followed by garbage.
    const zipish = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), randomBytes(200)]);
    const e = await failure(new Uint8Array(zipish));
    expect(e).toBeInstanceOf(EngineFileError);
    expect(e.message).toMatch(/is not an \.xlsx workbook/);
    const sub = join(dir, 'folder.xlsx');
    mkdirSync(sub);
    expect((await failure(sub)).message).toMatch(/is a folder/);
  });

  it('loads from a path and saves to a path', async () => {
    const path = await xlsxFile(dir, 'ok.xlsx', (wb) => {
      const ws = wb.addWorksheet('S');
      ws.getCell('A1').value = 2;
      ws.getCell('B1').value = { formula: 'CM.DOUBLE(A1)' } as never;
    });
    const wb = (await loadWorkbook(path, { functions })).evaluate();
    const out = join(dir, 'out.xlsx');
    await saveWorkbook(wb, out);
    const again = await loadWorkbook(out, { functions });
    expect(again.value('S', 'B1')).toBe(4);
    await expect(saveWorkbook(wb, join(dir, 'no', 'such', 'dir.xlsx'))).rejects.toBeInstanceOf(
      EngineFileError,
    );
  });
});
