/**
 * A worksheet part's XML split for reading and patching in pieces (Node: Buffer): the text
 * before and after `<sheetData>` (small: views, columns, merges, validations, table parts), and
 * the cell data as pieces of about PIECE_BYTES that each end after a row's closing tag, decoded
 * one at a time. A 100,000-row sheet (80 MB of XML) is never one JavaScript string: what is kept
 * from a piece is copied out of it (see `detach`), so the piece is garbage once scanned.
 */

/**
 * About how much cell data one piece holds (cut after the next `</row>`): small enough that a
 * piece's text is a young object V8 frees cheaply (strings over ~128 KB go straight to the old
 * generation and stay until a full collection).
 */
export const PIECE_BYTES = 1 << 15;

export interface SheetXml {
  /** The part's bytes as UTF-8 (the offsets below are into these). */
  readonly bytes: Buffer;
  /** The namespace prefix of the SpreadsheetML elements with its colon (`x:`), or ''. */
  readonly prefix: string;
  /** Everything before the cell data (up to and including `<sheetData …>`), as saved. */
  readonly head: string;
  /** Everything after the cell data (from `</sheetData>`), as saved. */
  readonly tail: string;
  /** Byte offsets of the cell data within the part. */
  readonly dataStart: number;
  readonly dataEnd: number;
  /** The cell data in pieces, each ending after a row (or at the data's end), as saved. */
  pieces(): Generator<string>;
}

const LT = 0x3c;
const GT = 0x3e;

/** Splits a worksheet part's bytes (UTF-8, or UTF-16 with its byte order mark). */
export function splitSheetXml(bytes: Uint8Array, pieceBytes = PIECE_BYTES): SheetXml {
  let buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf[0] === 0xff && buf[1] === 0xfe) buf = Buffer.from(buf.toString('utf16le', 2), 'utf8');
  const bom = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  // The root's prefix, from its opening tag near the start (after the declaration, comments).
  const start = buf.toString('utf8', bom, Math.min(buf.length, bom + 4096));
  const prefix = /<([A-Za-z_][\w.-]*:)?worksheet\b/.exec(start)?.[1] ?? '';
  const open = buf.indexOf(`<${prefix}sheetData`, bom);
  if (open < 0) {
    const all = buf.toString('utf8', bom);
    return {
      bytes: buf,
      prefix,
      head: all,
      tail: '',
      dataStart: buf.length,
      dataEnd: buf.length,
      pieces: function* () {},
    };
  }
  let dataStart = buf.indexOf(GT, open) + 1;
  if (dataStart === 0) dataStart = buf.length;
  const selfClosed = buf[dataStart - 2] === 0x2f; // `<sheetData/>`
  let dataEnd = selfClosed ? dataStart : buf.lastIndexOf(`</${prefix}sheetData`);
  if (dataEnd < dataStart) dataEnd = selfClosed ? dataStart : buf.length;
  const rowClose = Buffer.from(`</${prefix}row>`);
  return {
    bytes: buf,
    prefix,
    head: buf.toString('utf8', bom, dataStart),
    tail: buf.toString('utf8', dataEnd),
    dataStart,
    dataEnd,
    pieces: function* () {
      let at = dataStart;
      while (at < dataEnd) {
        let cut = at + pieceBytes >= dataEnd ? dataEnd : buf.indexOf(rowClose, at + pieceBytes);
        cut = cut < 0 || cut >= dataEnd ? dataEnd : cut + rowClose.length;
        // A cut always lands before a `<` or at the end: never inside a UTF-8 character.
        if (cut < dataEnd && buf[cut] !== LT) cut = dataEnd;
        yield buf.toString('utf8', at, cut);
        at = cut;
      }
    },
  };
}

/**
 * A copy of a substring that does not keep the string it was cut from alive (V8 keeps a long
 * substring as a view into its parent): what the model keeps from a piece must not pin the piece.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}
