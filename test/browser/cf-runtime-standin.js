/**
 * A stand-in for the custom-functions runtime Excel provides inside the shared runtime page,
 * injected before any script of taskpane.html (page.addInitScript). It does what the
 * documentation says the runtime does, and no more:
 * - CustomFunctions.Error and CustomFunctions.ErrorCode (CustomFunctionsRuntime 1.2,
 *   learn.microsoft.com/javascript/api/custom-functions-runtime/customfunctions.error);
 * - records every CustomFunctions.associate(id, fn) call ("associate the function's id
 *   property with the JavaScript implementation", .../excel/custom-functions-json), and lets
 *   office.js install its own associate underneath (office.js sets CustomFunctions.associate
 *   on the namespace it finds), which still receives each call;
 * - calls a function the way Excel does (window.__cf.invoke): arguments as the test prepared
 *   them per metadata (2-D arrays for matrix parameters, null for an omitted optional,
 *   CustomFunctions.Error objects for error inputs), plus the invocation object last.
 * Plain script, no module: it runs in the page as it is.
 */
/* global window */
(() => {
  const ErrorCode = {
    invalidValue: '#VALUE!',
    notAvailable: '#N/A',
    divisionByZero: '#DIV/0!',
    invalidNumber: '#NUM!',
    nullReference: '#NULL!',
    invalidName: '#NAME?',
    invalidReference: '#REF!',
  };
  class CustomFunctionsError extends Error {
    constructor(code, message) {
      super(message);
      this.name = 'CustomFunctions.Error';
      this.code = code;
    }
  }
  const calls = [];
  const mappings = Object.create(null);
  let officeAssociate;
  const namespace = { Error: CustomFunctionsError, ErrorCode };
  Object.defineProperty(namespace, 'associate', {
    configurable: true,
    enumerable: true,
    get() {
      return function associate(id, fn) {
        calls.push(typeof id === 'string' ? id : `(${typeof id})`);
        if (typeof id === 'string' && typeof fn === 'function') mappings[id.toUpperCase()] = fn;
        if (officeAssociate) officeAssociate.apply(this, arguments);
      };
    },
    set(fn) {
      officeAssociate = fn;
    },
  });
  window.CustomFunctions = namespace;

  /** JSON-able from the test → what Excel passes: {err: code} becomes an error object. */
  function decode(x) {
    if (Array.isArray(x)) return x.map(decode);
    if (x !== null && typeof x === 'object' && typeof x.err === 'string') {
      return new CustomFunctionsError(x.err);
    }
    return x;
  }

  /** What a cell shows, as JSON: a value, or {error, message}. */
  function encode(x) {
    if (Array.isArray(x)) return x.map(encode);
    if (x instanceof CustomFunctionsError) return { error: x.code, message: x.message || '' };
    if (x !== null && typeof x === 'object') return { crash: `object result ${String(x)}` };
    return x === undefined ? { crash: 'undefined result' } : x;
  }

  window.__cf = {
    calls,
    ids: () => Object.keys(mappings),
    officeIds: () => Object.keys(window.CustomFunctions._association?.mappings ?? {}),
    async invoke(id, args) {
      const fn = mappings[id];
      if (!fn) return { crash: `${id} is not associated` };
      const invocation = { functionName: id, isInValuePreview: false };
      try {
        const result = await fn(...decode(args), invocation);
        return { result: encode(result) };
      } catch (e) {
        if (e instanceof CustomFunctionsError) return { thrown: encode(e) };
        return { crash: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
      }
    },
  };
})();
