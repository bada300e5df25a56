/**
 * Article references as a reader sees them. The rules keep them as stable codes (`Art. 13`,
 * `Art. 14(2)`, `Art. 14(1)1`, `Art. 9–11`, `Art. 9(2), Art. 24`, `§0`, `—`); a Chinese reader
 * sees 第十三条, 第十四条第（二）项, 第十四条第（一）项第1目, 第九至十一条; `§0` is the policy's
 * general conventions (POLICY §0) and `—` a check of the table's own layout.
 */
import type { Lang } from './result';

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 13 → 十三, 25 → 二十五, 40 → 四十. */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) return String(n);
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}

const ONE = /^Art\.\s*(\d+)(?:\s*[–-]\s*(\d+))?(?:\((\d+)\))?(\d+)?$/;

const SPECIAL: Readonly<Record<string, { readonly zh: string; readonly en: string }>> = {
  '§0': { zh: '考核办法通则', en: 'General conventions (§0)' },
  '—': { zh: '表格结构', en: 'Table layout' },
  '': { zh: '', en: '' },
};

function oneZh(code: string): string | undefined {
  const m = ONE.exec(code.trim());
  if (m === null) return undefined;
  const [, from, to, paragraph, point] = m;
  let text = to
    ? `第${chineseNumber(Number(from))}至${chineseNumber(Number(to))}条`
    : `第${chineseNumber(Number(from))}条`;
  if (paragraph) text += `第（${chineseNumber(Number(paragraph))}）项`;
  if (point) text += `第${point}目`;
  return text;
}

/** An article code in the reader's language; a code it does not know is returned as it is. */
export function articleText(code: string, lang: Lang): string {
  const special = SPECIAL[code.trim()];
  if (special) return special[lang];
  if (lang === 'en') return code;
  const parts = code.split(/\s*,\s*/);
  const zh = parts.map(oneZh);
  return zh.every((x) => x !== undefined) ? zh.join('、') : code;
}

/**
 * Every article code inside a text (`…（Art. 12：存款…）`) put in the reader's language: for
 * Chinese messages built around a policy's article field.
 */
export function articlesIn(text: string, lang: Lang): string {
  if (lang === 'en') return text;
  return text
    .replace(/Art\.\s*\d+(?:\s*[–-]\s*\d+)?(?:\(\d+\))?\d*/g, (code) => articleText(code, 'zh'))
    .replace(/[，,]\s*§0(?=[）)])/g, '')
    .replace(/§0/g, SPECIAL['§0'].zh);
}
