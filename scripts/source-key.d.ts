/** Types for scripts/source-key.js (plain CommonJS, shared by the build and the tests). */
export declare function sourceKey(root: string): string;
export declare function builtFrom(dir: string, key: string): boolean;
export declare function writeKey(dir: string, key: string): void;
export declare const KEY_FILE: string;
