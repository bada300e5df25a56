/** Dates in the preview's grid as Excel shows them (issue 13: 入职日期 showed 42568). */
import { formatNumber } from '../../src/preview/number-format';

describe('date and time formats', () => {
  it.each([
    [42568, 'yyyy-mm-dd', '2016-07-17'],
    [42568, 'yyyy/m/d', '2016/7/17'],
    [42568, 'yyyy"年"m"月"d"日"', '2016年7月17日'],
    [42568, 'mm-dd-yy', '07-17-16'],
    [42568, 'd-mmm-yy', '17-Jul-16'],
    [42568, '[$-804]yyyy/m/d', '2016/7/17'],
    [42568.75, 'yyyy-mm-dd hh:mm', '2016-07-17 18:00'],
    [42568.75, 'h:mm AM/PM', '6:00 PM'],
    [0.5, 'hh:mm:ss', '12:00:00'],
    [61, 'yyyy-mm-dd', '1900-03-01'],
    [60, 'yyyy-mm-dd', '1900-02-29'],
    [1, 'yyyy-mm-dd', '1900-01-01'],
  ])('%p under %p is %p', (value, format, shown) => {
    expect(formatNumber(value, format)).toBe(shown);
  });

  it('leaves number formats alone', () => {
    expect(formatNumber(0.1234, '0.00%')).toBe('12.34%');
    expect(formatNumber(1234.5, '#,##0.00')).toBe('1,234.50');
  });
});
