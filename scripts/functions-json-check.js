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

module.exports = { checkFunctionsMetadata, checkFunctionsJsonFile };
