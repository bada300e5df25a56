/**
 * What a person types into a cell, read as Excel reads it: `=…` is a formula; numbers (with
 * thousands separators, a percent sign, a sign or an exponent), TRUE and FALSE are constants
 * of their kind; a leading `'` keeps the rest as text; nothing clears the cell.
 */
export type Typed = string | number | boolean | null;

const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d*)?(?:e[+-]?\d+)?$/i;

export function readTyped(text: string): Typed {
  if (text.startsWith("'")) return text.slice(1);
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (trimmed.startsWith('=')) return trimmed.length > 1 ? trimmed : '=';
  const upper = trimmed.toUpperCase();
  if (upper === 'TRUE') return true;
  if (upper === 'FALSE') return false;
  const percent = trimmed.endsWith('%');
  const body = (percent ? trimmed.slice(0, -1) : trimmed).trim();
  if (/\d/.test(body) && NUMBER.test(body)) {
    const n = Number(body.replace(/,/g, ''));
    if (Number.isFinite(n)) return percent ? n / 100 : n;
  }
  return text;
}

/** A value as the grid shows it: numbers to at most 10 significant digits, TRUE/FALSE. */
export function showValue(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') {
    if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
    return String(Number(value.toPrecision(10)));
  }
  return value;
}

/** Excel's error texts, shown in the error colour. */
export function isErrorText(value: unknown): boolean {
  return (
    typeof value === 'string' &&
    /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|SPILL!|CALC!|GETTING_DATA)$/.test(value)
  );
}
