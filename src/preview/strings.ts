/** The preview page's own words, in the task pane's two languages. */
import type { Lang } from '../rules';

export interface PreviewStrings {
  readonly title: string;
  readonly subtitle: string;
  readonly open: string;
  readonly save: string;
  readonly loading: string;
  readonly nameBox: string;
  readonly formulaBar: string;
  readonly sheets: string;
  readonly grid: (sheet: string) => string;
  readonly openFailed: (file: string, why: string) => string;
  readonly editFailed: (why: string) => string;
  readonly protectedSheet: (sheet: string) => string;
  readonly rowsShown: (shown: number, total: number) => string;
  readonly editHint: string;
  /** Hovering an error cell: what the error means, and the function's own message. */
  readonly errorTitle: (error: string, message: string | null) => string;
  /** Try a draft policy file (JSON) on the open workbook. */
  readonly openPolicy: string;
  readonly policyRefused: (file: string, problems: readonly string[]) => string;
  readonly deployedRefused: (file: string, problems: readonly string[]) => string;
}

const MEANING_EN: Readonly<Record<string, string>> = {
  '#VALUE!': 'a value has the wrong type',
  '#NUM!': 'a number is outside its allowed range',
  '#N/A': 'the value is not available (the rule does not apply)',
  '#DIV/0!': 'division by zero',
  '#REF!': 'a reference is not valid',
  '#NAME?': 'an unknown name or function',
  '#NULL!': 'two ranges do not intersect',
  '#SPILL!': 'the result cannot spill into occupied cells',
  '#CALC!': 'the calculation cannot be done',
};

const MEANING_ZH: Readonly<Record<string, string>> = {
  '#VALUE!': '数值类型不正确',
  '#NUM!': '数值超出允许的范围',
  '#N/A': '无此值（该规则不适用）',
  '#DIV/0!': '除数为零',
  '#REF!': '引用无效',
  '#NAME?': '名称或函数不存在',
  '#NULL!': '两个区域没有交集',
  '#SPILL!': '结果无法溢出到已占用的单元格',
  '#CALC!': '无法完成计算',
};

export const PREVIEW_STRINGS: Readonly<Record<Lang, PreviewStrings>> = {
  en: {
    title: 'CM Appraisal',
    subtitle: 'Browser preview: the task pane over the built-in engine, no Excel needed',
    open: 'Open .xlsx',
    save: 'Save .xlsx',
    loading: 'Loading the workbook…',
    nameBox: 'Cell address',
    formulaBar: 'Formula bar',
    sheets: 'Sheets',
    grid: (sheet) => `Sheet ${sheet}`,
    openFailed: (file, why) => `Could not open ${file}: ${why}`,
    editFailed: (why) => `The cell was not changed: ${why}`,
    protectedSheet: (sheet) => `${sheet} is protected: the audit log is not edited by hand.`,
    rowsShown: (shown, total) => `Showing the first ${shown} of ${total} rows.`,
    editHint: 'Double-click, F2 or Enter to edit a cell; Enter to confirm, Esc to cancel.',
    errorTitle: (error, message) =>
      `${error}: ${message ?? `${MEANING_EN[error] ?? 'the formula gives an error'}.`}`,
    openPolicy: 'Try policy file…',
    policyRefused: (file, problems) =>
      `The policy file ${file} is refused; the active policy is unchanged. ${problems.join('; ')}`,
    deployedRefused: (file, problems) =>
      `The deployed policy file ${file} is refused, so the workbook is not computed. ${problems.join('; ')}`,
  },
  zh: {
    title: '客户经理考核',
    subtitle: '浏览器预览：任务窗格运行在内置计算引擎上，无需 Excel',
    open: '打开 .xlsx',
    save: '保存 .xlsx',
    loading: '正在加载工作簿…',
    nameBox: '单元格地址',
    formulaBar: '编辑栏',
    sheets: '工作表',
    grid: (sheet) => `工作表 ${sheet}`,
    openFailed: (file, why) => `无法打开 ${file}：${why}`,
    editFailed: (why) => `单元格未修改：${why}`,
    protectedSheet: (sheet) => `${sheet} 受保护：审计日志不能手工修改。`,
    rowsShown: (shown, total) => `仅显示前 ${shown} 行，共 ${total} 行。`,
    editHint: '双击、F2 或 Enter 编辑单元格；Enter 确认，Esc 取消。',
    // The function's own message is English: Chinese mode gives the meaning and where to look.
    errorTitle: (error, message) =>
      `${error}：${MEANING_ZH[error] ?? '公式出错'}。${message ? '选中该单元格并打开“解释”查看具体原因。' : ''}`,
    openPolicy: '试用办法文件…',
    policyRefused: (file, problems) =>
      `办法文件 ${file} 未被采用，当前办法不变。${problems.join('；')}`,
    deployedRefused: (file, problems) =>
      `部署的办法文件 ${file} 未被采用，因此不计算工作簿。${problems.join('；')}`,
  },
};
