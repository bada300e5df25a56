import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DEV_BASE_URL,
  normaliseBaseUrl,
  resolveAddinUrl,
  rewriteManifestUrls,
} from '../../scripts/manifest-url';
import { checkManifest } from '../../scripts/manifest-check';

const MANIFEST = readFileSync(join(__dirname, '..', '..', 'manifest.xml'), 'utf8');
const PROD = 'https://intranet.bank.example/cm/';

describe('production manifest URL rewrite', () => {
  it('rewrites every occurrence and leaves no localhost', () => {
    const count = MANIFEST.split(DEV_BASE_URL).length - 1;
    expect(count).toBeGreaterThan(10);
    const out = rewriteManifestUrls(MANIFEST, PROD);
    expect(out).not.toMatch(/localhost/);
    expect(out.split(PROD).length - 1).toBe(count);
    expect(out).toContain(`DefaultValue="${PROD}functions.json"`);
    expect(out).toContain(`DefaultValue="${PROD}assets/icon-80.png"`);
  });

  it('keeps the rewritten manifest valid for the same checks', () => {
    const out = rewriteManifestUrls(MANIFEST, PROD);
    const problems = checkManifest(out, {
      baseUrl: PROD,
      readFile: (file) => readFileSync(join(__dirname, '..', '..', file)),
    });
    expect(problems).toEqual([]);
  });

  it('adds the trailing slash', () => {
    expect(normaliseBaseUrl('https://intranet.bank.example/cm')).toBe(PROD);
    expect(rewriteManifestUrls(`<a b="${DEV_BASE_URL}x"/>`, 'https://h.example')).toBe(
      '<a b="https://h.example/x"/>',
    );
  });

  it('refuses http, local and malformed URLs', () => {
    expect(() => normaliseBaseUrl('http://intranet.bank.example/cm/')).toThrow(/https/);
    expect(() => normaliseBaseUrl('https://localhost:8443/')).toThrow(/local address/);
    expect(() => normaliseBaseUrl('intranet/cm')).toThrow(/not a valid absolute URL/);
    expect(() => normaliseBaseUrl('https://h.example/cm/?v=1')).toThrow(/folder/);
  });

  it('refuses to leave a localhost URL on another port', () => {
    expect(() =>
      rewriteManifestUrls(`<a b="${DEV_BASE_URL}x"/><c d="https://localhost:4000/y"/>`, PROD),
    ).toThrow(/still mentions localhost/);
  });

  it('escapes the URL for an XML attribute', () => {
    expect(rewriteManifestUrls(`<a b="${DEV_BASE_URL}x"/>`, 'https://h.example/a&b/')).toBe(
      '<a b="https://h.example/a&amp;b/x"/>',
    );
  });

  it('takes --env url before ADDIN_URL, and none when neither is given', () => {
    expect(
      resolveAddinUrl({ url: 'https://a.example/' }, { ADDIN_URL: 'https://b.example/' }),
    ).toBe('https://a.example/');
    expect(resolveAddinUrl({}, { ADDIN_URL: 'https://b.example/x' })).toBe('https://b.example/x/');
    expect(resolveAddinUrl(undefined, {})).toBeUndefined();
  });
});
