/**
 * Offline checks of the add-in only manifest (manifest.xml): the mistakes that make Excel
 * refuse the add-in, load it without functions, or start two runtimes instead of one. Pure:
 * files are read through `readFile`, so tests can feed broken copies from memory.
 * `office-addin-manifest validate` needs the network; this does not.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface ManifestProblem {
  /** A short stable name of the check, e.g. `resid-undefined`. */
  readonly rule: string;
  readonly message: string;
}

import { MANIFEST_EXCEL_API } from '../src/host/requirements';

export interface ManifestCheckOptions {
  /** Reads a file of the project by its path relative to the repository root; undefined: missing. */
  readonly readFile: (relativePath: string) => Uint8Array | undefined;
  /** The URL prefix that maps to the repository root. Default: the dev server's. */
  readonly baseUrl?: string;
}

export const DEFAULT_BASE_URL = 'https://localhost:3000/';
export const REQUIRED_SETS = ['SharedRuntime', 'CustomFunctionsRuntime', 'ExcelApi'] as const;
/**
 * The lowest MinVersion each set may declare: what the code calls without an isSetSupported
 * check (src/host/requirements.ts lists the ExcelApi calls; 1.2 is CustomFunctions.Error).
 */
export const MIN_SET_VERSIONS: Readonly<Record<string, string>> = {
  SharedRuntime: '1.1',
  CustomFunctionsRuntime: '1.2',
  ExcelApi: MANIFEST_EXCEL_API,
};

/** `1.9` < `1.12`: versions compare part by part, as numbers. */
function versionBelow(version: string, floor: string): boolean {
  const a = version.split('.').map(Number);
  const b = floor.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (Number.isNaN(x)) return true;
    if (x !== y) return x < y;
  }
  return false;
}
export const REQUIRED_PERMISSIONS = 'ReadWriteDocument';
/** Resource ids, namespaces: the manifest schema allows at most 32 characters. */
const MAX_ID = 32;
const MAX_SHORT_STRING = 125;
const MAX_LONG_STRING = 250;

/** An element of the manifest, namespace prefixes kept in `name` (e.g. `bt:Image`). */
export interface XmlElement {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  readonly text: string;
}

const localName = (name: string): string => name.slice(name.indexOf(':') + 1);

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

function toElement(node: OrderedNode): XmlElement | undefined {
  const name = Object.keys(node).find((k) => k !== ':@' && k !== '#text');
  if (!name) return undefined;
  const raw = (node[name] as OrderedNode[]) ?? [];
  const children: XmlElement[] = [];
  let text = '';
  for (const child of raw) {
    if ('#text' in child) text += String(child['#text']);
    else {
      const el = toElement(child);
      if (el) children.push(el);
    }
  }
  const attrs: Record<string, string> = {};
  for (const [k, v] of Object.entries(node[':@'] ?? {})) attrs[k.replace(/^@_/, '')] = String(v);
  return { name, attrs, children, text: text.trim() };
}

/** Parses XML into a plain element tree; throws on malformed XML. */
export function parseXml(xml: string): XmlElement {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    throw new Error(`not well-formed XML at line ${line}, column ${col}: ${msg}`);
  }
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseAttributeValue: false,
    parseTagValue: false,
    trimValues: true,
    ignoreDeclaration: true,
    commentPropName: false,
  });
  const nodes = parser.parse(xml) as OrderedNode[];
  const root = nodes.map(toElement).find((e) => e !== undefined);
  if (!root) throw new Error('the document has no root element');
  return root;
}

/** Every element below `el` (depth first), with its ancestors' local names. */
function* walk(
  el: XmlElement,
  ancestors: readonly string[] = [],
): Generator<{ el: XmlElement; ancestors: readonly string[] }> {
  yield { el, ancestors };
  for (const child of el.children) yield* walk(child, [...ancestors, localName(el.name)]);
}

function findAll(
  root: XmlElement,
  local: string,
): { el: XmlElement; ancestors: readonly string[] }[] {
  return [...walk(root)].filter(({ el }) => localName(el.name) === local);
}

/** Width and height from a PNG's IHDR chunk; undefined if the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const type = String.fromCharCode(bytes[12], bytes[13], bytes[14], bytes[15]);
  if (type !== 'IHDR') return undefined;
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

type ResourceKind = 'Images' | 'Urls' | 'ShortStrings' | 'LongStrings';

interface Resource {
  readonly id: string;
  readonly kind: ResourceKind;
  /** DefaultValue first, then each Override's Value. */
  readonly values: readonly string[];
}

/** What kind of resource an element's `resid` must name. */
const EXPECTED_KIND: Readonly<Record<string, ResourceKind>> = {
  Image: 'Images',
  SourceLocation: 'Urls',
  Runtime: 'Urls',
  FunctionFile: 'Urls',
  LearnMoreUrl: 'Urls',
  Label: 'ShortStrings',
  Title: 'ShortStrings',
  Namespace: 'ShortStrings',
  Description: 'LongStrings',
};

export function checkManifest(xml: string, options: ManifestCheckOptions): ManifestProblem[] {
  const problems: ManifestProblem[] = [];
  const problem = (rule: string, message: string): void => {
    problems.push({ rule, message });
  };
  const baseUrl = options.baseUrl ?? DEFAULT_BASE_URL;

  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (e) {
    problem('xml', `manifest.xml is ${e instanceof Error ? e.message : String(e)}`);
    return problems;
  }
  if (localName(root.name) !== 'OfficeApp' || root.attrs['xsi:type'] !== 'TaskPaneApp') {
    problem('root', 'the root element must be <OfficeApp xsi:type="TaskPaneApp">.');
  }
  const id = findAll(root, 'Id').find(({ ancestors }) => ancestors.length === 1)?.el.text ?? '';
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) {
    problem('id', `<Id> must be a GUID; found "${id}".`);
  }

  // Resources: every id unique, within the length limits.
  const resources = new Map<string, Resource>();
  for (const { el, ancestors } of walk(root)) {
    if (!ancestors.includes('Resources') || el.attrs.id === undefined) continue;
    const kind = ancestors[ancestors.length - 1] as ResourceKind;
    const rid = el.attrs.id;
    if (resources.has(rid)) {
      problem('resid-duplicate', `resource id "${rid}" is defined more than once in <Resources>.`);
      continue;
    }
    if (rid.length > MAX_ID) {
      problem('resid-length', `resource id "${rid}" is longer than ${MAX_ID} characters.`);
    }
    const overrides = el.children.filter((c) => localName(c.name) === 'Override');
    const values = [el.attrs.DefaultValue ?? '', ...overrides.map((o) => o.attrs.Value ?? '')];
    const limit =
      kind === 'ShortStrings' ? MAX_SHORT_STRING : kind === 'LongStrings' ? MAX_LONG_STRING : 2048;
    for (const v of values) {
      if ([...v].length > limit) {
        problem('string-length', `resource "${rid}" has a value longer than ${limit} characters.`);
      }
    }
    resources.set(rid, { id: rid, kind, values });
  }

  // References: every resid defined, of the right kind; every resource used.
  const used = new Set<string>();
  for (const { el, ancestors } of walk(root)) {
    const resid = el.attrs.resid;
    if (resid === undefined || ancestors.includes('Resources')) continue;
    const local = localName(el.name);
    used.add(resid);
    const resource = resources.get(resid);
    if (!resource) {
      problem(
        'resid-undefined',
        `resid "${resid}" used by <${local}> is not defined in <Resources>.`,
      );
      continue;
    }
    const expected = EXPECTED_KIND[local];
    if (expected && resource.kind !== expected) {
      problem(
        'resid-kind',
        `resid "${resid}" used by <${local}> must be in <bt:${expected}>, not <bt:${resource.kind}>.`,
      );
    }
  }
  for (const rid of resources.keys()) {
    if (!used.has(rid)) {
      problem('resid-unused', `resource "${rid}" is defined in <Resources> but never used.`);
    }
  }

  // One shared runtime: the Runtime, the custom functions' Page and the FunctionFile must name
  // the same URL resource, or Excel starts separate runtimes.
  const runtimes = findAll(root, 'Runtime');
  const runtime = runtimes[0]?.el;
  if (!runtime) {
    problem('runtime', 'no <Runtimes><Runtime resid="…" lifetime="long"/> in <VersionOverrides>.');
  } else if (runtime.attrs.lifetime !== 'long') {
    problem(
      'runtime-lifetime',
      `<Runtime resid="${runtime.attrs.resid}"> must have lifetime="long" (found "${runtime.attrs.lifetime ?? ''}").`,
    );
  }
  const page = findAll(root, 'SourceLocation').find(
    ({ ancestors }) => ancestors[ancestors.length - 1] === 'Page',
  )?.el;
  const functionFile = findAll(root, 'FunctionFile')[0]?.el;
  const shared: [string, XmlElement | undefined][] = [
    ['<Runtime>', runtime],
    ['custom functions <Page><SourceLocation>', page],
    ['<FunctionFile>', functionFile],
  ];
  for (const [what, el] of shared) {
    if (!el) problem('shared-runtime', `${what} is missing.`);
  }
  const residsInUse = new Set(shared.map(([, el]) => el?.attrs.resid).filter(Boolean));
  if (residsInUse.size > 1) {
    problem(
      'shared-runtime',
      `<Runtime>, <Page><SourceLocation> and <FunctionFile> must use the same resid for one shared runtime; found ${shared
        .map(([what, el]) => `${what} "${el?.attrs.resid ?? ''}"`)
        .join(', ')}.`,
    );
  }

  // Custom functions: metadata, script and the namespace users type (=CM.…).
  const cf = findAll(root, 'ExtensionPoint').find(
    ({ el }) => el.attrs['xsi:type'] === 'CustomFunctions',
  )?.el;
  if (!cf) {
    problem('custom-functions', 'no <ExtensionPoint xsi:type="CustomFunctions">.');
  } else {
    for (const part of ['Script', 'Page', 'Metadata']) {
      if (!cf.children.some((c) => localName(c.name) === part)) {
        problem('custom-functions', `the CustomFunctions extension point has no <${part}>.`);
      }
    }
    const ns = cf.children.find((c) => localName(c.name) === 'Namespace');
    const nsResource = ns ? resources.get(ns.attrs.resid ?? '') : undefined;
    if (!ns) problem('namespace', 'the CustomFunctions extension point has no <Namespace>.');
    for (const value of nsResource?.values ?? []) {
      if (value.length > MAX_ID) {
        problem(
          'namespace',
          `the functions namespace "${value}" is ${value.length} characters long; at most ${MAX_ID} are allowed.`,
        );
      }
      if (!/^[A-Za-z0-9._]+$/.test(value)) {
        problem(
          'namespace',
          `the functions namespace "${value}" may contain only letters, digits, "." and "_".`,
        );
      }
    }
  }

  // Every URL https: attribute values and texts (namespace declarations are names, not URLs).
  for (const { el } of walk(root)) {
    const values = [
      ...Object.entries(el.attrs)
        .filter(([k]) => !k.startsWith('xmlns'))
        .map(([, v]) => v),
      el.text,
    ];
    for (const v of values) {
      const scheme = /^\s*([a-z][a-z0-9+.-]*):\/\//i.exec(v)?.[1];
      if (scheme && scheme.toLowerCase() !== 'https') {
        problem(
          'https',
          `<${localName(el.name)}> uses a non-https URL "${v}"; Office requires https.`,
        );
      }
    }
  }

  // Icons: each image served from this project, a PNG of the size it is used at.
  const sizesOf = new Map<string, Set<number>>();
  for (const { el, ancestors } of findAll(root, 'Image')) {
    if (ancestors.includes('Resources') || el.attrs.resid === undefined) continue;
    const size = Number(el.attrs.size);
    const set = sizesOf.get(el.attrs.resid) ?? new Set<number>();
    set.add(size);
    sizesOf.set(el.attrs.resid, set);
  }
  const icons: { url: string; size: number; what: string }[] = [];
  for (const [tag, size] of [
    ['IconUrl', 32],
    ['HighResolutionIconUrl', 64],
  ] as const) {
    const el = findAll(root, tag).find(({ ancestors }) => ancestors.length === 1)?.el;
    if (!el) problem('icon', `<${tag}> is missing.`);
    else icons.push({ url: el.attrs.DefaultValue ?? '', size, what: `<${tag}>` });
  }
  for (const resource of resources.values()) {
    if (resource.kind !== 'Images') continue;
    const sizes = [...(sizesOf.get(resource.id) ?? [])];
    if (sizes.length > 1) {
      problem('icon', `image "${resource.id}" is used at several sizes (${sizes.join(', ')}).`);
    }
    for (const url of resource.values) {
      if (sizes.length > 0) icons.push({ url, size: sizes[0], what: `image "${resource.id}"` });
    }
  }
  for (const { url, size, what } of icons) {
    if (!url.startsWith(baseUrl)) {
      problem('icon', `${what}: "${url}" is not served by this project (expected ${baseUrl}…).`);
      continue;
    }
    const file = decodeURIComponent(url.slice(baseUrl.length).split(/[?#]/)[0]);
    const bytes = options.readFile(file);
    if (!bytes) {
      problem('icon-missing', `${what}: ${url} has no file ${file} in the repository.`);
      continue;
    }
    const dims = pngSize(bytes);
    if (!dims) problem('icon-format', `${what}: ${file} is not a PNG file.`);
    else if (dims.width !== size || dims.height !== size) {
      problem(
        'icon-size',
        `${what}: ${file} is ${dims.width}x${dims.height} pixels; it is used as ${size}x${size}.`,
      );
    }
  }

  // Requirement sets and permissions.
  const declared = findAll(root, 'Set').filter(({ ancestors }) =>
    ancestors.includes('Requirements'),
  );
  const sets = new Map(declared.map(({ el }) => [el.attrs.Name, el.attrs.MinVersion]));
  for (const name of REQUIRED_SETS) {
    if (!sets.has(name)) {
      problem('requirements', `<Requirements> must list <Set Name="${name}"/>.`);
      continue;
    }
    const min = MIN_SET_VERSIONS[name];
    const given = sets.get(name) ?? '1.1';
    if (min !== undefined && versionBelow(given, min)) {
      problem(
        'requirements',
        `<Set Name="${name}"> declares MinVersion ${given}, but the code needs ${min} without checking it.`,
      );
    }
  }
  const permissions = findAll(root, 'Permissions').map(({ el }) => el.text);
  if (permissions.length !== 1 || permissions[0] !== REQUIRED_PERMISSIONS) {
    problem(
      'permissions',
      `<Permissions> must be exactly ${REQUIRED_PERMISSIONS}; found ${permissions.length ? permissions.map((p) => `"${p}"`).join(', ') : 'none'}.`,
    );
  }
  return problems;
}
