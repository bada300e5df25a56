/** File I/O for the engine (Node only; the rest of the engine also runs in a browser). */
import { promises as fs } from 'fs';
import { basename } from 'path';
import { EngineFileError } from './errors';

export async function readWorkbookFile(path: string): Promise<Uint8Array> {
  try {
    const stat = await fs.stat(path);
    if (stat.isDirectory())
      throw new EngineFileError(`${path} is a directory, not an .xlsx file.`, path);
    return await fs.readFile(path);
  } catch (e) {
    if (e instanceof EngineFileError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'does not exist'
        : code === 'EACCES' || code === 'EPERM'
          ? 'cannot be read (permission denied)'
          : `cannot be read (${(e as Error).message})`;
    throw new EngineFileError(`File ${path} ${why}.`, path, { cause: e });
  }
}

export async function writeWorkbookFile(path: string, data: Uint8Array): Promise<void> {
  try {
    await fs.writeFile(path, data);
  } catch (e) {
    throw new EngineFileError(`Could not write ${path} (${(e as Error).message}).`, path, {
      cause: e,
    });
  }
}

export function displayName(path: string): string {
  return basename(path);
}
