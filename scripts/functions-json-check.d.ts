/** Types for scripts/functions-json-check.js (plain CommonJS so webpack.config.js can load it). */
export declare function checkFunctionsMetadata(
  text: string | undefined,
  where?: string,
): string | undefined;
export declare function checkFunctionsJsonFile(path: string): string | undefined;
export declare const METADATA_FLAGS: {
  readonly allowErrorForDataTypeAny: true;
  readonly allowCustomDataForDataTypeAny: false;
};
export declare function withMetadataFlags<T extends object>(meta: T): T & typeof METADATA_FLAGS;
export declare function finishFunctionsJson(text: string): string;
