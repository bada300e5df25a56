/**
 * The build fails unless functions.json exists and declares at least one function:
 * custom-functions-metadata can finish without writing it (e.g. on a JSDoc type it does not
 * support), and Excel then silently shows no CM.* functions. Pure check + a file wrapper;
 * used by webpack.config.js (on the emitted asset) and scripts/build.ts (on dist/).
 */
'use strict';

const fs = require('node:fs');

/**
 * @param {string | undefined} text the file's content; undefined when the file is missing
 * @param {string} [where] the file's name, for the message
 * @returns {string | undefined} a problem, or undefined when the metadata is usable
 */
function checkFunctionsMetadata(text, where = 'functions.json') {
  if (text === undefined) {
    return `${where} was not generated: check the JSDoc of src/functions/excel-functions.ts (custom-functions-metadata skips the file on an unsupported type).`;
  }
  if (text.trim() === '') {
    return `${where} is empty: no @customfunction found in src/functions/excel-functions.ts.`;
  }
  let json;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return `${where} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`;
  }
  const functions = json && json.functions;
  if (!Array.isArray(functions) || functions.length === 0) {
    return `${where} declares no functions: Excel would show no CM.* functions. Is there a @customfunction tag in src/functions/excel-functions.ts?`;
  }
  const bad = functions.filter(
    (f) => !f || typeof f.id !== 'string' || !f.id || typeof f.name !== 'string' || !f.name,
  );
  if (bad.length > 0) {
    return `${where}: ${bad.length} function(s) without an id or a name.`;
  }
  const flagProblem = checkMetadataFlags(json, where);
  if (flagProblem) return flagProblem;
  return undefined;
}

/**
 * Top-level flags custom-functions-metadata does not write the way we need them
 * (learn.microsoft.com/office/dev/add-ins/excel/custom-functions-json, "Metadata reference"):
 * - allowErrorForDataTypeAny: true — "All parameters with the type any or any[][] can accept
 *   errors as input values"; without it one #N/A in a range stops the whole lifted call, and
 *   FUNCTIONS.md wants an error in that element only. The generator never writes it.
 * - allowCustomDataForDataTypeAny: false — the generator writes true, and Excel then passes a
 *   linked data type (a stock, a geography, an entity) as an object; with false Excel passes
 *   the cell's basic value, which the CM readers accept or refuse with their usual message.
 */
const METADATA_FLAGS = Object.freeze({
  allowErrorForDataTypeAny: true,
  allowCustomDataForDataTypeAny: false,
});

/** The metadata object with METADATA_FLAGS set, flags first (a new object). */
function withMetadataFlags(meta) {
  const { allowErrorForDataTypeAny, allowCustomDataForDataTypeAny, ...rest } = meta;
  void allowErrorForDataTypeAny;
  void allowCustomDataForDataTypeAny;
  return { ...METADATA_FLAGS, ...rest };
}

/** The generator's JSON text with METADATA_FLAGS, in the layout the generator uses. */
function finishFunctionsJson(text) {
  return JSON.stringify(withMetadataFlags(JSON.parse(text)), null, 4);
}

/** A problem when a parameter is `any` and the flags are not METADATA_FLAGS. */
function checkMetadataFlags(json, where = 'functions.json') {
  const anyParam = json.functions.some(
    (f) => Array.isArray(f.parameters) && f.parameters.some((p) => !p.type || p.type === 'any'),
  );
  if (!anyParam) return undefined;
  for (const [flag, value] of Object.entries(METADATA_FLAGS)) {
    if (json[flag] !== value) {
      return `${where}: "${flag}" must be ${value} (it is ${JSON.stringify(json[flag])}); the build's metadata step (withMetadataFlags) did not run.`;
    }
  }
  return undefined;
}

/**
 * @param {string} path
 * @returns {string | undefined}
 */
function checkFunctionsJsonFile(path) {
  const text = fs.existsSync(path) ? fs.readFileSync(path, 'utf8') : undefined;
  return checkFunctionsMetadata(text, path);
}

module.exports = {
  checkFunctionsMetadata,
  checkFunctionsJsonFile,
  METADATA_FLAGS,
  withMetadataFlags,
  finishFunctionsJson,
};
