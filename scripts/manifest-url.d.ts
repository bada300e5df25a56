/** Types for scripts/manifest-url.js (plain CommonJS so webpack.config.js can load it). */
export declare const DEV_BASE_URL: string;
export declare function normaliseBaseUrl(url: string): string;
export declare function rewriteManifestUrls(manifestXml: string, baseUrl: string): string;
export declare function resolveAddinUrl(
  webpackEnv: Record<string, unknown> | undefined,
  processEnv: Record<string, string | undefined>,
): string | undefined;
