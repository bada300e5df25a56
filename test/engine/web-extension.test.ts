/**
 * The add-in's settings part written into a package another program saved last: LibreOffice 7.4
 * keeps taskpanes.xml (typed `application/xml`) but drops its .rels and the webextension parts
 * (test/fixtures/foreign/README.md). Another add-in's pane and part are kept as they were; only
 * an entry whose relationship is gone is dropped.
 */
import {
  addinDocumentEdits,
  readAddinDocument,
  settingText,
  withSetting,
  writeAddinDocument,
} from '../../src/engine';
import { unzip, workbookPackage, zip } from './zip-fixtures';

const WETP = 'http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const pane = (id: string) =>
  `<wetp:taskpane dockstate="right" visibility="1" width="300" row="0"><wetp:webextensionref xmlns:r="${R}" r:id="${id}"/></wetp:taskpane>`;
const OTHER =
  '<?xml version="1.0" encoding="UTF-8"?><we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{00000000-0000-0000-0000-000000000001}"><we:reference id="another-addin" version="1.0.0.0" store="developer" storeType="Registry"/><we:properties><we:property name="x" value="1"/></we:properties></we:webextension>';

/** Another add-in's pane (rId1, resolved) and a pane LibreOffice left pointing at nothing (rId2). */
function resaved(): Buffer {
  const files = Object.fromEntries(
    unzip(workbookPackage({ sheets: [{ name: 'S', body: '<sheetData/>' }] })),
  );
  files['[Content_Types].xml'] = Buffer.from(
    files['[Content_Types].xml']
      .toString()
      .replace(
        '</Types>',
        '<Override PartName="/xl/webextensions/taskpanes.xml" ContentType="application/xml"/></Types>',
      ),
  );
  files['xl/webextensions/taskpanes.xml'] = Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?><wetp:taskpanes xmlns:wetp="${WETP}">${pane('rId1')}${pane('rId2')}</wetp:taskpanes>`,
  );
  files['xl/webextensions/_rels/taskpanes.xml.rels'] = Buffer.from(
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.microsoft.com/office/2011/relationships/webextension" Target="webextension1.xml"/></Relationships>',
  );
  files['xl/webextensions/webextension1.xml'] = Buffer.from(OTHER);
  return zip(files);
}

function checkWritten(files: ReadonlyMap<string, string>): void {
  const panes = files.get('xl/webextensions/taskpanes.xml') ?? '';
  const ids = [...panes.matchAll(/r:id="([^"]+)"/g)].map((m) => m[1]);
  // The other add-in's entry kept, the dangling one gone, ours added on a fresh relationship.
  expect(ids).toHaveLength(2);
  expect(ids[0]).toBe('rId1');
  const rels = files.get('xl/webextensions/_rels/taskpanes.xml.rels') ?? '';
  expect(rels).toContain(`Id="${ids[1]}"`);
  expect(rels).toMatch(new RegExp(`Id="${ids[1]}"[^>]*Target="webextension2.xml"`));
  expect(files.get('xl/webextensions/webextension1.xml')).toBe(OTHER);
  expect(files.get('[Content_Types].xml')).toContain(
    '<Override PartName="/xl/webextensions/taskpanes.xml" ContentType="application/vnd.ms-office.webextensiontaskpanes+xml"/>',
  );
}

describe('writing the settings into a package with a dangling task pane entry', () => {
  it('rezipping (writeAddinDocument) and patching (addinDocumentEdits) agree', async () => {
    const input = resaved();
    const doc = withSetting(await readAddinDocument(input), 'k', 'v');
    expect(doc.path).toBeUndefined();

    const out = Buffer.from(await writeAddinDocument(input, doc));
    const rezipped = new Map([...unzip(out)].map(([k, v]) => [k, v.toString()]));
    checkWritten(rezipped);
    expect(settingText(await readAddinDocument(out), 'k')).toBe('v');

    const parts = new Map([...unzip(input)].map(([k, v]) => [k, v.toString()]));
    const edits = addinDocumentEdits([...parts.keys()], (n) => parts.get(n) ?? null, doc);
    checkWritten(new Map([...parts, ...(edits?.write ?? new Map<string, string>())]));
  });
});
