/**
 * Draws the add-in's ribbon and store icons as PNG files under assets/, using only Node
 * (zlib for the deflate stream, a hand-rolled CRC-32 for the chunk checksums).
 *
 *   npx tsx scripts/make-icons.ts
 *
 * The icons are committed; run this again only to change them.
 */
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

type Rgb = readonly [number, number, number];
type Point = readonly [number, number];
/** Coverage test in unit coordinates (0..1 across the icon). */
type Shape = (x: number, y: number) => boolean;

export const ICON_SIZES = [16, 32, 64, 80] as const;

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** Encodes RGBA pixels (row-major, 4 bytes each) as a PNG: colour type 6, 8 bits. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  // compression, filter, interlace: all 0
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, rgba.byteOffset + y * stride, stride).copy(raw, y * (stride + 1) + 1);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function roundedSquare(margin: number, radius: number): Shape {
  const lo = margin + radius;
  const hi = 1 - margin - radius;
  return (x, y) => {
    const dx = Math.max(lo - x, 0, x - hi);
    const dy = Math.max(lo - y, 0, y - hi);
    return dx * dx + dy * dy <= radius * radius;
  };
}

function distanceToSegment(px: number, py: number, a: Point, b: Point): number {
  const [ax, ay] = a;
  const [bx, by] = b;
  const t = Math.max(
    0,
    Math.min(
      1,
      ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2),
    ),
  );
  return Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)));
}

/** A thick polyline with round joins. */
function stroke(points: readonly Point[], width: number): Shape {
  return (x, y) =>
    points.some((p, i) => i > 0 && distanceToSegment(x, y, points[i - 1], p) <= width / 2);
}

function rects(list: readonly (readonly [number, number, number, number])[]): Shape {
  return (x, y) => list.some(([x0, y0, x1, y1]) => x >= x0 && x <= x1 && y >= y0 && y <= y1);
}

/** Renders background and glyph with 4x4 supersampling so small sizes stay smooth. */
function render(size: number, background: Rgb, glyph: Shape): Uint8Array {
  const tile = roundedSquare(0.02, 0.2);
  const n = 4;
  const out = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let inTile = 0;
      let inGlyph = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = (px + (sx + 0.5) / n) / size;
          const y = (py + (sy + 0.5) / n) / size;
          if (tile(x, y)) {
            inTile++;
            if (glyph(x, y)) inGlyph++;
          }
        }
      }
      const alpha = inTile / (n * n);
      const white = inTile === 0 ? 0 : inGlyph / inTile;
      const i = (py * size + px) * 4;
      for (let c = 0; c < 3; c++)
        out[i + c] = Math.round(background[c] * (1 - white) + 255 * white);
      out[i + 3] = Math.round(alpha * 255);
    }
  }
  return out;
}

/** The add-in and task pane: a rising bar chart (scores). */
const barChart = rects([
  [0.2, 0.56, 0.34, 0.8],
  [0.43, 0.4, 0.57, 0.8],
  [0.66, 0.22, 0.8, 0.8],
]);

/** The audit command: a check mark. */
const checkMark = stroke(
  [
    [0.24, 0.52],
    [0.42, 0.7],
    [0.77, 0.32],
  ],
  0.13,
);

export const ICONS = [
  { prefix: 'icon', background: [0x0f, 0x6c, 0xbd] as Rgb, glyph: barChart }, // Fluent brand blue
  { prefix: 'audit', background: [0x10, 0x7c, 0x10] as Rgb, glyph: checkMark }, // Fluent green
] as const;

export function makeIcons(dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const icon of ICONS) {
    for (const size of ICON_SIZES) {
      const file = join(dir, `${icon.prefix}-${size}.png`);
      writeFileSync(file, encodePng(size, size, render(size, icon.background, icon.glyph)));
      written.push(file);
    }
  }
  return written;
}

if (require.main === module) {
  const written = makeIcons(join(__dirname, '..', 'assets'));
  console.log(`Wrote ${written.length} icons:\n  ${written.join('\n  ')}`);
}
