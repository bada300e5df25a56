/**
 * The add-in's document settings inside the .xlsx, where Excel keeps them: Office.js
 * `workbook.settings` / `Office.context.document.settings` are saved as the properties of the
 * add-in's web-extension part. The package layout (MS-OWEXML; Microsoft's sample
 * OfficeDev/Office-OOXML-EmbedAddin, OOXMLHelper.cs; "Automatically open a task pane with a
 * document", section "Use Open XML to tag the document", learn.microsoft.com):
 *
 *   _rels/.rels               → xl/webextensions/taskpanes.xml
 *                               (type …/office/2011/relationships/webextensiontaskpanes)
 *   xl/webextensions/taskpanes.xml          <wetp:taskpanes><wetp:taskpane …>
 *                                             <wetp:webextensionref r:id="rId1"/>
 *   xl/webextensions/_rels/taskpanes.xml.rels → webextension1.xml
 *                               (type …/office/2011/relationships/webextension)
 *   xl/webextensions/webextension1.xml      <we:webextension id="{…}">
 *                                             <we:reference id="<manifest Id>" …/>
 *                                             <we:properties><we:property name value/>…
 *   [Content_Types].xml       application/vnd.ms-office.webextensiontaskpanes+xml,
 *                             application/vnd.ms-office.webextension+xml
 *
 * A property's value is the setting's value as JSON (the sample stores `true` and an object's
 * JSON text), so a string setting is stored as a JSON string.
 *
 * ExcelJS drops parts it does not know, so the engine re-adds these after writing (a separate
 * post-write step, `writeAddinDocument`): the other add-ins' parts exactly as read, ours with
 * the settings of this run. JSZip (ExcelJS's own zip library) does the packaging.
 */
import type JSZip from 'jszip';
import { SaxesParser } from 'saxes';

/** manifest.xml <Id>: the reference Excel matches to this add-in. */
export const ADDIN_ID = 'd9bee43e-3761-4272-a00d-98ca7edd0a8d';
/** manifest.xml <Version>, for a reference this engine writes first. */
export const ADDIN_VERSION = '0.1.0.0';

const DIR = 'xl/webextensions/';
const TASKPANES = `${DIR}taskpanes.xml`;
const TASKPANES_RELS = `${DIR}_rels/taskpanes.xml.rels`;
const NS_WE = 'http://schemas.microsoft.com/office/webextensions/webextension/2010/11';
const NS_WETP = 'http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const REL_TASKPANES =
  'http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes';
const REL_WEBEXTENSION = 'http://schemas.microsoft.com/office/2011/relationships/webextension';
const CT_TASKPANES = 'application/vnd.ms-office.webextensiontaskpanes+xml';
const CT_WEBEXTENSION = 'application/vnd.ms-office.webextension+xml';

export class WebExtensionError extends Error {
  override readonly name = 'WebExtensionError';
  constructor(
    message: string,
    /** The package part at fault (`xl/webextensions/webextension1.xml`); none: the zip itself. */
    readonly part?: string,
  ) {
    super(message);
  }
}

/** The reference of a web extension (<we:reference>): which add-in, from which store. */
export interface AddinReference {
  readonly id: string;
  readonly version: string;
  readonly store: string;
  readonly storeType: string;
}

/** The add-in's document settings as found in a workbook, plus every web-extension part in it. */
export interface AddinDocument {
  /** Every part under xl/webextensions/ as read (other add-ins' included), path → XML. */
  readonly parts: ReadonlyMap<string, string>;
  /** Our part's path, when the workbook already had one. */
  readonly path?: string;
  /** Our part's instance id (`{GUID}`) and reference, kept when the part is rewritten. */
  readonly instanceId?: string;
  readonly reference?: AddinReference;
  /** Our settings: name → the value's JSON text, as stored. */
  readonly settings: ReadonlyMap<string, string>;
}

export const EMPTY_ADDIN_DOCUMENT: AddinDocument = { parts: new Map(), settings: new Map() };

/** A setting's value as the host port gives it: a string as is, anything else as JSON. */
export function settingText(doc: AddinDocument, key: string): string | null {
  const json = doc.settings.get(key);
  if (json === undefined) return null;
  try {
    const value: unknown = JSON.parse(json);
    if (value === null || value === undefined) return null;
    return typeof value === 'string' ? value : JSON.stringify(value);
  } catch {
    // Not JSON (written by another tool): the text itself.
    return json;
  }
}

/** The document with one setting set to a string value (stored as a JSON string). */
export function withSetting(doc: AddinDocument, key: string, value: string): AddinDocument {
  const settings = new Map(doc.settings);
  settings.set(key, JSON.stringify(value));
  return { ...doc, settings };
}

interface Element {
  readonly name: string;
  readonly attributes: Record<string, string>;
}

/** The elements of an XML text, in document order (local names, prefixes as written). */
function elements(xml: string, what: string): Element[] {
  const out: Element[] = [];
  const parser = new SaxesParser();
  parser.on('opentag', (tag) => {
    out.push({ name: tag.name, attributes: tag.attributes as Record<string, string> });
  });
  try {
    parser.write(xml).close();
  } catch (e) {
    throw new WebExtensionError(`${what} is not well-formed XML (${(e as Error).message}).`, what);
  }
  return out;
}

function local(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

async function loadZip(xlsx: Uint8Array): Promise<JSZip> {
  // Loaded when a workbook's add-in parts are read, not when the engine starts: a command that
  // never reads them (recalc, validate) does not pay for loading JSZip.
  const { default: zip } = await import('jszip');
  try {
    return await zip.loadAsync(xlsx);
  } catch (e) {
    throw new WebExtensionError(`the workbook is not a readable zip (${(e as Error).message}).`);
  }
}

/**
 * Reads the web-extension parts of an .xlsx and this add-in's settings from them. A workbook
 * without any gives empty settings.
 */
export async function readAddinDocument(
  xlsx: Uint8Array,
  addinId: string = ADDIN_ID,
): Promise<AddinDocument> {
  const zip = await loadZip(xlsx);
  const parts = new Map<string, string>();
  for (const path of Object.keys(zip.files)) {
    const file = zip.files[path];
    if (file.dir || !path.startsWith(DIR)) continue;
    parts.set(path, await file.async('string'));
  }
  for (const [path, xml] of parts) {
    if (!/^xl\/webextensions\/[^/]+\.xml$/.test(path) || path === TASKPANES) continue;
    const els = elements(xml, path);
    const root = els[0];
    if (root === undefined || local(root.name) !== 'webextension') continue;
    const ref = els.find((e) => local(e.name) === 'reference');
    if (ref === undefined || ref.attributes.id?.toLowerCase() !== addinId.toLowerCase()) continue;
    const settings = new Map<string, string>();
    for (const e of els) {
      if (local(e.name) === 'property' && e.attributes.name !== undefined) {
        settings.set(e.attributes.name, e.attributes.value ?? '');
      }
    }
    return {
      parts,
      path,
      ...(root.attributes.id ? { instanceId: root.attributes.id } : {}),
      reference: {
        id: ref.attributes.id,
        version: ref.attributes.version ?? ADDIN_VERSION,
        store: ref.attributes.store ?? '',
        storeType: ref.attributes.storeType ?? '',
      },
      settings,
    };
  }
  return { parts, settings: new Map() };
}

function esc(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;');
}

const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** A GUID in braces from random bytes (an instance id, not a secret). */
function newInstanceId(): string {
  const b = new Uint8Array(16);
  globalThis.crypto.getRandomValues(b);
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `{${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}}`.toUpperCase();
}

function webExtensionXml(doc: AddinDocument, addinId: string): string {
  // Sideloaded/centrally deployed reference when the workbook had none from Excel itself.
  const ref = doc.reference ?? {
    id: addinId,
    version: ADDIN_VERSION,
    store: 'developer',
    storeType: 'Registry',
  };
  const props = [...doc.settings]
    .map(([name, value]) => `<we:property name="${esc(name)}" value="${esc(value)}"/>`)
    .join('');
  return (
    `${XML_DECL}<we:webextension xmlns:we="${NS_WE}" id="${esc(doc.instanceId ?? newInstanceId())}">` +
    `<we:reference id="${esc(ref.id)}" version="${esc(ref.version)}" store="${esc(ref.store)}" storeType="${esc(ref.storeType)}"/>` +
    `<we:alternateReferences/>` +
    (props ? `<we:properties>${props}</we:properties>` : '<we:properties/>') +
    `<we:bindings/><we:snapshot xmlns:r="${NS_R}"/></we:webextension>`
  );
}

/** taskpanes.xml without the `<taskpane>` entries whose webextensionref id is not in `ids`. */
function withoutDanglingPanes(xml: string, ids: ReadonlySet<string>): string {
  return xml.replace(/<((?:\w+:)?taskpane)\b[^>]*>[\s\S]*?<\/\1>/g, (pane) => {
    const ref = /<(?:\w+:)?webextensionref\b[^>]*?\s(?:\w+:)?id="([^"]*)"/.exec(pane);
    return ref !== null && !ids.has(ref[1]) ? '' : pane;
  });
}

function nextFree(taken: ReadonlySet<string>, make: (n: number) => string): string {
  for (let n = 1; ; n++) if (!taken.has(make(n))) return make(n);
}

/**
 * The parts to write: every part read, ours replaced (or added, with a closed task pane entry
 * pointing at it).
 */
function partsToWrite(doc: AddinDocument, addinId: string): Map<string, string> {
  const parts = new Map(doc.parts);
  if (doc.path !== undefined) {
    parts.set(doc.path, webExtensionXml(doc, addinId));
    return parts;
  }
  const path = nextFree(new Set(parts.keys()), (n) => `${DIR}webextension${n}.xml`);
  parts.set(path, webExtensionXml(doc, addinId));
  const rels = parts.get(TASKPANES_RELS);
  const relIds = new Set(
    rels ? elements(rels, TASKPANES_RELS).map((e) => e.attributes.Id ?? '') : [],
  );
  const rId = nextFree(relIds, (n) => `rId${n}`);
  // A task pane entry whose relationship is gone points at nothing: LibreOffice 7.4 keeps
  // taskpanes.xml but drops its .rels and every webextension part (test/fixtures/foreign). Left
  // in, the id we add next would revive it as a second pane on the same part; it is dropped.
  const panesRead = parts.get(TASKPANES);
  if (panesRead !== undefined) parts.set(TASKPANES, withoutDanglingPanes(panesRead, relIds));
  const target = path.slice(DIR.length);
  const rel = `<Relationship Id="${rId}" Type="${REL_WEBEXTENSION}" Target="${esc(target)}"/>`;
  parts.set(
    TASKPANES_RELS,
    rels
      ? rels.replace(/<\/Relationships>\s*$/, `${rel}</Relationships>`)
      : `${XML_DECL}<Relationships xmlns="${NS_PKG_RELS}">${rel}</Relationships>`,
  );
  // visibility="0": the pane stays closed on open; the settings are what this entry is for. The
  // namespace is declared on the element itself, whatever prefix the existing root uses.
  const pane =
    `<wetp:taskpane xmlns:wetp="${NS_WETP}" dockstate="right" visibility="0" width="350" row="0">` +
    `<wetp:webextensionref xmlns:r="${NS_R}" r:id="${rId}"/></wetp:taskpane>`;
  const panes = parts.get(TASKPANES);
  const close = /<\/((?:\w+:)?taskpanes)>\s*$/;
  parts.set(
    TASKPANES,
    panes !== undefined && close.test(panes)
      ? panes.replace(close, (_, tag: string) => `${pane}</${tag}>`)
      : `${XML_DECL}<wetp:taskpanes xmlns:wetp="${NS_WETP}">${pane}</wetp:taskpanes>`,
  );
  return parts;
}

/**
 * [Content_Types].xml with an Override for each web-extension part not yet covered; an Override
 * naming another type for one of them (LibreOffice 7.4 writes taskpanes.xml as
 * `application/xml`) is replaced by the web-extension type (MS-OWEXML, see above).
 */
function contentTypes(xml: string, paths: readonly string[]): string {
  const typeOf = (p: string) => (p === TASKPANES ? CT_TASKPANES : CT_WEBEXTENSION);
  const ours = new Map(
    paths.filter((p) => p.endsWith('.xml')).map((p) => [`/${p}`.toLowerCase(), typeOf(p)]),
  );
  const covered = new Set(
    elements(xml, '[Content_Types].xml')
      .filter((e) => local(e.name) === 'Override')
      .map((e) => (e.attributes.PartName ?? '').toLowerCase()),
  );
  const fixed = xml.replace(/<(?:\w+:)?Override\b[^>]*>/g, (el) => {
    const part = /\sPartName="([^"]*)"/.exec(el)?.[1].toLowerCase();
    const type = part !== undefined ? ours.get(part) : undefined;
    return type === undefined ? el : el.replace(/(\sContentType=")[^"]*"/, `$1${type}"`);
  });
  const add = paths
    .filter((p) => p.endsWith('.xml'))
    .filter((p) => !covered.has(`/${p}`.toLowerCase()))
    .map((p) => `<Override PartName="/${esc(p)}" ContentType="${typeOf(p)}"/>`)
    .join('');
  return add ? fixed.replace(/<\/Types>\s*$/, `${add}</Types>`) : fixed;
}

/** _rels/.rels with the package relationship to taskpanes.xml, when missing. */
function packageRels(xml: string | undefined): string {
  const rel = (id: string) =>
    `<Relationship Id="${id}" Type="${REL_TASKPANES}" Target="${TASKPANES}"/>`;
  if (xml === undefined) {
    return `${XML_DECL}<Relationships xmlns="${NS_PKG_RELS}">${rel('rId1')}</Relationships>`;
  }
  const els = elements(xml, '_rels/.rels');
  if (els.some((e) => e.attributes.Type === REL_TASKPANES)) return xml;
  const ids = new Set(els.map((e) => e.attributes.Id ?? ''));
  const id = nextFree(ids, (n) => `rIdWe${n}`);
  return xml.replace(/<\/Relationships>\s*$/, `${rel(id)}</Relationships>`);
}

/** Changes to a package: parts removed, and parts written (replaced or added) as text. */
export interface PackageEdits {
  readonly remove: readonly string[];
  readonly write: ReadonlyMap<string, string>;
}

/**
 * The web-extension parts of `doc` as edits to a package whose parts `read` gives (by name, or
 * null): for a writer that patches the package (engine/xlsx-patch.ts) rather than rezipping it.
 */
export function addinDocumentEdits(
  names: readonly string[],
  read: (name: string) => string | null,
  doc: AddinDocument,
  addinId: string = ADDIN_ID,
): PackageEdits | undefined {
  if (doc.parts.size === 0 && doc.settings.size === 0) return undefined;
  const ct = read('[Content_Types].xml');
  if (ct === null) {
    throw new WebExtensionError('the workbook has no [Content_Types].xml.', '[Content_Types].xml');
  }
  const parts =
    doc.settings.size > 0 || doc.path !== undefined
      ? partsToWrite(doc, addinId)
      : new Map(doc.parts);
  const write = new Map<string, string>(parts);
  write.set('[Content_Types].xml', contentTypes(ct, [...parts.keys()]));
  if (parts.has(TASKPANES)) write.set('_rels/.rels', packageRels(read('_rels/.rels') ?? undefined));
  return { remove: names.filter((n) => n.startsWith(DIR) && !write.has(n)), write };
}

/**
 * The post-write step: `xlsx` (as a writer such as ExcelJS produced it) with the web-extension
 * parts of `doc` put back, ours carrying its settings. Nothing else in the package changes.
 */
export async function writeAddinDocument(
  xlsx: Uint8Array,
  doc: AddinDocument,
  addinId: string = ADDIN_ID,
): Promise<Uint8Array> {
  if (doc.parts.size === 0 && doc.settings.size === 0) return xlsx;
  const zip = await loadZip(xlsx);
  const ctFile = zip.file('[Content_Types].xml');
  if (ctFile === null) {
    throw new WebExtensionError('the workbook has no [Content_Types].xml.', '[Content_Types].xml');
  }
  const parts =
    doc.settings.size > 0 || doc.path !== undefined
      ? partsToWrite(doc, addinId)
      : new Map(doc.parts);
  for (const path of Object.keys(zip.files)) if (path.startsWith(DIR)) zip.remove(path);
  for (const [path, xml] of parts) zip.file(path, xml, { createFolders: false });
  zip.file('[Content_Types].xml', contentTypes(await ctFile.async('string'), [...parts.keys()]));
  const relsFile = zip.file('_rels/.rels');
  if (parts.has(TASKPANES)) {
    zip.file('_rels/.rels', packageRels(relsFile ? await relsFile.async('string') : undefined));
  }
  const out = await zip.generateAsync({
    type: 'uint8array',
    compression: 'DEFLATE',
    compressionOptions: { level: 6 },
  });
  return out;
}
