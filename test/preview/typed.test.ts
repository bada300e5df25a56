/** What a person types into a preview cell, read as Excel reads it. */
import { isErrorText, readTyped, showValue } from '../../src/preview/typed';

describe('readTyped', () => {
  it.each([
    ['=CM.APPRAISAL_SCORE("SENIOR",34%,0,99.7%,8)', '=CM.APPRAISAL_SCORE("SENIOR",34%,0,99.7%,8)'],
    ['  =A1+1 ', '=A1+1'],
    ['42', 42],
    ['-1.5', -1.5],
    ['1,234,567', 1234567],
    ['34%', 0.34],
    ['99.7 %', 0.997],
    ['1e3', 1000],
    ['.5', 0.5],
    ['TRUE', true],
    ['false', false],
    ['', null],
    ['   ', null],
    ["'00123", '00123'],
    ["'=A1", '=A1'],
    ['00123', 123],
    ['E112', 'E112'],
    ['12,34', '12,34'],
    ['%', '%'],
    ['高级客户经理', '高级客户经理'],
  ])('%j → %j', (text, expected) => {
    expect(readTyped(text)).toEqual(expected);
  });
});

describe('showValue', () => {
  it('shows numbers to 10 significant digits, booleans as Excel does, blanks as nothing', () => {
    expect(showValue(110)).toBe('110');
    expect(showValue(0.1 + 0.2)).toBe('0.3');
    expect(showValue(1 / 3)).toBe('0.3333333333');
    expect(showValue(true)).toBe('TRUE');
    expect(showValue(null)).toBe('');
    expect(showValue('#NUM!')).toBe('#NUM!');
  });

  it('knows Excel error texts', () => {
    expect(['#NUM!', '#N/A', '#DIV/0!', '#VALUE!', '#NAME?', '#SPILL!'].every(isErrorText)).toBe(
      true,
    );
    expect(isErrorText('#hashtag')).toBe(false);
    expect(isErrorText(3)).toBe(false);
  });
});
