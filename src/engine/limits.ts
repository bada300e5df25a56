/**
 * What the engine agrees to read: limits checked before any work, so a small hostile file (a zip
 * bomb, a merge over a whole sheet) is refused with a sentence naming the limit instead of
 * exhausting memory or time. README "Limits" lists them.
 */
const MiB = 1024 * 1024;

export const LIMITS = {
  /** The .xlsx file itself. */
  fileBytes: 256 * MiB,
  /** Parts (files) inside the zip. */
  entries: 10_000,
  /** One part, inflated (a 100,000-row sheet is about 30 MB). */
  partBytes: 256 * MiB,
  /** All parts together, inflated. */
  totalBytes: 1024 * MiB,
  /** Inflated ÷ compressed size of a part larger than `ratioFloorBytes`. */
  ratio: 250,
  ratioFloorBytes: 1 * MiB,
  /** Cells in one merge, data validation or array formula range, after clipping to the used range. */
  rangeCells: 1_000_000,
} as const;

export function mib(bytes: number): string {
  return `${Math.round(bytes / MiB)} MB`;
}
