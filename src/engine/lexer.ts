/**
 * A small lexer for Excel formulas (saved or typed form, without the leading `=`). It only
 * splits: every token keeps its exact text, so joining the tokens gives the formula back.
 */

export type TokenKind =
  | 'string' // "..." with "" escapes
  | 'quoted' // '...' with '' escapes: a sheet name
  | 'bracket' // [...] balanced, with ' escapes: a structured reference part
  | 'error' // #N/A, #REF!, ...
  | 'number'
  | 'word' // names, functions, cell and column references, TRUE/FALSE
  | 'space'
  | 'op' // + - * / ^ & = < > <= >= <> % @
  | 'lparen'
  | 'rparen'
  | 'comma'
  | 'colon'
  | 'semicolon'
  | 'bang'
  | 'lbrace'
  | 'rbrace'
  | 'other';

export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
}

const STICKY =
  /("(?:[^"]|"")*"?)|('(?:[^']|'')*'?)|(#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|UNKNOWN!|CONNECT!|BUSY!|[A-Z]+[!?]?))|(\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)|([\p{L}_\\$][\p{L}\p{N}\p{M}_.$\\?]*)|(\s+)|(<=|>=|<>|[-+*/^&=<>%@])|([(),:;!{}])/uy;

const GROUP_KINDS: readonly TokenKind[] = [
  'string',
  'quoted',
  'error',
  'number',
  'word',
  'space',
  'op',
  'other', // punctuation, refined below
];

const PUNCTUATION: Readonly<Record<string, TokenKind>> = {
  '(': 'lparen',
  ')': 'rparen',
  ',': 'comma',
  ':': 'colon',
  ';': 'semicolon',
  '!': 'bang',
  '{': 'lbrace',
  '}': 'rbrace',
};

/** Splits a formula into tokens. Never throws: unknown characters become `other` tokens. */
export function tokenize(formula: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = formula.length;
  while (i < n) {
    if (formula.charCodeAt(i) === 91 /* [ */) {
      const end = bracketEnd(formula, i);
      tokens.push({ kind: 'bracket', text: formula.slice(i, end) });
      i = end;
      continue;
    }
    STICKY.lastIndex = i;
    const m = STICKY.exec(formula);
    if (!m) {
      tokens.push({ kind: 'other', text: formula[i] });
      i++;
      continue;
    }
    let kind: TokenKind = 'other';
    for (let g = 1; g <= GROUP_KINDS.length; g++) {
      if (m[g] !== undefined) {
        kind = GROUP_KINDS[g - 1];
        break;
      }
    }
    if (kind === 'other') kind = PUNCTUATION[m[0]] ?? 'other';
    tokens.push({ kind, text: m[0] });
    i += m[0].length;
  }
  return tokens;
}

/** Index just past the `]` that closes the `[` at `start` (or the end of the text). */
function bracketEnd(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === "'") {
      i++; // the next character is escaped
    } else if (c === '[') {
      depth++;
    } else if (c === ']') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return text.length;
}

export function joinTokens(tokens: readonly Token[]): string {
  let s = '';
  for (const t of tokens) s += t.text;
  return s;
}

/** The text of a "..." string token without its quotes and escapes. */
export function unquoteString(text: string): string {
  return text.slice(1, text.endsWith('"') && text.length > 1 ? -1 : undefined).replace(/""/g, '"');
}

/** The sheet name inside a '...' token. */
export function unquoteSheet(text: string): string {
  return text.slice(1, text.endsWith("'") && text.length > 1 ? -1 : undefined).replace(/''/g, "'");
}
