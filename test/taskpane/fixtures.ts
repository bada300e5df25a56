/**
 * A small appraisal workbook for the task pane tests: four people, one NPL ratio typed as a
 * percent (E4, #NUM!), one score overwritten with a constant (H5), one fee growth given to a
 * MID (a warning), and a loans-free clients sheet.
 */
import { FakeHost, type FakeHostOptions } from './fake-host';

export const SHEET = '考核表';

const score = (r: number) => `=CM.APPRAISAL_SCORE(C${r},D${r},E${r},F${r},G${r})`;

export const APPRAISAL = [
  [
    '工号',
    '姓名',
    '考核对象',
    '存款增长率',
    '不良率',
    '收贷收息率',
    '新开对公基本账户',
    '综合得分',
    '中间收入增长率',
  ],
  ['E001', '张三', 'SENIOR', 0.34, 0, 0.997, 8, score(2), null],
  ['E002', '李四', 'MID', 0.3, 0.01, 0.995, 7, score(3), 0.2],
  ['E003', '王五', 'MID', 0.3, 1.2, 0.995, 7, score(4), null],
  ['E004', '赵六', 'MID', 0.3, 0.01, 0.995, 7, 95, null],
];

export const SHOWN = {
  [`${SHEET}!H2`]: 110,
  [`${SHEET}!H3`]: 90,
  [`${SHEET}!H4`]: '#NUM!',
};

export function appraisalHost(options: FakeHostOptions = {}): FakeHost {
  const { sheets, shown, ...rest } = options;
  return new FakeHost({
    tables: [{ name: 'Appraisal', sheet: SHEET, address: 'A1:I5' }],
    active: SHEET,
    ...rest,
    sheets: {
      [SHEET]: APPRAISAL,
      Notes: [['free text'], ['=CM.POLICY_VERSION()']],
      ...(sheets ?? {}),
    },
    shown: { ...SHOWN, ...(shown ?? {}) },
  });
}

/** Every cell a user typed: the input cells of the appraisal table. */
export function inputCells(): string[] {
  const cells: string[] = [];
  for (let r = 1; r <= 5; r++) for (const c of 'ABCDEFGHI') cells.push(`${c}${r}`);
  return cells;
}
