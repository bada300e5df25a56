/**
 * Errors across the worker boundary: structured clone keeps neither an error's class nor its
 * extra fields, so each crosses as a WireError and is rebuilt on the page as the class the task
 * pane tells apart (WorkflowError with its Chinese and English text, the AbortError of Cancel).
 */
import type { Text } from '../rules';
import { CancelledError, WorkflowError } from '../taskpane/workflows/progress';
import type { WireError } from './protocol';

function isText(v: unknown): v is Text {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as Text).en === 'string' &&
    typeof (v as Text).zh === 'string'
  );
}

export function toWire(e: unknown): WireError {
  if (e instanceof WorkflowError) return { name: e.name, message: e.message, text: e.text };
  if (typeof e === 'object' && e !== null) {
    const { name, message, code } = e as { name?: unknown; message?: unknown; code?: unknown };
    return {
      name: typeof name === 'string' ? name : 'Error',
      message: typeof message === 'string' ? message : String(e),
      ...(typeof code === 'string' ? { code } : {}),
    };
  }
  return { name: 'Error', message: String(e) };
}

export function fromWire(w: WireError): Error {
  if (isText(w.text)) return new WorkflowError(w.text);
  if (w.name === 'AbortError') return new CancelledError();
  const e = new Error(w.message) as Error & { code?: string };
  e.name = w.name;
  if (w.code !== undefined) e.code = w.code;
  return e;
}
