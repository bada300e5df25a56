import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkManifest, pngSize, type ManifestProblem } from '../../scripts/manifest-check';
import { encodePng } from '../../scripts/make-icons';

const ROOT = join(__dirname, '..', '..');
const MANIFEST = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');

const fromRepo = (file: string): Uint8Array | undefined => {
  const full = join(ROOT, file);
  return existsSync(full) ? readFileSync(full) : undefined;
};

function check(xml: string, readFile = fromRepo): ManifestProblem[] {
  return checkManifest(xml, { readFile });
}

/** Replaces exactly one occurrence, so a test cannot silently edit nothing. */
function edit(xml: string, from: string, to: string): string {
  const at = xml.indexOf(from);
  expect(at).toBeGreaterThanOrEqual(0);
  return xml.slice(0, at) + to + xml.slice(at + from.length);
}

const messages = (problems: ManifestProblem[]): string => problems.map((p) => p.message).join('\n');

describe('manifest checker', () => {
  it('accepts the real manifest.xml and its icons', () => {
    expect(check(MANIFEST)).toEqual([]);
  });

  it('rejects XML that is not well-formed', () => {
    const problems = check(edit(MANIFEST, '</Permissions>', '</Permission>'));
    expect(problems.map((p) => p.rule)).toEqual(['xml']);
    expect(messages(problems)).toMatch(/not well-formed XML at line \d+/);
  });

  it('rejects a FunctionFile whose resid differs from the Runtime (two runtimes)', () => {
    const xml = edit(
      MANIFEST,
      '<FunctionFile resid="Taskpane.Url"/>',
      '<FunctionFile resid="Functions.Script.Url"/>',
    );
    expect(messages(check(xml))).toMatch(
      /must use the same resid.*<FunctionFile> "Functions.Script.Url"/,
    );
  });

  it('rejects a Page whose resid differs from the Runtime', () => {
    const xml = edit(
      MANIFEST,
      '<Page>\n              <SourceLocation resid="Taskpane.Url"/>',
      '<Page>\n              <SourceLocation resid="GetStarted.LearnMoreUrl"/>',
    );
    expect(messages(check(xml))).toMatch(/<Page><SourceLocation> "GetStarted.LearnMoreUrl"/);
  });

  it('rejects a short-lived runtime', () => {
    const xml = edit(MANIFEST, 'lifetime="long"', 'lifetime="short"');
    expect(messages(check(xml))).toMatch(/lifetime="long" \(found "short"\)/);
  });

  it('rejects a resid that is not defined', () => {
    const xml = edit(
      MANIFEST,
      '<Label resid="AuditButton.Label"/>',
      '<Label resid="Audit.Label"/>',
    );
    const text = messages(check(xml));
    expect(text).toMatch(/resid "Audit.Label" used by <Label> is not defined/);
  });

  it('rejects a resource defined twice, and one never used', () => {
    const xml = edit(
      MANIFEST,
      '<bt:Url id="Taskpane.Url"',
      '<bt:Url id="Unused.Url" DefaultValue="https://localhost:3000/x.html"/>\n<bt:Url id="Functions.Script.Url" DefaultValue="https://localhost:3000/y.js"/>\n<bt:Url id="Taskpane.Url"',
    );
    const text = messages(check(xml));
    expect(text).toMatch(/"Functions.Script.Url" is defined more than once/);
    expect(text).toMatch(/resource "Unused.Url" is defined in <Resources> but never used/);
  });

  it('rejects a resid of the wrong kind', () => {
    const xml = edit(
      MANIFEST,
      '<Label resid="AuditButton.Label"/>',
      '<Label resid="AuditButton.Tooltip"/>\n<Label resid="AuditButton.Label"/>',
    );
    expect(messages(check(xml))).toMatch(
      /"AuditButton.Tooltip" used by <Label> must be in <bt:ShortStrings>/,
    );
  });

  it('rejects an icon whose file is missing', () => {
    const xml = edit(MANIFEST, 'assets/audit-32.png', 'assets/audit-33.png');
    expect(messages(check(xml))).toMatch(/image "Audit.32x32".*no file assets\/audit-33.png/);
  });

  it('rejects an icon of the wrong size or not a PNG', () => {
    const readFile = (file: string): Uint8Array | undefined =>
      file === 'assets/icon-16.png'
        ? encodePng(20, 20, new Uint8Array(20 * 20 * 4))
        : file === 'assets/icon-80.png'
          ? Buffer.from('GIF89a…')
          : fromRepo(file);
    const text = messages(check(MANIFEST, readFile));
    expect(text).toMatch(
      /image "Icon.16x16": assets\/icon-16.png is 20x20 pixels; it is used as 16x16/,
    );
    expect(text).toMatch(/image "Icon.80x80": assets\/icon-80.png is not a PNG/);
  });

  it('rejects an http URL', () => {
    const xml = edit(
      MANIFEST,
      'DefaultValue="https://localhost:3000/functions.json"',
      'DefaultValue="http://localhost:3000/functions.json"',
    );
    expect(messages(check(xml))).toMatch(/non-https URL "http:\/\/localhost:3000\/functions.json"/);
  });

  it('rejects a 33-character namespace', () => {
    const long = 'C'.repeat(33);
    const xml = edit(
      MANIFEST,
      'id="Functions.Namespace" DefaultValue="CM"',
      `id="Functions.Namespace" DefaultValue="${long}"`,
    );
    expect(messages(check(xml))).toMatch(/namespace "C{33}" is 33 characters long; at most 32/);
    const ok = edit(
      MANIFEST,
      'id="Functions.Namespace" DefaultValue="CM"',
      `id="Functions.Namespace" DefaultValue="${'C'.repeat(32)}"`,
    );
    expect(check(ok)).toEqual([]);
  });

  it('rejects a namespace with other characters', () => {
    const xml = edit(
      MANIFEST,
      'id="Functions.Namespace" DefaultValue="CM"',
      'id="Functions.Namespace" DefaultValue="客户-CM"',
    );
    expect(messages(check(xml))).toMatch(/only letters, digits, "\." and "_"/);
  });

  it('requires both requirement sets', () => {
    const xml = edit(MANIFEST, '<Set Name="CustomFunctionsRuntime" MinVersion="1.2"/>', '');
    expect(messages(check(xml))).toMatch(/<Set Name="CustomFunctionsRuntime"/);
  });

  it('requires ExcelApi at the version the Excel adapter calls unchecked (1.9, src/host/requirements.ts)', () => {
    expect(messages(check(edit(MANIFEST, '<Set Name="ExcelApi" MinVersion="1.9"/>', '')))).toMatch(
      /<Set Name="ExcelApi"/,
    );
    const low = edit(
      MANIFEST,
      '<Set Name="ExcelApi" MinVersion="1.9"/>',
      '<Set Name="ExcelApi" MinVersion="1.7"/>',
    );
    expect(messages(check(low))).toMatch(
      /ExcelApi"> declares MinVersion 1.7, but the code needs 1.9/,
    );
    const high = edit(
      MANIFEST,
      '<Set Name="ExcelApi" MinVersion="1.9"/>',
      '<Set Name="ExcelApi" MinVersion="1.12"/>',
    );
    expect(messages(check(high))).toEqual(messages(check(MANIFEST)));
  });

  it('requires exactly ReadWriteDocument', () => {
    const xml = edit(
      MANIFEST,
      '<Permissions>ReadWriteDocument</Permissions>',
      '<Permissions>ReadDocument</Permissions>',
    );
    expect(messages(check(xml))).toMatch(/must be exactly ReadWriteDocument; found "ReadDocument"/);
  });
});

describe('pngSize', () => {
  it('reads the IHDR size of an encoded PNG', () => {
    expect(pngSize(encodePng(7, 3, new Uint8Array(7 * 3 * 4)))).toEqual({ width: 7, height: 3 });
  });

  it('returns undefined for other bytes', () => {
    expect(pngSize(new Uint8Array([1, 2, 3]))).toBeUndefined();
  });
});
