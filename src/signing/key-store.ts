/**
 * The task pane's signing key: created on first use with the auditor's name, the private key a
 * NON-extractable WebCrypto key, kept in IndexedDB of the add-in's origin. IndexedDB stores a
 * CryptoKey by structured clone without exporting it (WebCrypto's key storage note:
 * https://www.w3.org/TR/WebCryptoAPI/#concepts-key-storage), so no script, the add-in's
 * included, can read the key's bytes; it can only ask the browser to sign.
 * Office add-ins may use the webview's own storage (Microsoft: "Persist add-in state and
 * settings", https://learn.microsoft.com/office/dev/add-ins/develop/persisting-add-in-state-and-settings).
 */
import { fingerprintOf, generateKeyPair, type SigningKey } from './keys';

export interface KeyStore {
  /** The stored key, or undefined before the first one is created. */
  load(): Promise<SigningKey | undefined>;
  /** Creates, stores and returns a new key for `name` (replacing none: call load first). */
  create(name: string): Promise<SigningKey>;
}

/** The one key, created on first use. */
export async function keyFor(store: KeyStore, name: string): Promise<SigningKey> {
  return (await store.load()) ?? (await store.create(name));
}

async function newKey(name: string): Promise<SigningKey> {
  const trimmed = name.trim();
  if (trimmed === '') throw new Error("a signing key needs the auditor's name.");
  const pair = await generateKeyPair(false);
  return {
    name: trimmed,
    fingerprint: await fingerprintOf(pair.publicKey),
    privateKey: pair.privateKey,
    publicKey: pair.publicKey,
  };
}

/** Kept for the page's life only: hosts without IndexedDB, and tests. */
export function memoryKeyStore(): KeyStore {
  let key: SigningKey | undefined;
  return {
    load: () => Promise.resolve(key),
    async create(name) {
      key = await newKey(name);
      return key;
    },
  };
}

const STORE = 'keys';
const ID = 'auditor';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((done, fail) => {
    req.onsuccess = () => done(req.result);
    req.onerror = () => fail(req.error ?? new Error('IndexedDB request failed'));
  });
}

function open(dbName: string): Promise<IDBDatabase> {
  const req = indexedDB.open(dbName, 1);
  req.onupgradeneeded = () => {
    if (!req.result.objectStoreNames.contains(STORE)) req.result.createObjectStore(STORE);
  };
  return request(req);
}

interface Stored {
  readonly name: string;
  readonly fingerprint: string;
  readonly privateKey: CryptoKey;
  readonly publicKey: CryptoKey;
}

function isStored(v: unknown): v is Stored {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as Record<string, unknown>;
  return (
    typeof s.name === 'string' &&
    typeof s.fingerprint === 'string' &&
    s.privateKey instanceof CryptoKey &&
    s.publicKey instanceof CryptoKey
  );
}

/** The key in IndexedDB database `dbName` of this origin. */
export function indexedDbKeyStore(dbName = 'cm-appraisal-signing'): KeyStore {
  const withStore = async <T>(
    mode: IDBTransactionMode,
    act: (store: IDBObjectStore) => IDBRequest<T>,
  ): Promise<T> => {
    const db = await open(dbName);
    try {
      return await request(act(db.transaction(STORE, mode).objectStore(STORE)));
    } finally {
      db.close();
    }
  };
  return {
    async load() {
      const v: unknown = await withStore('readonly', (s) => s.get(ID));
      return isStored(v) ? { ...v } : undefined;
    },
    async create(name) {
      const key = await newKey(name);
      await withStore('readwrite', (s) => s.put({ ...key } satisfies Stored, ID));
      return key;
    },
  };
}

/**
 * IndexedDB where the page has it, else a key for this page's life only; undefined where the
 * page has no WebCrypto (nothing can be signed there).
 */
export function defaultKeyStore(): KeyStore | undefined {
  if (globalThis.crypto?.subtle === undefined) return undefined;
  return typeof indexedDB !== 'undefined' ? indexedDbKeyStore() : memoryKeyStore();
}
