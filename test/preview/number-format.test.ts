/** Numbers as Excel shows them in a cell under the common number formats. */
import { formatGeneral, formatNumber } from '../../src/preview/number-format';

describe('formatGeneral', () => {
  it('shows integers and decimals to at most 11 significant digits', () => {
    expect(formatGeneral(110)).toBe('110');
    expect(formatGeneral(0)).toBe('0');
    expect(formatGeneral(-3)).toBe('-3');
    expect(formatGeneral(0.385)).toBe('0.385');
    expect(formatGeneral(47590000)).toBe('47590000');
    expect(formatGeneral(1 / 3)).toBe('0.33333333333');
    expect(formatGeneral(0.1 + 0.2)).toBe('0.3');
    expect(formatGeneral(12345.678901234)).toBe('12345.678901');
  });

  it('goes scientific for very large and very small numbers', () => {
    expect(formatGeneral(123456789012)).toBe('1.23457E+11');
    expect(formatGeneral(1e-10)).toBe('1E-10');
    expect(formatGeneral(-2.5e20)).toBe('-2.5E+20');
  });
});

describe('formatNumber', () => {
  it('treats no format and General as General', () => {
    expect(formatNumber(110, undefined)).toBe('110');
    expect(formatNumber(0.385, 'General')).toBe('0.385');
  });

  it('shows fixed decimals and integers, rounding half away from zero', () => {
    expect(formatNumber(87.456, '0')).toBe('87');
    expect(formatNumber(2.5, '0')).toBe('3');
    expect(formatNumber(-2.5, '0')).toBe('-3');
    expect(formatNumber(87.456, '0.00')).toBe('87.46');
    expect(formatNumber(1.005, '0.00')).toBe('1.01');
    expect(formatNumber(3, '0.00')).toBe('3.00');
    expect(formatNumber(0.5, '#.##')).toBe('.5');
  });

  it('groups thousands', () => {
    expect(formatNumber(47590000, '#,##0')).toBe('47,590,000');
    expect(formatNumber(47590000.456, '#,##0.00')).toBe('47,590,000.46');
    expect(formatNumber(-1234.5, '#,##0.00')).toBe('-1,234.50');
    expect(formatNumber(999.999, '#,##0.00')).toBe('1,000.00');
    expect(formatNumber(0, '#,##0')).toBe('0');
    expect(formatNumber(12345678, '#,##0,')).toBe('12,346');
  });

  it('shows percents', () => {
    expect(formatNumber(0.385, '0%')).toBe('39%');
    expect(formatNumber(0.385, '0.0%')).toBe('38.5%');
    expect(formatNumber(0.385, '0.00%')).toBe('38.50%');
    expect(formatNumber(0.0123, '0.00%')).toBe('1.23%');
    expect(formatNumber(-0.05, '0.0%')).toBe('-5.0%');
    expect(formatNumber(1, '0%')).toBe('100%');
    expect(formatNumber(0.5, '0"%"')).toBe('1%');
  });

  it('keeps quoted, escaped and bracketed currency text', () => {
    expect(formatNumber(1234.5, '"¥"#,##0.00')).toBe('¥1,234.50');
    expect(formatNumber(-1234.5, '"¥"#,##0.00')).toBe('-¥1,234.50');
    expect(formatNumber(1234.5, '[$¥-804]#,##0')).toBe('¥1,235');
    expect(formatNumber(5, '#,##0\\ "元"')).toBe('5 元');
    expect(formatNumber(5, '#,##0_);(#,##0)')).toBe('5 ');
  });

  it('uses the negative and zero sections', () => {
    expect(formatNumber(-1234, '#,##0;(#,##0)')).toBe('(1,234)');
    expect(formatNumber(-1234, '#,##0;[Red](#,##0)')).toBe('(1,234)');
    expect(formatNumber(0, '#,##0;-#,##0;"-"')).toBe('-');
    expect(formatNumber(7, '#,##0;-#,##0;"-"')).toBe('7');
  });

  it('drops the sign of a negative that rounds to zero', () => {
    expect(formatNumber(-0.001, '0.00')).toBe('0.00');
  });

  it('shows what it does not know as General', () => {
    // Dates are known now (date-format.ts, issue 13): 45000 is 2023-03-15.
    expect(formatNumber(45000, 'yyyy-mm-dd')).toBe('2023-03-15');
    expect(formatNumber(45000.5, 'mm-dd-yy')).toBe('03-15-23');
    expect(formatNumber(12345, '0.00E+00')).toBe('12345');
    expect(formatNumber(0.5, '# ?/?')).toBe('0.5');
    expect(formatNumber(150, '[>100]0;0.00')).toBe('150');
    expect(formatNumber(42, '@')).toBe('42');
    expect(formatNumber(Number.NaN, '0.00')).toBe('NaN');
  });
});
