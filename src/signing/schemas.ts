/**
 * The JSON files of signing, described by JSON Schema (draft-07, ajv's default): a
 * public key as an auditor hands it to the audit office, the office's trust list, and the
 * command line's private key file. Checked with ajv (./validate.ts), never by hand.
 */

export const HEX64 = '^[0-9a-f]{64}$';
// Canonical base64 (padding included), as toBase64 writes it.
export const BASE64 = '^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$';

/** `{"name", "key", "fingerprint"}`: key is the SPKI of an ECDSA P-256 key in base64. */
export const PUBLIC_KEY_SCHEMA = {
  $id: 'https://cm-appraisal.example/schemas/public-key.json',
  title: 'cm-appraisal auditor public key',
  type: 'object',
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 200, description: "The auditor's name." },
    key: {
      type: 'string',
      pattern: BASE64,
      minLength: 1,
      description: 'SubjectPublicKeyInfo (DER) of the ECDSA P-256 key, base64.',
    },
    fingerprint: {
      type: 'string',
      pattern: HEX64,
      description: 'SHA-256 of the SubjectPublicKeyInfo bytes, lower-case hex.',
    },
  },
  required: ['name', 'key', 'fingerprint'],
  additionalProperties: false,
} as const;

/** `{"auditors": [public key, …]}`: the audit office's trusted auditors. */
export const TRUST_LIST_SCHEMA = {
  $id: 'https://cm-appraisal.example/schemas/trust-list.json',
  title: 'cm-appraisal trust list',
  type: 'object',
  properties: {
    auditors: { type: 'array', minItems: 1, items: { $ref: 'public-key.json' } },
  },
  required: ['auditors'],
  additionalProperties: false,
} as const;

/** The command line's private key file (`keys new`), mode 0600. */
export const PRIVATE_KEY_SCHEMA = {
  $id: 'https://cm-appraisal.example/schemas/private-key.json',
  title: 'cm-appraisal auditor private key',
  type: 'object',
  properties: {
    type: { const: 'cm-appraisal private key' },
    name: { type: 'string', minLength: 1, maxLength: 200 },
    fingerprint: { type: 'string', pattern: HEX64 },
    privateKey: {
      type: 'string',
      pattern: BASE64,
      minLength: 1,
      description: 'PKCS #8 (DER) of the ECDSA P-256 private key, base64.',
    },
  },
  required: ['type', 'name', 'fingerprint', 'privateKey'],
  additionalProperties: false,
} as const;

export const HEX128 = '^[0-9a-f]{128}$';

/**
 * The audit log's anchor as the workbook's setting holds it (SHEETS.md "Audit log integrity"):
 * the last record's hash and the number of records. Other keys are allowed (the signature's).
 */
export const ANCHOR_SCHEMA = {
  $id: 'https://cm-appraisal.example/schemas/log-anchor.json',
  title: 'cm-appraisal audit log anchor',
  type: 'object',
  properties: {
    hash: { type: 'string', pattern: HEX64, description: "The last record's hash." },
    count: {
      type: 'integer',
      minimum: 0,
      maximum: Number.MAX_SAFE_INTEGER,
      description: 'How many records the log holds.',
    },
  },
  required: ['hash', 'count'],
} as const;

/** The anchor's signature, in the same JSON: both keys or neither (an unsigned anchor). */
export const ANCHOR_SIGNATURE_SCHEMA = {
  $id: 'https://cm-appraisal.example/schemas/log-anchor-signature.json',
  title: 'cm-appraisal audit log anchor signature',
  type: 'object',
  properties: {
    signer: { type: 'string', pattern: HEX64, description: "The signing key's fingerprint." },
    signature: {
      type: 'string',
      pattern: HEX128,
      description: 'ECDSA P-256 signature (r ‖ s) of the anchor, lower-case hex.',
    },
  },
  dependencies: { signer: ['signature'], signature: ['signer'] },
} as const;
