/** Types for scripts/functions-json-check.js (plain CommonJS so webpack.config.js can load it). */
export declare function checkFunctionsMetadata(
  text: string | undefined,
  where?: string,
): string | undefined;
export declare function checkFunctionsJsonFile(path: string): string | undefined;
