/**
 * Why a file could not be read or written, in the clerk's words in both languages, from the
 * system's error code (ENOENT, EACCES, …): never the system's own English message.
 */
import type { Text } from '../rules';

const REASONS: Readonly<Record<string, Text>> = {
  ENOENT: { en: 'it does not exist', zh: '文件不存在' },
  ENOTDIR: { en: 'a folder in its path does not exist', zh: '路径中的文件夹不存在' },
  EACCES: { en: 'permission denied', zh: '没有访问权限' },
  EPERM: { en: 'permission denied', zh: '没有访问权限' },
  EISDIR: { en: 'it is a folder', zh: '这是一个文件夹' },
  ENOSPC: { en: 'the disk is full', zh: '磁盘已满' },
  EDQUOT: { en: 'the disk quota is used up', zh: '磁盘配额已用完' },
  EROFS: { en: 'the disk is read-only', zh: '磁盘为只读' },
  EEXIST: { en: 'it already exists', zh: '文件已存在' },
  ENAMETOOLONG: { en: 'the name is too long', zh: '文件名过长' },
  EBUSY: { en: 'it is in use by another program', zh: '文件正被其他程序使用' },
  EMFILE: { en: 'too many files are open', zh: '打开的文件过多' },
  EIO: { en: 'the disk reported an input/output error', zh: '磁盘读写出错' },
};

/** The system error code of `e`, if it has one. */
export function errorCode(e: unknown): string | undefined {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * `it does not exist` / `文件不存在`; an unknown code is named as it is (`system error EXDEV`).
 * Writing a new file, ENOENT means its folder is missing.
 */
export function fsReason(e: unknown, writing = false): Text {
  const code = errorCode(e);
  if (writing && code === 'ENOENT') return REASONS.ENOTDIR;
  if (code !== undefined && REASONS[code] !== undefined) return REASONS[code];
  return code !== undefined
    ? { en: `system error ${code}`, zh: `系统错误 ${code}` }
    : { en: 'the system refused it', zh: '系统拒绝了该操作' };
}
