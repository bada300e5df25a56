/**
 * The commands as data: name, usage, help and options of each, and where its code is. The code
 * of a command (and ExcelJS, HyperFormula behind it) is loaded only when that command runs, so
 * `--help` and `functions` start fast.
 */
import {
  IN_PLACE_OPTION,
  JSON_OPTION,
  LANG_OPTION,
  OUT_OPTION,
  type Command,
  type OptionSpec,
} from './command';
import { POLICY_OPTION } from './policy-file';
import { LOG_SHEET, REPORT_SHEET } from './sheet-names';

/** `audit --key`: the auditor's private key file (`keys new`), signing the record and anchor. */
const KEY_OPTION: OptionSpec = {
  type: 'string',
  value: 'auditor.key',
  help: {
    en: 'Sign the new record and the anchor with this private key file (made by keys new; mode 0600).',
    zh: '用此私钥文件（由 keys new 生成，权限 0600）签署新记录和锚点。',
  },
};

/** `--trust`: the audit office's trust list, judging every signature of the log. */
const TRUST_OPTION: OptionSpec = {
  type: 'string',
  value: 'trust.json',
  help: {
    en: "The audit office's trust list: every record and the anchor must be signed by a key on it.",
    zh: '稽核部门的信任名单：每条记录及锚点都必须由名单中的密钥签名。',
  },
};

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
    options: {
      out: OUT_OPTION,
      'in-place': IN_PLACE_OPTION,
      json: JSON_OPTION,
      lang: LANG_OPTION,
      policy: POLICY_OPTION,
    },
    positionals: {
      min: 1,
      max: 1,
      name: { en: 'one workbook (in.xlsx)', zh: '一个工作簿（in.xlsx）' },
    },
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
    options: { json: JSON_OPTION, lang: LANG_OPTION, policy: POLICY_OPTION },
    positionals: {
      min: 1,
      max: 1,
      name: { en: 'one workbook (in.xlsx)', zh: '一个工作簿（in.xlsx）' },
    },
    load: () => import('./validate'),
  },
  {
    name: 'audit',
    brief: {
      en: 'Recompute every row, compare, write a report and a hash-chained log record.',
      zh: '逐行重算比较，写出稽核报告和哈希链日志记录。',
    },
    usage:
      '<in.xlsx> [-o out.xlsx] [--json] [--lang zh|en] [--user name] [--key auditor.key] [--trust trust.json]\n       cm-appraisal audit <a.xlsx> <b.xlsx>… | <folder> -o <DIR> [--summary file.xlsx] [--jobs N]',
    summary: {
      en: 'Recalculate, recompute every appraisal row with the policy (Art. 13, 14, 25(2)) and\ncompare with what the sheet shows; with -o, write the report sheet and append a hash-chained\nrecord to the audit log sheet of the output workbook.',
      zh: '重新计算，按办法（第十三、十四、二十五条）逐行重算并与表中显示值比较；使用 -o 时在输出\n工作簿中写入稽核报告表，并在稽核日志表中追加一条哈希链记录。',
    },
    details: {
      en: `Sheets written: "${REPORT_SHEET.en}" / "${REPORT_SHEET.zh}" (replaced) and "${LOG_SHEET.en}" / "${LOG_SHEET.zh}"\n(the input's log is read, verified and continued; the sheet is protected against casual edits).\nExit codes: 0 no error-severity findings and an intact log; 1 errors found or the existing\nlog's chain is broken; 2 the file cannot be read or written, or the log cannot be read.\nSeveral workbooks or a folder: audited in parallel, each as above into DIR/<its name>, then the\nsummary workbook and DIR/audit-report.json; a workbook that cannot be read is reported and the\nothers still run (exit 2 if any could not be audited).`,
      zh: `写入的工作表：“${REPORT_SHEET.zh}”（替换）和“${LOG_SHEET.zh}”（读取、校验并延续输入文件中的日志；\n该表设有保护以防误改）。\n退出码：0 没有错误级发现且日志完整；1 发现错误或已有日志的哈希链断开；2 无法读取或写入文件，\n或无法读取日志。\n多个工作簿或文件夹：并行稽核，每个按上述方式写入 DIR/<原文件名>，再写出汇总工作簿和\nDIR/audit-report.json；无法读取的工作簿会被报告，其余照常稽核（有无法稽核的工作簿时退出码为 2）。`,
    },
    options: {
      out: OUT_OPTION,
      'in-place': IN_PLACE_OPTION,
      json: JSON_OPTION,
      lang: LANG_OPTION,
      policy: POLICY_OPTION,
      compare: {
        type: 'boolean',
        help: {
          en: 'What-if: list the people whose score, outcome or reserve would change under the --policy draft (no log record).',
          zh: '试算：列出按 --policy 草案得分、结果或风险金会改变的人员（不写日志）。',
        },
      },
      base: {
        type: 'string',
        value: 'active.json',
        help: {
          en: 'With --compare: the active policy to compare against (default: the built-in policy).',
          zh: '与 --compare 同用：作比较的现行办法文件（默认：内置办法）。',
        },
      },
      user: {
        type: 'string',
        value: 'name',
        help: {
          en: "Who runs the audit, for the log (default: the OS user's name).",
          zh: '稽核人，记入日志（默认：操作系统用户名）。',
        },
      },
      key: KEY_OPTION,
      trust: TRUST_OPTION,
      // Several workbooks (issue #14): audit-batch.ts.
      summary: {
        type: 'string',
        value: 'summary.xlsx',
        help: {
          en: 'Several workbooks: the summary workbook to write (default: DIR/summary.xlsx).',
          zh: '多个工作簿：汇总工作簿的路径（默认：DIR/汇总.xlsx）。',
        },
      },
      jobs: {
        type: 'string',
        value: 'N',
        help: {
          en: 'Several workbooks: how many to audit at once (default: the number of cores).',
          zh: '多个工作簿：同时稽核的数量（默认：CPU 核数）。',
        },
      },
    },
    positionals: {
      min: 1,
      max: Infinity,
      name: {
        en: 'a workbook (in.xlsx), several, or a folder',
        zh: '一个工作簿（in.xlsx）、多个工作簿或一个文件夹',
      },
    },
    load: () => import('./audit-batch'),
  },
  {
    name: 'keys',
    brief: {
      en: "Make an auditor's signing key pair (keys new).",
      zh: '生成稽核人员的签名密钥对（keys new）。',
    },
    usage: 'new --name <name> -o <auditor.key> [--json]',
    summary: {
      en: "Make an ECDSA P-256 signing key pair for one auditor: the private key file (mode 0600)\nsigns audit records (audit --key); the public key JSON written beside it (auditor.pub.json)\ngoes to the audit office's trust list (--trust).",
      zh: '为一名稽核人员生成 ECDSA P-256 签名密钥对：私钥文件（权限 0600）用于签署稽核记录（audit --key）；\n同目录写出的公钥 JSON（auditor.pub.json）交稽核部门列入信任名单（--trust）。',
    },
    details: {
      en: 'An existing file is never overwritten. Exit codes: 0 written; 2 a file cannot be written\nor an option is missing.',
      zh: '已有文件不会被覆盖。退出码：0 已写入；2 无法写入文件或缺少选项。',
    },
    options: {
      name: {
        type: 'string',
        value: 'name',
        help: {
          en: "The auditor's name, as the trust list will show it.",
          zh: '稽核人员姓名（信任名单中显示的名称）。',
        },
      },
      out: {
        type: 'string',
        short: 'o',
        value: 'auditor.key',
        help: { en: 'The private key file to write.', zh: '要写出的私钥文件。' },
      },
      json: JSON_OPTION,
      lang: LANG_OPTION,
    },
    positionals: { min: 1, max: 1, name: { en: 'the action "new"', zh: '操作 new' } },
    load: () => import('./keys'),
  },
  {
    name: 'policy',
    brief: {
      en: 'Show, export, check or compare policy files.',
      zh: '显示、导出、检查或比较办法文件。',
    },
    usage: 'show|export|check FILE|diff OLD NEW [--policy FILE] [-o FILE] [--json] [--lang zh|en]',
    summary: {
      en: 'The policy as a file the bank edits: show prints every number of the active policy with its\narticle and words; export writes it (and policy.schema.json beside it); check says whether a file\nwould be accepted, naming each problem; diff OLD NEW lists what a revision changes (built-in\nnames the built-in policy).',
      zh: '办法即银行可编辑的文件：show 打印现行办法的每个数值及其条款和原文；export 写出办法文件（并在旁边\n写出 policy.schema.json）；check 检查文件能否采用并指出每处问题；diff 旧 新 列出修订改了什么\n（built-in 表示内置办法）。',
    },
    details: {
      en: 'Exit codes: 0 done (check: accepted); 1 check: the file is refused; 2 a file cannot be read,\nor a --policy file is refused.',
      zh: '退出码：0 完成（check：可以采用）；1 check：文件不能采用；2 无法读取文件，或 --policy 文件不能采用。',
    },
    options: {
      policy: POLICY_OPTION,
      out: {
        type: 'string',
        short: 'o',
        value: 'policy.json',
        help: { en: 'export: where to write the policy file.', zh: 'export：办法文件的保存路径。' },
      },
      json: JSON_OPTION,
      lang: LANG_OPTION,
    },
    positionals: {
      min: 1,
      max: 3,
      name: {
        en: 'an action (show, export, check FILE, diff OLD NEW)',
        zh: '一个操作（show、export、check 文件、diff 旧 新）',
      },
    },
    load: () => import('./policy'),
  },
  {
    name: 'verify-log',
    brief: {
      en: "Check a workbook's audit log and its head anchor (writes nothing).",
      zh: '校验工作簿的稽核日志及其末条锚点（不写入任何内容）。',
    },
    usage: '<in.xlsx> [--head HASH] [--trust trust.json] [--policy FILE] [--json] [--lang zh|en]',
    summary: {
      en: "Check the workbook's one audit log (found by its header row, whatever the sheet's name):\nevery record's hash and link to the one before, and that the log ends at the head anchored\nin the add-in's document settings inside the file (and at --head when given).",
      zh: '校验工作簿中唯一的稽核日志（按其表头识别，与工作表名称无关）：每条记录的哈希及与上一条的链接，\n以及日志是否止于文件内加载项文档设置中锚定的末条记录（给出 --head 时也与之核对）。',
    },
    details: {
      en: "With --trust: every record and the anchor must be signed by a key on the trust list; an\nunsigned record, an unknown key or a bad signature fails and is named. Without it, each\nrecord's signer is listed, unchecked.\nExit codes: 0 intact (one log, unbroken, ending at its anchor); 1 not intact (a record\nedited, deleted or added, no log, two logs, or no anchor; with --trust, a signature that\ndoes not hold); 2 the file, the key or the trust list cannot be read.",
      zh: '使用 --trust 时：每条记录及锚点都必须由信任名单中的密钥签名；未签名、未知密钥或签名无效的\n记录不通过并被指明。不使用时仅列出每条记录的签名人，不作核验。\n退出码：0 完整（仅一份日志、未断链、止于锚点）；1 不完整（记录被修改、删除或添加，无日志、\n有两份日志或无锚点；使用 --trust 时签名不成立）；2 无法读取文件或信任名单。',
    },
    options: {
      head: {
        type: 'string',
        value: 'HASH',
        help: {
          en: 'The last record hash kept elsewhere (as printed by audit): the log must end there.',
          zh: '另行保存的末条记录哈希（audit 输出的哈希）：日志必须止于该记录。',
        },
      },
      trust: TRUST_OPTION,
      policy: {
        ...POLICY_OPTION,
        help: {
          en: 'Also check that the last record was made under this policy file (by its hash); list records made under others.',
          zh: '同时检查末条记录是否按此办法文件（按其哈希）稽核；列出按其他办法稽核的记录。',
        },
      },
      json: JSON_OPTION,
      lang: LANG_OPTION,
    },
    positionals: {
      min: 1,
      max: 1,
      name: { en: 'one workbook (in.xlsx)', zh: '一个工作簿（in.xlsx）' },
    },
    load: () => import('./verify-log'),
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
    positionals: { min: 0, max: 0, name: { en: 'no arguments', zh: '不带参数' } },
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
    positionals: { min: 0, max: 0, name: { en: 'no arguments', zh: '不带参数' } },
    load: () => import('./functions'),
  },
];
