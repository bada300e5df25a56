/**
 * What the workflows share: progress reports, cancellation, and a readable message for any
 * failure (never a stack trace).
 */
import type { Text } from '../../rules';

export type Phase = 'recalculate' | 'read' | 'check' | 'write' | 'log';

export interface Progress {
  readonly phase: Phase;
  /** Share of the whole run done, 0 to 1; undefined when it cannot be told. */
  readonly fraction?: number;
  /** The sheet being read, when reading. */
  readonly sheet?: string;
}

export type ProgressFn = (progress: Progress) => void;

/**
 * The phases that write to the workbook. A run that has reported one goes on to its end: a
 * report sheet is never left without its log record, nor a record without its anchor.
 */
export const isWritePhase = (phase: Phase): boolean => phase === 'write' || phase === 'log';

export interface RunOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: ProgressFn;
}

/** Thrown (or passed on from the host) when the user cancelled. */
export class CancelledError extends Error {
  override readonly name = 'AbortError';
  constructor() {
    super('Cancelled.');
  }
}

export function isCancelled(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'AbortError';
}

export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new CancelledError();
}

/** A failure the workflows raise on purpose, with its message in both languages. */
export class WorkflowError extends Error {
  constructor(readonly text: Text) {
    super(text.en);
    this.name = 'WorkflowError';
  }
}

/**
 * One line a user can read. Office.js errors carry a `code` and a `message`; anything else
 * shows its message's first line only.
 */
export function readableError(e: unknown, lang: keyof Text): string {
  if (e instanceof WorkflowError) return e.text[lang];
  if (typeof e === 'object' && e !== null) {
    const { message, code } = e as { message?: unknown; code?: unknown };
    const first = typeof message === 'string' ? message.split('\n')[0].trim() : '';
    const prefix =
      typeof code === 'string' && code !== '' && !first.includes(code) ? `${code}: ` : '';
    if (first !== '') return `${prefix}${first}`;
    if (prefix !== '') return prefix.slice(0, -2);
  }
  if (typeof e === 'string' && e.trim() !== '') return e.split('\n')[0];
  return lang === 'zh' ? '发生未知错误。' : 'Something went wrong.';
}
