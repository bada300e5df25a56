/**
 * Times in the audit log: written as ISO 8601 with the writer's UTC offset
 * (`2026-12-01T19:05:35+08:00`, never a bare `Z` time a Beijing reader must convert), shown in
 * the reader's local time with the offset (`2026-12-01 19:05:35 +08:00`).
 */

function pad(n: number, width = 2): string {
  return String(Math.trunc(Math.abs(n))).padStart(width, '0');
}

function offsetText(minutes: number, separator: string): string {
  const sign = minutes < 0 ? '-' : '+';
  return `${sign}${pad(Math.abs(minutes) / 60)}${separator}${pad(Math.abs(minutes) % 60)}`;
}

/** The local wall-clock fields of `date` at `offsetMinutes` east of UTC. */
function wall(date: Date, offsetMinutes: number) {
  const d = new Date(date.getTime() + offsetMinutes * 60_000);
  return {
    date: `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
    time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`,
  };
}

/** The machine's offset east of UTC at that instant, in minutes (Beijing: 480). */
export function localOffset(date: Date): number {
  const o = -date.getTimezoneOffset();
  return o === 0 ? 0 : o;
}

/** ISO 8601 with the offset, to the second: `2026-12-01T19:05:35+08:00`. */
export function isoWithOffset(date: Date, offsetMinutes: number = localOffset(date)): string {
  const w = wall(date, offsetMinutes);
  return `${w.date}T${w.time}${offsetText(offsetMinutes, ':')}`;
}

/**
 * A logged time shown in local time with its offset: `2026-12-01 19:05:35 +08:00`. Text that
 * is not a time is returned unchanged.
 */
export function displayTime(iso: string, offsetMinutes?: number): string {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms) || !/^\d{4}-\d{2}-\d{2}T/.test(iso)) return iso;
  const date = new Date(ms);
  const offset = offsetMinutes ?? localOffset(date);
  const w = wall(date, offset);
  return `${w.date} ${w.time} ${offsetText(offset, ':')}`;
}
