/**
 * The audit log anchor's validators, compiled by ajv ahead of time from their JSON Schemas
 * (scripts/gen-validators.ts): the committed file is what the schemas compile to, and it judges
 * every value as ajv compiling the same schema at run time does.
 */
import Ajv from 'ajv';
import fc from 'fast-check';
import { readFileSync } from 'fs';
import { validatorsSource, VALIDATORS_FILE } from '../../scripts/gen-validators';
import { anchorSignatureValid, anchorValid } from '../../src/signing/anchor-validators.generated';
import { ANCHOR_SCHEMA, ANCHOR_SIGNATURE_SCHEMA } from '../../src/signing/schemas';

const ajv = new Ajv({ allErrors: true, strict: true });
const anchorAtRunTime = ajv.compile(ANCHOR_SCHEMA);
const signatureAtRunTime = ajv.compile(ANCHOR_SIGNATURE_SCHEMA);

/** n lower-case hex digits (as written), or a near miss: a digit too few or many, upper case. */
const hex = (n: number) =>
  fc.oneof(
    fc.stringMatching(new RegExp(`^[0-9a-f]{${n}}$`)),
    fc.stringMatching(new RegExp(`^[0-9a-f]{${n - 1}}$|^[0-9a-f]{${n + 1}}$|^[0-9A-F]{${n}}$`)),
  );
/** Anchors near and far from the ones the add-in writes. */
const anchorish = fc.record(
  {
    hash: fc.oneof(hex(64), fc.jsonValue()),
    count: fc.oneof(
      fc.integer({ min: -3, max: 10 }),
      fc.constantFrom(2 ** 53 - 1, 2 ** 53, 1.5, -0, '3', null),
      fc.jsonValue(),
    ),
    signer: fc.oneof(hex(64), fc.jsonValue()),
    signature: fc.oneof(hex(128), fc.jsonValue()),
    other: fc.jsonValue(),
  },
  { requiredKeys: [] },
);

describe('the anchor validators compiled ahead of time', () => {
  it('are the committed file, freshly generated from the schemas (npm run gen:validators)', () => {
    expect(readFileSync(VALIDATORS_FILE, 'utf8')).toBe(validatorsSource());
  });

  it('need nothing at run time: no ajv, no other module', () => {
    expect(readFileSync(VALIDATORS_FILE, 'utf8')).not.toMatch(/\brequire\(|\bimport\b/);
  });

  it('judge any value as ajv compiling the schema at run time does', () => {
    // Both verdicts of both schemas are met (the values are not all refused).
    const seen = new Set<string>();
    fc.assert(
      fc.property(fc.oneof(anchorish, fc.jsonValue()), (value) => {
        const valid = anchorAtRunTime(value);
        expect(anchorValid(value)).toBe(valid);
        expect(anchorSignatureValid(value)).toBe(signatureAtRunTime(value));
        seen.add(`${valid}/${signatureAtRunTime(value)}`);
      }),
      { numRuns: 2_000 },
    );
    expect([...seen].sort()).toEqual(['false/false', 'false/true', 'true/false', 'true/true']);
  });
});
