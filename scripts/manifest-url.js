/**
 * Production hosting URL for the manifest: pure functions, used by webpack.config.js and tested
 * in test/foundation. The manifest in the repository points at the dev server; a production
 * build replaces every occurrence of DEV_BASE_URL with the intranet URL.
 */
'use strict';

const DEV_BASE_URL = 'https://localhost:3000/';

/**
 * Checks and normalises a hosting URL: https only (Office loads add-ins over TLS only), no query
 * or fragment (it is a folder), always ending in '/'.
 * @param {string} url
 * @returns {string}
 */
function normaliseBaseUrl(url) {
  let parsed;
  try {
    parsed = new URL(String(url).trim());
  } catch {
    throw new Error(`The add-in URL "${url}" is not a valid absolute URL.`);
  }
  if (parsed.protocol !== 'https:') {
    throw new Error(`The add-in URL "${url}" must use https: Office loads add-ins only over TLS.`);
  }
  if (parsed.search || parsed.hash) {
    throw new Error(`The add-in URL "${url}" must be a folder, without ?query or #fragment.`);
  }
  if (/^localhost$|^127\./.test(parsed.hostname)) {
    throw new Error(`The add-in URL "${url}" is a local address; give the intranet server's URL.`);
  }
  return parsed.href.endsWith('/') ? parsed.href : `${parsed.href}/`;
}

/** @param {string} s */
function escapeXmlAttribute(s) {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * Replaces every DEV_BASE_URL in the manifest text with baseUrl, and refuses to return a
 * manifest that still mentions localhost.
 * @param {string} manifestXml
 * @param {string} baseUrl
 * @returns {string}
 */
function rewriteManifestUrls(manifestXml, baseUrl) {
  const base = escapeXmlAttribute(normaliseBaseUrl(baseUrl));
  const out = manifestXml.split(DEV_BASE_URL).join(base);
  const left = out.match(/.*localhost.*/);
  if (left) {
    throw new Error(`The manifest still mentions localhost after the rewrite: ${left[0].trim()}`);
  }
  return out;
}

/**
 * The hosting URL for this build: `--env url=…` wins over the ADDIN_URL environment variable.
 * undefined: none given (the manifest keeps the dev server's URLs).
 * @param {Record<string, unknown> | undefined} webpackEnv
 * @param {Record<string, string | undefined>} processEnv
 * @returns {string | undefined}
 */
function resolveAddinUrl(webpackEnv, processEnv) {
  const fromEnv = webpackEnv && typeof webpackEnv.url === 'string' ? webpackEnv.url : undefined;
  const url = fromEnv || processEnv.ADDIN_URL || undefined;
  return url ? normaliseBaseUrl(url) : undefined;
}

module.exports = { DEV_BASE_URL, normaliseBaseUrl, rewriteManifestUrls, resolveAddinUrl };
