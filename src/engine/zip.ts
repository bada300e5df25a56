/**
 * The .xlsx container (Node only: zlib): the zip's directory read with every limit checked before
 * anything is inflated, parts inflated one at a time with a hard cap on their size, and a writer
 * that copies the parts it does not change byte-for-byte (their compressed bytes as they are).
 * Zip format: PKWARE APPNOTE.TXT 6.3 (§4.3.7 local header, §4.3.12 central header, §4.3.16
 * end of central directory, §4.3.14/15 zip64).
 */
import { promisify } from 'util';
import {
  constants,
  crc32,
  deflateRaw,
  deflateRawSync,
  inflateRawSync,
  type ZlibOptions,
} from 'zlib';

const deflateRawAsync = promisify<Uint8Array, ZlibOptions, Buffer>(deflateRaw);
import { fileError } from './errors';
import { LIMITS, mib } from './limits';

export interface ZipEntry {
  /** As stored, without a leading `/`. */
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
  readonly time: number;
  readonly date: number;
}

const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_LOCATOR64 = 0x07064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;

/** Parts at least this large are given back by release(); smaller ones are not worth it. */
const RELEASED_BYTES = 1 << 20;

/** A readable workbook zip: its directory checked against LIMITS, its parts inflated on demand. */
export class ZipArchive {
  private readonly byName = new Map<string, ZipEntry>();
  private inflated = 0;

  constructor(
    readonly data: Uint8Array,
    /** The file's name, for messages. */
    readonly file: string,
  ) {
    for (const e of readDirectory(data, file)) this.byName.set(e.name.toLowerCase(), e);
  }

  get entries(): ZipEntry[] {
    return [...this.byName.values()];
  }

  entry(name: string): ZipEntry | undefined {
    return this.byName.get(name.replace(/^\//, '').toLowerCase());
  }

  has(name: string): boolean {
    return this.entry(name) !== undefined;
  }

  /** A part's bytes, inflated (null when there is no such part). */
  bytes(name: string): Uint8Array | null {
    const e = this.entry(name);
    if (!e) return null;
    const raw = this.raw(e);
    let out: Uint8Array;
    if (e.method === 0) out = raw;
    else if (e.method === 8) {
      try {
        // One output chunk of the part's size: no copying of 16 KB chunks into one buffer at
        // the end (twice as fast for an 80 MB sheet, half the memory at its peak).
        out = inflateRawSync(raw, {
          maxOutputLength: Math.max(1, e.size),
          chunkSize: Math.min(Math.max(64, e.size + 1), 1 << 28),
        });
      } catch (err) {
        throw damaged(this.file, e.name, err);
      }
    } else {
      throw fileError(
        {
          en: `${this.file} cannot be read: its part ${e.name} is compressed with a method (${e.method}) .xlsx files do not use.`,
          zh: `无法读取 ${this.file}：其中的部件 ${e.name} 使用了 .xlsx 文件不使用的压缩方式（${e.method}）。`,
        },
        this.file,
      );
    }
    if (out.length !== e.size || crc32(out) >>> 0 !== e.crc >>> 0) {
      throw damaged(this.file, e.name);
    }
    this.inflated += out.length;
    if (this.inflated > LIMITS.totalBytes) throw tooBig(this.file, e.name, 'total');
    return out;
  }

  /**
   * Gives back the memory of a large part's bytes (from bytes()) once the caller is done with
   * them: they are detached, and `bytes` is empty afterwards. A 100,000-row sheet inflates to
   * about 83 MB; once read, that buffer is garbage, but V8 returns an ArrayBuffer's memory only
   * when a collection finds its (by then old) owner dead, which may not happen before the
   * command ends. Transferring the buffer (structuredClone with `transfer`, which moves the
   * memory to a new ArrayBuffer and detaches this one) leaves the memory with a new, young
   * owner that the next minor collection frees. Bytes that are a view of the archive itself (a
   * stored part) or a small buffer (which may share Node's buffer pool) are left alone.
   */
  release(bytes: Uint8Array): void {
    if (bytes.buffer === this.data.buffer || bytes.byteLength < RELEASED_BYTES) return;
    try {
      structuredClone(bytes.buffer, { transfer: [bytes.buffer] });
    } catch {
      // A buffer that cannot be transferred is left to the collector, as before.
    }
  }

  /** A part as text (UTF-8; a UTF-16 part with its byte order mark is decoded too). */
  text(name: string): string | null {
    const b = this.bytes(name);
    if (b === null) return null;
    const buf = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
    if (buf[0] === 0xff && buf[1] === 0xfe) return buf.toString('utf16le', 2);
    if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return buf.toString('utf8', 3);
    return buf.toString('utf8');
  }

  /** A part's stored (compressed) bytes. */
  raw(e: ZipEntry): Uint8Array {
    const view = new DataView(this.data.buffer, this.data.byteOffset, this.data.byteLength);
    if (
      e.localOffset + 30 > this.data.length ||
      view.getUint32(e.localOffset, true) !== SIG_LOCAL
    ) {
      throw damaged(this.file, e.name);
    }
    const start =
      e.localOffset +
      30 +
      view.getUint16(e.localOffset + 26, true) +
      view.getUint16(e.localOffset + 28, true);
    if (start + e.compressedSize > this.data.length) throw damaged(this.file, e.name);
    return this.data.subarray(start, start + e.compressedSize);
  }
}

function damaged(file: string, part: string, cause?: unknown) {
  return fileError(
    {
      en: `${file} is damaged: its part ${part} cannot be unpacked; open it in Excel and save it again, or use a backup copy.`,
      zh: `${file} 已损坏：其中的部件 ${part} 无法解压；请用 Excel 打开后重新保存，或使用备份副本。`,
    },
    file,
    cause,
  );
}

function notZip(file: string) {
  return fileError(
    {
      en: `${file} is not an .xlsx workbook (it is not a zip archive, or the archive is damaged or encrypted).`,
      zh: `${file} 不是 .xlsx 工作簿（不是 zip 压缩包，或压缩包已损坏或已加密）。`,
    },
    file,
  );
}

function tooBig(file: string, part: string, which: 'part' | 'total' | 'ratio') {
  const text =
    which === 'part'
      ? {
          en: `${file} is refused: its part ${part} unpacks to more than ${mib(LIMITS.partBytes)}, the limit for one part.`,
          zh: `已拒绝 ${file}：其中的部件 ${part} 解压后超过单个部件 ${mib(LIMITS.partBytes)} 的上限。`,
        }
      : which === 'total'
        ? {
            en: `${file} is refused: its parts unpack to more than ${mib(LIMITS.totalBytes)} in all (the limit), reached at part ${part}.`,
            zh: `已拒绝 ${file}：各部件解压后合计超过 ${mib(LIMITS.totalBytes)} 的上限（在部件 ${part} 处达到）。`,
          }
        : {
            en: `${file} is refused: its part ${part} is compressed more than ${LIMITS.ratio} to 1 (the limit), as a zip bomb is.`,
            zh: `已拒绝 ${file}：其中的部件 ${part} 压缩比超过 ${LIMITS.ratio} 比 1 的上限（疑似压缩炸弹）。`,
          };
  return fileError(text, file);
}

/** The zip's central directory, every entry checked against LIMITS before anything is inflated. */
function readDirectory(data: Uint8Array, file: string): ZipEntry[] {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === SIG_EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw notZip(file);
  let count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  if (
    (count === 0xffff || p === 0xffffffff) &&
    eocd >= 20 &&
    view.getUint32(eocd - 20, true) === SIG_LOCATOR64
  ) {
    const at = Number(view.getBigUint64(eocd - 12, true));
    if (at + 56 > data.length || view.getUint32(at, true) !== SIG_EOCD64) throw notZip(file);
    count = Number(view.getBigUint64(at + 32, true));
    p = Number(view.getBigUint64(at + 48, true));
  }
  if (count > LIMITS.entries) {
    throw fileError(
      {
        en: `${file} is refused: it holds ${count} parts, more than the limit of ${LIMITS.entries}.`,
        zh: `已拒绝 ${file}：其中含有 ${count} 个部件，超过 ${LIMITS.entries} 个的上限。`,
      },
      file,
    );
  }
  const decoder = new TextDecoder();
  const out: ZipEntry[] = [];
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > data.length || view.getUint32(p, true) !== SIG_CENTRAL) throw notZip(file);
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const time = view.getUint16(p + 12, true);
    const date = view.getUint16(p + 14, true);
    const crc = view.getUint32(p + 16, true);
    let compressedSize = view.getUint32(p + 20, true);
    let size = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    let localOffset = view.getUint32(p + 42, true);
    if (p + 46 + nameLength + extraLength > data.length) throw notZip(file);
    const name = decoder.decode(data.subarray(p + 46, p + 46 + nameLength)).replace(/^\//, '');
    if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) {
      // Zip64 extended information (APPNOTE 4.5.3): only the fields that overflowed, in order.
      let x = p + 46 + nameLength;
      const end = x + extraLength;
      while (x + 4 <= end) {
        const id = view.getUint16(x, true);
        const len = view.getUint16(x + 2, true);
        if (id === 0x0001) {
          let q = x + 4;
          const next = () => {
            const v = Number(view.getBigUint64(q, true));
            q += 8;
            return v;
          };
          if (size === 0xffffffff) size = next();
          if (compressedSize === 0xffffffff) compressedSize = next();
          if (localOffset === 0xffffffff) localOffset = next();
          break;
        }
        x += 4 + len;
      }
    }
    if (flags & 0x0001) {
      throw fileError(
        {
          en: `${file} is encrypted (password-protected); save an unprotected copy in Excel and use that.`,
          zh: `${file} 已加密（设有打开密码）；请在 Excel 中另存一份不加密的副本后使用。`,
        },
        file,
      );
    }
    if (size > LIMITS.partBytes) throw tooBig(file, name, 'part');
    total += size;
    if (total > LIMITS.totalBytes) throw tooBig(file, name, 'total');
    if (size > LIMITS.ratioFloorBytes && size > LIMITS.ratio * Math.max(1, compressedSize)) {
      throw tooBig(file, name, 'ratio');
    }
    out.push({ name, method, flags, crc, compressedSize, size, localOffset, time, date });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return out;
}

/** A part of a zip being written: copied as stored from the input, or new bytes to deflate. */
export type ZipPart =
  | { readonly name: string; readonly copy: ZipEntry; readonly from: ZipArchive }
  | { readonly name: string; readonly data: Uint8Array }
  /**
   * New bytes made piece by piece as the part is written (a patched 100,000-row sheet); a
   * piece of text is written as UTF-8.
   */
  | { readonly name: string; readonly pieces: () => Iterable<Uint8Array | string> };

/** A part ready to be written: its stored bytes and what its headers say of them. */
interface Written {
  readonly name: string;
  readonly stored: Uint8Array;
  readonly method: number;
  readonly crc: number;
  readonly size: number;
  readonly time: number;
  readonly date: number;
}

/** Writes a zip: parts in order, copies byte-for-byte, new parts deflated. Returns its chunks. */
export function writeZip(parts: readonly ZipPart[]): Uint8Array[] {
  const now = dosTime(new Date());
  return assemble(
    parts.map((part) =>
      'copy' in part || 'data' in part
        ? whole(part, now)
        : { name: part.name, method: 8, ...now, ...deflatePieces(part.pieces()) },
    ),
  );
}

/**
 * writeZip, with the parts made in pieces deflated on Node's thread pool while the next pieces
 * are made on this thread (a patched 100,000-row sheet and its report: the deflating then
 * overlaps the patching). The bytes are the same as writeZip's.
 */
export async function writeZipAsync(parts: readonly ZipPart[]): Promise<Uint8Array[]> {
  const now = dosTime(new Date());
  const written: Written[] = [];
  for (const part of parts) {
    written.push(
      'copy' in part || 'data' in part
        ? whole(part, now)
        : { name: part.name, method: 8, ...now, ...(await deflatePiecesAsync(part.pieces())) },
    );
  }
  return assemble(written);
}

/** A part copied as stored from its archive, or whole new bytes deflated. */
function whole(
  part: Exclude<ZipPart, { pieces: unknown }>,
  now: { time: number; date: number },
): Written {
  if ('copy' in part) {
    const { method, crc, size, time, date } = part.copy;
    return { name: part.name, stored: part.from.raw(part.copy), method, crc, size, time, date };
  }
  return {
    name: part.name,
    stored: deflateRawSync(part.data),
    method: 8,
    crc: crc32(part.data) >>> 0,
    size: part.data.length,
    ...now,
  };
}

/** The zip's chunks: each part behind its local header, then the central directory. */
function assemble(parts: readonly Written[]): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const { name: text, stored, method, crc, size, time, date } of parts) {
    const name = Buffer.from(text, 'utf8');
    if (offset > 0xfffffff0 || stored.length >= 0xffffffff || size >= 0xffffffff) {
      throw new RangeError('The workbook is too large to write (over 4 GB).');
    }
    const local = Buffer.alloc(30);
    local.writeUInt32LE(SIG_LOCAL, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names; sizes in the header, no data descriptor
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(stored.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const head = Buffer.alloc(46);
    head.writeUInt32LE(SIG_CENTRAL, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(20, 6);
    head.writeUInt16LE(0x0800, 8);
    head.writeUInt16LE(method, 10);
    head.writeUInt16LE(time, 12);
    head.writeUInt16LE(date, 14);
    head.writeUInt32LE(crc, 16);
    head.writeUInt32LE(stored.length, 20);
    head.writeUInt32LE(size, 24);
    head.writeUInt16LE(name.length, 28);
    head.writeUInt32LE(offset, 42);
    central.push(head, name);
    chunks.push(local, name, stored);
    offset += 30 + name.length + stored.length;
  }
  const cdSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(SIG_EOCD, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cdSize, 12);
  end.writeUInt32LE(offset, 16);
  chunks.push(...central, end);
  return chunks;
}

/** Pieces are gathered to about a mebibyte before each deflate call. */
const BATCH_BYTES = 1 << 20;

/**
 * Each batch is compressed with a sync flush (byte-aligned, not final), then one empty final
 * block closes the stream (RFC 1951 §3.2.3: a stream is any sequence of blocks, the last marked
 * BFINAL). Level 3: a patched 100,000-row sheet deflates about 2.5× faster than at the default
 * 6, for a part about a fifth larger.
 */
const BATCH_OPTIONS = { level: 3, finishFlush: constants.Z_SYNC_FLUSH };

/**
 * Buffers for batches, reused once their batch is deflated: a patched sheet and its report are
 * about 140 MB for 50,000 rows, which fresh buffers would each time take from the system.
 */
class BatchBuffers {
  private readonly free: Buffer[] = [];

  take(): Buffer {
    // Room for a full batch and then one more piece of text at 3 bytes a UTF-16 unit.
    return this.free.pop() ?? Buffer.allocUnsafeSlow(BATCH_BYTES + 3 * PIECE_ROOM);
  }

  give(b: Buffer): void {
    this.free.push(b);
  }
}

/** Text pieces up to this many UTF-16 units are encoded straight into a batch. */
const PIECE_ROOM = 1 << 16;

/** A batch: its bytes (a view of `buffer`), and the pool buffer to give back, if any. */
interface Batch {
  readonly data: Uint8Array;
  readonly buffer?: Buffer;
}

/**
 * A part's pieces gathered into batches, with their running CRC and size. Text is encoded
 * straight into a batch buffer (no buffer per piece, no copy to join them).
 */
function* batches(
  pieces: Iterable<Uint8Array | string>,
  sum: { crc: number; size: number },
  pool: BatchBuffers,
): Generator<Batch> {
  let buffer = pool.take();
  let used = 0;
  const full = (): Batch => {
    const data = buffer.subarray(0, used);
    sum.crc = crc32(data, sum.crc);
    sum.size += used;
    const batch = { data, buffer };
    buffer = pool.take();
    used = 0;
    return batch;
  };
  for (const piece of pieces) {
    if (piece.length === 0) continue;
    if (typeof piece === 'string' && piece.length <= PIECE_ROOM) {
      used += buffer.write(piece, used, 'utf8');
    } else {
      // Bytes, or a text too long to be sure of its room: as its own batch, after the others.
      if (used > 0) yield full();
      const data = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
      sum.crc = crc32(data, sum.crc);
      sum.size += data.length;
      yield { data };
      continue;
    }
    if (used >= BATCH_BYTES) yield full();
  }
  if (used > 0) yield full();
  pool.give(buffer);
}

/** Deflates a part given in pieces, holding about one batch of them at a time. */
function deflatePieces(pieces: Iterable<Uint8Array | string>): {
  stored: Uint8Array;
  crc: number;
  size: number;
} {
  const sum = { crc: 0, size: 0 };
  const pool = new BatchBuffers();
  const out: Uint8Array[] = [];
  for (const { data, buffer } of batches(pieces, sum, pool)) {
    out.push(deflateRawSync(data, BATCH_OPTIONS));
    if (buffer) pool.give(buffer);
  }
  out.push(deflateRawSync(Buffer.alloc(0)));
  return { stored: Buffer.concat(out), crc: sum.crc >>> 0, size: sum.size };
}

/** An output chunk size above deflate's worst case for n bytes (zlib's deflateBound). */
const oneChunk = (n: number) => Math.max(1 << 16, n + (n >> 8) + 1024);

/** Batches deflated on the thread pool at once, at most (bounds the memory held). */
const IN_FLIGHT = 3;

/** deflatePieces with each batch deflated on the thread pool while the next one is made. */
async function deflatePiecesAsync(pieces: Iterable<Uint8Array | string>): Promise<{
  stored: Uint8Array;
  crc: number;
  size: number;
}> {
  const sum = { crc: 0, size: 0 };
  const pool = new BatchBuffers();
  const out: Promise<Buffer>[] = [];
  const held: (Buffer | undefined)[] = [];
  let done = 0;
  for (const { data, buffer } of batches(pieces, sum, pool)) {
    // One output chunk larger than the batch can deflate to: Node's async zlib comes back to
    // this thread after each output chunk, so with small chunks a busy thread would stall it.
    const deflated = deflateRawAsync(data, { ...BATCH_OPTIONS, chunkSize: oneChunk(data.length) });
    // Awaited below; should making the next batch throw first, its failure is not unhandled.
    deflated.catch(() => undefined);
    out.push(deflated);
    held.push(buffer);
    if (out.length - done >= IN_FLIGHT) {
      await out[done];
      const b = held[done++];
      if (b) pool.give(b);
    }
  }
  out.push(deflateRawAsync(Buffer.alloc(0), {}));
  return { stored: Buffer.concat(await Promise.all(out)), crc: sum.crc >>> 0, size: sum.size };
}

function dosTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: (Math.max(0, d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}
