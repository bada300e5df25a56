/**
 * File I/O for the engine (Node only; the rest of the engine also runs in a browser).
 *
 * Reading accepts a regular file only, no larger than LIMITS.fileBytes (a device such as
 * /dev/zero, a FIFO or a directory is refused before anything is read). Writing is atomic: the
 * bytes go to a temporary file in the target's folder, are flushed to disk (fsync), and the
 * temporary file is renamed over the target, so a kill, a full disk or an error leaves either the
 * old file or the complete new one, never a partial file.
 */
import { constants, promises as fs } from 'fs';
import { randomBytes } from 'crypto';
import { basename, dirname, join, resolve } from 'path';
import { EngineFileError, fileError } from './errors';
import { LIMITS, mib } from './limits';

export async function readWorkbookFile(path: string): Promise<Uint8Array> {
  const name = basename(path);
  let handle: fs.FileHandle | undefined;
  try {
    // O_NONBLOCK: opening a FIFO for reading must not wait for a writer.
    handle = await fs.open(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const stat = await handle.stat();
    if (stat.isDirectory()) {
      throw fileError(
        {
          en: `${path} is a folder, not an .xlsx file.`,
          zh: `${path} 是文件夹，不是 .xlsx 文件。`,
        },
        path,
      );
    }
    if (!stat.isFile()) {
      throw fileError(
        {
          en: `${path} is not a regular file (a device, pipe or socket); give the path of an .xlsx file.`,
          zh: `${path} 不是普通文件（而是设备、管道或套接字）；请给出 .xlsx 文件的路径。`,
        },
        path,
      );
    }
    if (stat.size > LIMITS.fileBytes) {
      throw fileError(
        {
          en: `${name} is refused: the file is larger than ${mib(LIMITS.fileBytes)}, the limit.`,
          zh: `已拒绝 ${name}：文件大于 ${mib(LIMITS.fileBytes)} 的上限。`,
        },
        path,
      );
    }
    const data = Buffer.alloc(stat.size);
    let at = 0;
    while (at < data.length) {
      const { bytesRead } = await handle.read(data, at, data.length - at, at);
      if (bytesRead === 0) break;
      at += bytesRead;
    }
    return data.subarray(0, at);
  } catch (e) {
    if (e instanceof EngineFileError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw fileError(
      code === 'ENOENT'
        ? { en: `File ${path} does not exist.`, zh: `文件 ${path} 不存在。` }
        : code === 'EACCES' || code === 'EPERM'
          ? {
              en: `File ${path} cannot be read (permission denied).`,
              zh: `无法读取文件 ${path}（没有权限）。`,
            }
          : code === 'EISDIR'
            ? {
                en: `${path} is a folder, not an .xlsx file.`,
                zh: `${path} 是文件夹，不是 .xlsx 文件。`,
              }
            : {
                en: `File ${path} cannot be read (system error ${code ?? 'unknown'}).`,
                zh: `无法读取文件 ${path}（系统错误 ${code ?? '未知'}）。`,
              },
      path,
      e,
    );
  } finally {
    await handle?.close();
  }
}

/** Temporary files being written, removed if the process is interrupted. */
const pendingTemps = new Set<string>();
let handlersInstalled = false;

function installInterruptCleanup(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      for (const t of pendingTemps) {
        try {
          // eslint-disable-next-line @typescript-eslint/no-require-imports
          (require('fs') as typeof import('fs')).unlinkSync(t);
        } catch {
          // already gone
        }
      }
      process.kill(process.pid, signal);
    });
  }
}

/**
 * Writes `data` to `path` atomically (temporary file in the same folder, fsync, rename). An
 * existing target keeps its permissions. Throws EngineFileError, with nothing left behind.
 */
export async function writeWorkbookFile(
  path: string,
  data: Uint8Array | readonly Uint8Array[],
): Promise<void> {
  const target = resolve(path);
  const dir = dirname(target);
  const temp = join(dir, `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const chunks = data instanceof Uint8Array ? [data] : data;
  let mode = 0o666;
  try {
    const st = await fs.stat(target);
    if (!st.isFile()) {
      throw fileError(
        {
          en: `Cannot write ${path}: it exists and is not a regular file.`,
          zh: `无法写入 ${path}：该路径已存在且不是普通文件。`,
        },
        path,
      );
    }
    mode = st.mode & 0o7777;
  } catch (e) {
    if (e instanceof EngineFileError) throw e;
  }
  installInterruptCleanup();
  pendingTemps.add(temp);
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(temp, 'wx', mode);
    for (const c of chunks) {
      let at = 0;
      while (at < c.length) {
        const { bytesWritten } = await handle.write(c, at, c.length - at);
        at += bytesWritten;
      }
    }
    await handle.sync();
    await handle.close();
    handle = undefined;
    await fs.rename(temp, target);
    pendingTemps.delete(temp);
    await syncFolder(dir);
  } catch (e) {
    await handle?.close().catch(() => undefined);
    await fs.unlink(temp).catch(() => undefined);
    pendingTemps.delete(temp);
    if (e instanceof EngineFileError) throw e;
    throw writeError(path, e);
  }
}

function writeError(path: string, e: unknown) {
  const code = (e as NodeJS.ErrnoException).code;
  const why =
    code === 'ENOSPC' || code === 'EDQUOT'
      ? { en: 'the disk is full', zh: '磁盘已满' }
      : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
        ? { en: 'permission denied', zh: '没有权限' }
        : code === 'ENOENT' || code === 'ENOTDIR'
          ? { en: 'its folder does not exist', zh: '所在文件夹不存在' }
          : { en: `system error ${code ?? 'unknown'}`, zh: `系统错误 ${code ?? '未知'}` };
  return fileError(
    {
      en: `Could not write ${path} (${why.en}); nothing was written and any existing file is unchanged.`,
      zh: `无法写入 ${path}（${why.zh}）；未写入任何内容，原有文件保持不变。`,
    },
    path,
    e,
  );
}

/** Makes the rename durable (best effort: not every file system can sync a folder). */
async function syncFolder(dir: string): Promise<void> {
  let h: fs.FileHandle | undefined;
  try {
    h = await fs.open(dir, 'r');
    await h.sync();
  } catch {
    // Windows and some file systems refuse to open or sync a folder.
  } finally {
    await h?.close().catch(() => undefined);
  }
}

/** True when `a` and `b` name the same file (the same path, or links to one file). */
export async function sameFile(a: string, b: string): Promise<boolean> {
  if (resolve(a) === resolve(b)) return true;
  try {
    const [x, y] = await Promise.all([fs.stat(a), fs.stat(b)]);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

export function displayName(path: string): string {
  return basename(path);
}
