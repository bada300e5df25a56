/**
 * The signing files checked against their JSON Schemas with ajv. A failure reads as one line
 * naming where in the file and what is wrong (`/auditors/0/fingerprint must match pattern …`).
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { PRIVATE_KEY_SCHEMA, PUBLIC_KEY_SCHEMA, TRUST_LIST_SCHEMA } from './schemas';

export interface PublicKeyJson {
  readonly name: string;
  readonly key: string;
  readonly fingerprint: string;
}

export interface TrustListJson {
  readonly auditors: readonly PublicKeyJson[];
}

export interface PrivateKeyJson {
  readonly type: 'cm-appraisal private key';
  readonly name: string;
  readonly fingerprint: string;
  readonly privateKey: string;
}

let compiled:
  | {
      publicKey: ValidateFunction<PublicKeyJson>;
      trustList: ValidateFunction<TrustListJson>;
      privateKey: ValidateFunction<PrivateKeyJson>;
    }
  | undefined;

function validators() {
  if (compiled === undefined) {
    const ajv = new Ajv({ allErrors: true, strict: true });
    ajv.addSchema(PUBLIC_KEY_SCHEMA);
    compiled = {
      publicKey: ajv.getSchema<PublicKeyJson>(
        PUBLIC_KEY_SCHEMA.$id,
      ) as ValidateFunction<PublicKeyJson>,
      trustList: ajv.compile<TrustListJson>(TRUST_LIST_SCHEMA),
      privateKey: ajv.compile<PrivateKeyJson>(PRIVATE_KEY_SCHEMA),
    };
  }
  return compiled;
}

export type Checked<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: string };

function describe(errors: readonly ErrorObject[] | null | undefined): string {
  const list = (errors ?? []).map((e) => {
    const where = e.instancePath === '' ? 'the file' : e.instancePath;
    const extra =
      e.keyword === 'additionalProperties'
        ? ` ("${String((e.params as { additionalProperty: string }).additionalProperty)}")`
        : '';
    return `${where} ${e.message ?? 'is invalid'}${extra}`;
  });
  return [...new Set(list)].slice(0, 3).join('; ');
}

function check<T>(validate: ValidateFunction<T>, value: unknown): Checked<T> {
  return validate(value) ? { ok: true, value } : { ok: false, problem: describe(validate.errors) };
}

export const checkPublicKey = (v: unknown) => check(validators().publicKey, v);
export const checkTrustList = (v: unknown) => check(validators().trustList, v);
export const checkPrivateKey = (v: unknown) => check(validators().privateKey, v);
