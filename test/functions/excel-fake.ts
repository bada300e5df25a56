/**
 * What Excel's runtime gives a custom function: CustomFunctions.Error and its codes.
 */
export class FakeCustomFunctionsError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
  }
}

export function installCustomFunctionsGlobal(): void {
  (globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = {
    Error: FakeCustomFunctionsError,
    ErrorCode: {
      invalidValue: '#VALUE!',
      notAvailable: '#N/A',
      invalidNumber: '#NUM!',
      divisionByZero: '#DIV/0!',
      nullReference: '#NULL!',
      invalidName: '#NAME?',
      invalidReference: '#REF!',
    },
  };
}

/** What a cell would show: a value, or the error code with its message. */
export function shown(x: unknown): unknown {
  return x instanceof FakeCustomFunctionsError ? { code: x.code, message: x.message } : x;
}

/** Call a generated Excel function and return what Excel would show, thrown errors included. */
export function call(fn: () => unknown): unknown {
  try {
    const r = fn();
    return Array.isArray(r) ? r.map((row: unknown[]) => row.map(shown)) : shown(r);
  } catch (e) {
    return shown(e);
  }
}
