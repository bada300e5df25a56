/**
 * A serial date as Excel shows it under a date or time number format (`yyyy-mm-dd`,
 * `yyyy"年"m"月"d"日"`, `m/d/yyyy h:mm`, `d-mmm-yy`, `[$-804]yyyy/m/d`…). Excel's 1900 date
 * system: serial 1 is 1900-01-01 and serial 60 the 1900-02-29 that never was (Lotus' leap-year
 * bug, kept by Excel), so serials above 60 are one day ahead of the calendar.
 */

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** The date and time parts of a 1900-system serial. */
export function serialParts(serial: number): {
  y: number;
  m: number;
  d: number;
  weekday: number;
  h: number;
  min: number;
  s: number;
} {
  let days = Math.floor(serial);
  let seconds = Math.round((serial - days) * 86400);
  if (seconds >= 86400) {
    days += 1;
    seconds -= 86400;
  }
  const time = {
    h: Math.floor(seconds / 3600),
    min: Math.floor(seconds / 60) % 60,
    s: seconds % 60,
  };
  if (days === 60) return { y: 1900, m: 2, d: 29, weekday: 3, ...time };
  // 1899-12-31 is serial 0; after the phantom 29 February, one day less.
  const date = new Date(Date.UTC(1899, 11, 31 + (days > 60 ? days - 1 : days)));
  return {
    y: date.getUTCFullYear(),
    m: date.getUTCMonth() + 1,
    d: date.getUTCDate(),
    weekday: date.getUTCDay(),
    ...time,
  };
}

/** True when a format section is a date or time: y, d, h or s outside quotes and brackets. */
export function isDateSection(section: string): boolean {
  const bare = section
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '');
  return /[ydhs]/i.test(bare) && !/[0#?]/.test(bare.replace(/\.0+/g, ''));
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The serial under one date/time section; undefined for a serial Excel cannot show as a date. */
export function formatDate(serial: number, section: string): string | undefined {
  if (!Number.isFinite(serial) || serial < 0 || serial >= 2958466) return undefined;
  const p = serialParts(serial);
  const ampm = /AM\/PM|A\/P/i.test(section);
  let out = '';
  let lastWasHour = false;
  for (let i = 0; i < section.length;) {
    const ch = section[i];
    const rest = section.slice(i);
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      out += section.slice(i + 1, end < 0 ? undefined : end);
      i = end < 0 ? section.length : end + 1;
      continue;
    }
    if (ch === '\\') {
      out += section[i + 1] ?? '';
      i += 2;
      continue;
    }
    if (ch === '[') {
      const end = section.indexOf(']', i);
      i = end < 0 ? section.length : end + 1;
      continue;
    }
    if (ch === '_' || ch === '*') {
      out += ch === '_' ? ' ' : '';
      i += 2;
      continue;
    }
    const run = /^(y+|m+|d+|h+|s+)/i.exec(rest)?.[0];
    if (run) {
      const k = run[0].toLowerCase();
      const n = run.length;
      if (k === 'y') out += n <= 2 ? pad(p.y % 100) : String(p.y);
      else if (k === 'd') {
        out +=
          n === 1
            ? p.d
            : n === 2
              ? pad(p.d)
              : n === 3
                ? DAYS[p.weekday].slice(0, 3)
                : DAYS[p.weekday];
      } else if (k === 'h') {
        const h = ampm ? p.h % 12 || 12 : p.h;
        out += n === 1 ? h : pad(h);
      } else if (k === 's') out += n === 1 ? p.s : pad(p.s);
      else {
        // m after an hour or before seconds is minutes; otherwise the month.
        const minutes = lastWasHour || /^m+[^a-z"]*s/i.test(rest);
        if (minutes) out += n === 1 ? p.min : pad(p.min);
        else {
          out +=
            n === 1
              ? p.m
              : n === 2
                ? pad(p.m)
                : n === 3
                  ? MONTHS[p.m - 1].slice(0, 3)
                  : n === 5
                    ? MONTHS[p.m - 1][0]
                    : MONTHS[p.m - 1];
        }
      }
      lastWasHour = k === 'h';
      i += n;
      continue;
    }
    const marker = /^(AM\/PM|A\/P)/i.exec(rest)?.[0];
    if (marker) {
      out += p.h < 12 ? (marker.length > 3 ? 'AM' : 'A') : marker.length > 3 ? 'PM' : 'P';
      i += marker.length;
      continue;
    }
    out += ch;
    i += 1;
  }
  return out;
}
