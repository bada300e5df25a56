/**
 * What Excel passes when an input cell holds an error or a data type. With
 * "allowErrorForDataTypeAny": true (a top-level flag of functions.json: "All parameters with the
 * type any or any[][] can accept errors as input values",
 * learn.microsoft.com/office/dev/add-ins/excel/custom-functions-json) Excel calls the function
 * with CustomFunctions.Error objects in place of the error cells; FUNCTIONS.md: "A bad element
 * gives an error in that element only".
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fns from '../../src/functions/excel-functions';
import {
  checkFunctionsMetadata,
  finishFunctionsJson,
  METADATA_FLAGS,
} from '../../scripts/functions-json-check';
import { call, FakeCustomFunctionsError, installCustomFunctionsGlobal } from './excel-fake';

beforeAll(installCustomFunctionsGlobal);

const err = (code: string) => new FakeCustomFunctionsError(code);
const col = (...xs: unknown[]) => xs.map((x) => [x]);

describe('error elements from Excel (allowErrorForDataTypeAny)', () => {
  it('an #N/A in one element of a lifted range gives #N/A in that element only', () => {
    const out = call(() =>
      fns.appraisalScore(
        col('SENIOR', 'MID', 'SENIOR') as never,
        col(0.34, err('#N/A'), 0.34) as never,
        [[0]],
        [[0.997]],
        [[8]],
      ),
    ) as unknown[][];
    expect(out[0][0]).toBe(110);
    expect(out[1][0]).toMatchObject({ code: '#N/A', message: 'deposit is #N/A in the input.' });
    expect(out[2][0]).toBe(110);
  });

  it('#DIV/0! and #NULL! pass through; #REF! and #NAME? (not allowed as output) show #VALUE! naming them', () => {
    const out = call(() =>
      fns.loanAuthority(
        col('SENIOR', 'SENIOR', 'SENIOR', 'SENIOR', 'SENIOR') as never,
        col(err('#DIV/0!'), err('#NULL!'), err('#REF!'), err('#NAME?'), 5000000) as never,
      ),
    ) as unknown[][];
    expect(out.map((r) => r[0])).toEqual([
      { code: '#DIV/0!', message: '' },
      { code: '#NULL!', message: '' },
      { code: '#VALUE!', message: 'amount is #REF! in the input.' },
      { code: '#VALUE!', message: 'amount is #NAME? in the input.' },
      true,
    ]);
  });

  it('a list parameter with an error element gives that error (as the engine does)', () => {
    const out = call(() =>
      fns.monthsBelowBase([[100, err('#N/A'), 50]] as never, [[100]]),
    ) as unknown;
    expect(out).toMatchObject({ code: '#N/A' });
  });

  it('a scalar error broadcast against a range reaches every element', () => {
    const out = call(() => fns.loanApprover([[err('#DIV/0!')]] as never)) as unknown;
    expect(out).toMatchObject({ code: '#DIV/0!' });
  });
});

describe('linked data types (allowCustomDataForDataTypeAny is false)', () => {
  it('an object with a basic value is read by that value', () => {
    const entity = { type: 'Entity', basicValue: 5000000, text: 'loan' };
    expect(call(() => fns.loanAuthority([['SENIOR']], [[entity]] as never))).toEqual([[true]]);
  });

  it('one without a single value is #VALUE! with a message naming the parameter', () => {
    const out = call(() => fns.loanApprover([[{ type: 'Entity', properties: {} }]] as never));
    expect(out).toEqual({
      code: '#VALUE!',
      message: 'amount holds a data type (Entity) with no single value; give its text or number.',
    });
  });
});

describe('metadata flags written by the build and by gen:functions', () => {
  const zh = JSON.parse(
    readFileSync(join(__dirname, '../../src/functions/functions-zh-cn.json'), 'utf8'),
  ) as Record<string, unknown>;

  it('functions-zh-cn.json allows errors and asks Excel for basic values', () => {
    expect(zh.allowErrorForDataTypeAny).toBe(true);
    expect(zh.allowCustomDataForDataTypeAny).toBe(false);
    expect(METADATA_FLAGS).toEqual({
      allowErrorForDataTypeAny: true,
      allowCustomDataForDataTypeAny: false,
    });
  });

  it("the build's step rewrites the generator's output, and the check refuses it unrewritten", () => {
    const generated = JSON.stringify({
      allowCustomDataForDataTypeAny: true,
      functions: [{ id: 'X', name: 'X', parameters: [{ name: 'a', type: 'any' }] }],
    });
    expect(checkFunctionsMetadata(generated)).toMatch(/"allowErrorForDataTypeAny" must be true/);
    const finished = finishFunctionsJson(generated);
    expect(JSON.parse(finished)).toMatchObject(METADATA_FLAGS);
    expect(checkFunctionsMetadata(finished)).toBeUndefined();
  });
});
