/**
 * The commands as data: name, usage, help and options of each, and where its code is. The code
 * of a command (and ExcelJS, HyperFormula behind it) is loaded only when that command runs, so
 * `--help` and `functions` start fast.
 */
import { IN_PLACE_OPTION, JSON_OPTION, LANG_OPTION, OUT_OPTION, type Command } from './command';
import { LOG_SHEET, REPORT_SHEET } from './sheet-names';

export const COMMANDS: readonly Command[] = [
  {
    name: 'recalc',
    brief: {
      en: 'Recalculate every formula and report the values (-o writes the workbook).',
      zh: '重新计算所有公式并报告结果（-o 写出工作簿）。',
    },
    usage: '<in.xlsx> [-o out.xlsx] [--json]',
    summary: {
      en: 'Recalculate every formula, the CM functions included, and report the values.',
      zh: '重新计算所有公式（包括 CM 函数）并报告结果。',
    },
    details: {
      en: 'With --json: {"workbook", "policy", "sheets": {sheet: {address: value}}} for every formula\ncell, spilled cells included; an error is {"error": "#VALUE!", "message": "…"}.\nExit codes: 0 done; 2 the file cannot be read or written.',
      zh: '使用 --json 时输出 {"workbook", "policy", "sheets": {工作表: {单元格: 值}}}，包括所有公式单元格\n（含溢出单元格）；错误值为 {"error": "#VALUE!", "message": "…"}。\n退出码：0 完成；2 无法读取或写入文件。',
    },
    options: { out: OUT_OPTION, 'in-place': IN_PLACE_OPTION, json: JSON_OPTION, lang: LANG_OPTION },
    positionals: { min: 1, max: 1, name: 'one workbook (in.xlsx)' },
    load: () => import('./recalc'),
  },
  {
    name: 'validate',
    brief: {
      en: 'Check the appraisal, clients and loans tables against the policy.',
      zh: '按办法检查考核表、客户表和贷款表。',
    },
    usage: '<in.xlsx> [--json] [--lang zh|en]',
    summary: {
      en: 'Check the appraisal, clients and loans tables: types, domains, inputs each role needs,\nrates typed as percents, duplicate IDs, unknown roles, overwritten formulas, client grades\n(Art. 12) and loan authority (Art. 25(3)). The workbook is not changed.',
      zh: '检查考核表、客户表和贷款表：类型与取值范围、各考核对象必填项、误填为百分数的比率、重复工号、\n未知考核对象、被覆盖的公式、客户分级（第十二条）和贷款审批权限（第二十五条）。不修改工作簿。',
    },
    details: {
      en: 'Exit codes: 0 no error-severity findings (warnings allowed); 1 errors found;\n2 the file cannot be read.',
      zh: '退出码：0 没有错误级发现（可有警告）；1 发现错误；2 无法读取文件。',
    },
    options: { json: JSON_OPTION, lang: LANG_OPTION },
    positionals: { min: 1, max: 1, name: 'one workbook (in.xlsx)' },
    load: () => import('./validate'),
  },
  {
    name: 'audit',
    brief: {
      en: 'Recompute every row, compare, write a report and a hash-chained log record.',
      zh: '逐行重算比较，写出稽核报告和哈希链日志记录。',
    },
    usage: '<in.xlsx> [-o out.xlsx] [--json] [--lang zh|en] [--user name]',
    summary: {
      en: 'Recalculate, recompute every appraisal row with the policy (Art. 13, 14, 25(2)) and\ncompare with what the sheet shows; with -o, write the report sheet and append a hash-chained\nrecord to the audit log sheet of the output workbook.',
      zh: '重新计算，按办法（第十三、十四、二十五条）逐行重算并与表中显示值比较；使用 -o 时在输出\n工作簿中写入稽核报告表，并在稽核日志表中追加一条哈希链记录。',
    },
    details: {
      en: `Sheets written: "${REPORT_SHEET.en}" / "${REPORT_SHEET.zh}" (replaced) and "${LOG_SHEET.en}" / "${LOG_SHEET.zh}"\n(the input's log is read, verified and continued; the sheet is protected against casual edits).\nExit codes: 0 no error-severity findings and an intact log; 1 errors found or the existing\nlog's chain is broken; 2 the file cannot be read or written, or the log cannot be read.`,
      zh: `写入的工作表：“${REPORT_SHEET.zh}”（替换）和“${LOG_SHEET.zh}”（读取、校验并延续输入文件中的日志；\n该表设有保护以防误改）。\n退出码：0 没有错误级发现且日志完整；1 发现错误或已有日志的哈希链断开；2 无法读取或写入文件，\n或无法读取日志。`,
    },
    options: {
      out: OUT_OPTION,
      'in-place': IN_PLACE_OPTION,
      json: JSON_OPTION,
      lang: LANG_OPTION,
      user: {
        type: 'string',
        value: 'name',
        help: {
          en: "Who runs the audit, for the log (default: the OS user's name).",
          zh: '稽核人，记入日志（默认：操作系统用户名）。',
        },
      },
    },
    positionals: { min: 1, max: 1, name: 'one workbook (in.xlsx)' },
    load: () => import('./audit'),
  },
  {
    name: 'template',
    brief: { en: 'Write a new appraisal workbook to fill in.', zh: '生成新的考核工作簿模板。' },
    usage: '[-o file.xlsx] [--lang zh|en]',
    summary: {
      en: 'Write a new appraisal workbook: appraisal, clients and loans sheets as Excel Tables with\nthe SHEETS.md headers, one example row per role, a role drop-down, number formats and the CM\nformulas (with cached values, so it also opens with values in LibreOffice).',
      zh: '生成新的考核工作簿：考核表、客户表和贷款表（Excel 表格），使用 SHEETS.md 的列标题，每种考核\n对象一行示例，考核对象下拉列表、数字格式和 CM 公式（含缓存值，在 LibreOffice 中打开也有结果）。',
    },
    details: {
      en: 'Default file: appraisal-template.xlsx (考核模板.xlsx with --lang zh). Exit codes: 0 written;\n2 the file cannot be written.',
      zh: '默认文件：考核模板.xlsx（--lang en 时为 appraisal-template.xlsx）。退出码：0 已写入；2 无法写入。',
    },
    options: {
      out: {
        type: 'string',
        short: 'o',
        value: 'file.xlsx',
        help: { en: 'Where to write the workbook.', zh: '工作簿的保存路径。' },
      },
      lang: LANG_OPTION,
    },
    positionals: { min: 0, max: 0, name: 'no arguments' },
    load: () => import('./template'),
  },
  {
    name: 'functions',
    brief: { en: 'Print the reference of the CM functions.', zh: '打印 CM 函数参考。' },
    usage: '[--lang zh|en]',
    summary: {
      en: 'Print the reference of the CM functions: parameters, defaults, examples.',
      zh: '打印 CM 函数参考：参数、默认值和示例。',
    },
    options: { lang: LANG_OPTION },
    positionals: { min: 0, max: 0, name: 'no arguments' },
    load: () => import('./functions'),
  },
];
