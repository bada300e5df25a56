/**
 * The floor for reading a workbook (issue #14, "100,000 rows"): unzip the .xlsx and scan its
 * sheet XML and shared strings with a streaming parser (saxes), building no cell model — only
 * counting the cells and the characters of their values. Any reader has to do at least this.
 * The zip is read through its central directory; each entry is inflated as a stream in chunks,
 * so memory stays flat however large the sheet.
 */
import { readFileSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { createInflateRaw } from 'node:zlib';
import { SaxesParser } from 'saxes';

interface Entry {
  readonly name: string;
  readonly method: number;
  readonly offset: number;
  readonly size: number;
}

/** The zip's entries, from its central directory (end record searched from the back). */
function entries(zip: Buffer): Entry[] {
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65_557); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip archive');
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  const out: Entry[] = [];
  for (let n = 0; n < count; n++) {
    const method = zip.readUInt16LE(p + 10);
    const size = zip.readUInt32LE(p + 20);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const name = zip.toString('utf8', p + 46, p + 46 + nameLen);
    // The data starts after the local header, whose name and extra lengths are its own.
    const offset = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    out.push({ name, method, offset, size });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

export interface ScanResult {
  readonly cells: number;
  readonly valueChars: number;
}

const CHUNK = 1 << 16;

/** Streams one entry's XML through saxes, counting <c> elements and value characters. */
function scanEntry(zip: Buffer, e: Entry, tally: { cells: number; valueChars: number }) {
  return new Promise<void>((resolve, reject) => {
    const parser = new SaxesParser();
    let inValue = false;
    parser.on('opentag', (t) => {
      if (t.name === 'c') tally.cells++;
      else if (t.name === 'v' || t.name === 't') inValue = true;
    });
    parser.on('closetag', (t) => {
      if (t.name === 'v' || t.name === 't') inValue = false;
    });
    parser.on('text', (text) => {
      if (inValue) tally.valueChars += text.length;
    });
    parser.on('error', reject);
    const decoder = new StringDecoder('utf8');
    const data = zip.subarray(e.offset, e.offset + e.size);
    if (e.method === 0) {
      parser.write(decoder.write(data));
      parser.close();
      resolve();
      return;
    }
    const inflate = createInflateRaw({ chunkSize: CHUNK });
    inflate.on('data', (chunk: Buffer) => parser.write(decoder.write(chunk)));
    inflate.on('end', () => {
      parser.write(decoder.end());
      parser.close();
      resolve();
    });
    inflate.on('error', reject);
    for (let i = 0; i < data.length; i += CHUNK) inflate.write(data.subarray(i, i + CHUNK));
    inflate.end();
  });
}

/** Unzips and scans every worksheet and the shared strings of the .xlsx at `path`. */
export async function scanXlsx(path: string): Promise<ScanResult> {
  const zip = readFileSync(path);
  const tally = { cells: 0, valueChars: 0 };
  for (const e of entries(zip)) {
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(e.name) || e.name === 'xl/sharedStrings.xml') {
      await scanEntry(zip, e, tally);
    }
  }
  if (tally.cells === 0) throw new Error(`${path}: no cells found`);
  return tally;
}
