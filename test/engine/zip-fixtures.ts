/**
 * Hand-made .xlsx packages for hostile and foreign-writer tests: a minimal zip writer and reader
 * of their own (zlib only), so a bug in the engine's zip code cannot hide in its fixtures.
 */
import { crc32, deflateRawSync, inflateRawSync } from 'zlib';

export interface FixtureEntry {
  readonly data: Buffer;
  /** Store instead of deflate. */
  readonly stored?: boolean;
  /** Lie in the directory about the inflated size. */
  readonly declaredSize?: number;
}

export function zip(files: Record<string, string | Buffer | FixtureEntry>): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, v] of Object.entries(files)) {
    const entry: FixtureEntry =
      typeof v === 'string' ? { data: Buffer.from(v) } : Buffer.isBuffer(v) ? { data: v } : v;
    const body = entry.stored ? entry.data : deflateRawSync(entry.data);
    const n = Buffer.from(name);
    const size = entry.declaredSize ?? entry.data.length;
    const crc = crc32(entry.data) >>> 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(entry.stored ? 0 : 8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(n.length, 26);
    const head = Buffer.alloc(46);
    head.writeUInt32LE(0x02014b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(20, 6);
    head.writeUInt16LE(entry.stored ? 0 : 8, 10);
    head.writeUInt32LE(crc, 16);
    head.writeUInt32LE(body.length, 20);
    head.writeUInt32LE(size, 24);
    head.writeUInt16LE(n.length, 28);
    head.writeUInt32LE(offset, 42);
    locals.push(local, n, body);
    central.push(head, n);
    offset += 30 + n.length + body.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  const count = Object.keys(files).length;
  end.writeUInt16LE(count & 0xffff, 8);
  end.writeUInt16LE(count & 0xffff, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** Every part of a zip by name, inflated (from the central directory). */
export function unzip(data: Buffer): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const eocd = data.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = data.readUInt16LE(eocd + 10);
  let p = data.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i++) {
    const method = data.readUInt16LE(p + 10);
    const csize = data.readUInt32LE(p + 20);
    const nlen = data.readUInt16LE(p + 28);
    const elen = data.readUInt16LE(p + 30);
    const clen = data.readUInt16LE(p + 32);
    const local = data.readUInt32LE(p + 42);
    const name = data.toString('utf8', p + 46, p + 46 + nlen);
    const start = local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28);
    const body = data.subarray(start, start + csize);
    out.set(name, method === 8 ? inflateRawSync(body) : Buffer.from(body));
    p += 46 + nlen + elen + clen;
  }
  return out;
}

/** The stored (compressed) bytes of a part, to compare byte-for-byte. */
export function storedBytes(data: Buffer, name: string): Buffer | undefined {
  const eocd = data.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = data.readUInt16LE(eocd + 10);
  let p = data.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i++) {
    const csize = data.readUInt32LE(p + 20);
    const nlen = data.readUInt16LE(p + 28);
    const elen = data.readUInt16LE(p + 30);
    const clen = data.readUInt16LE(p + 32);
    const local = data.readUInt32LE(p + 42);
    if (data.toString('utf8', p + 46, p + 46 + nlen) === name) {
      const start = local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28);
      return Buffer.from(data.subarray(start, start + csize));
    }
    p += 46 + nlen + elen + clen;
  }
  return undefined;
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PR = 'http://schemas.openxmlformats.org/package/2006/relationships';

export interface SheetSpec {
  readonly name: string;
  /** The `<sheetData>` content and anything after it (mergeCells, tableParts, ...). */
  readonly body: string;
  /** Relationships of the sheet part: id → [type suffix, target]. */
  readonly rels?: Record<string, [string, string]>;
}

/**
 * A workbook package as a foreign writer might make it: no theme, optional styles and shared
 * strings, targets written as given (absolute ones included), extra parts as they are.
 */
export function workbookPackage(opts: {
  sheets: readonly SheetSpec[];
  strings?: readonly string[];
  styles?: boolean;
  extra?: Record<string, string>;
  absoluteTargets?: boolean;
  names?: string;
}): Buffer {
  const abs = opts.absoluteTargets ? '/xl/' : '';
  const files: Record<string, string> = {};
  const overrides: string[] = [];
  const wbRels: string[] = [];
  const sheetEls: string[] = [];
  opts.sheets.forEach((s, i) => {
    const part = `worksheets/sheet${i + 1}.xml`;
    files[`xl/${part}`] =
      `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}" xmlns:r="${R}">${s.body}</worksheet>`;
    overrides.push(
      `<Override PartName="/xl/${part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    );
    wbRels.push(`<Relationship Id="rId${i + 1}" Type="${R}/worksheet" Target="${abs}${part}"/>`);
    sheetEls.push(`<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`);
    if (s.rels) {
      files[`xl/worksheets/_rels/sheet${i + 1}.xml.rels`] =
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PR}">${Object.entries(s.rels)
          .map(
            ([id, [type, target]]) =>
              `<Relationship Id="${id}" Type="${R}/${type}" Target="${target}"/>`,
          )
          .join('')}</Relationships>`;
    }
  });
  if (opts.strings) {
    files['xl/sharedStrings.xml'] =
      `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${NS}" count="${opts.strings.length}">${opts.strings
        .map((t) => `<si><t>${t}</t></si>`)
        .join('')}</sst>`;
    wbRels.push(
      `<Relationship Id="rIdS" Type="${R}/sharedStrings" Target="${abs}sharedStrings.xml"/>`,
    );
  }
  if (opts.styles) {
    files['xl/styles.xml'] =
      `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${NS}"><fonts count="1"><font><sz val="11"/></font></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellXfs></styleSheet>`;
    wbRels.push(`<Relationship Id="rIdY" Type="${R}/styles" Target="${abs}styles.xml"/>`);
  }
  files['[Content_Types].xml'] =
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides.join('')}</Types>`;
  files['_rels/.rels'] =
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PR}"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  files['xl/workbook.xml'] =
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${R}"><sheets>${sheetEls.join('')}</sheets>${opts.names ?? ''}</workbook>`;
  files['xl/_rels/workbook.xml.rels'] =
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PR}">${wbRels.join('')}</Relationships>`;
  return zip({ ...files, ...(opts.extra ?? {}) });
}
