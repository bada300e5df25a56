"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __commonJS = (cb, mod) => function __require() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

// src/cli/io.ts
function processIo() {
  return {
    out: (t) => void process.stdout.write(t),
    err: (t) => void process.stderr.write(t),
    env: process.env,
    errIsTty: Boolean(process.stderr.isTTY)
  };
}
function defaultLang(env) {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return locale.toLowerCase().startsWith("zh") ? "zh" : "en";
}
function parseLang(value, env) {
  if (value === void 0) return defaultLang(env);
  const v = value.toLowerCase();
  if (v === "zh" || v.startsWith("zh-") || v.startsWith("zh_")) return "zh";
  if (v === "en" || v.startsWith("en-") || v.startsWith("en_")) return "en";
  throw new CliError(`--lang must be zh or en, not "${value}".`);
}
var EXIT_OK, EXIT_FINDINGS, EXIT_FAILURE, CliError, Progress;
var init_io = __esm({
  "src/cli/io.ts"() {
    "use strict";
    EXIT_OK = 0;
    EXIT_FINDINGS = 1;
    EXIT_FAILURE = 2;
    CliError = class extends Error {
      constructor(message, usageOf) {
        super(message);
        this.usageOf = usageOf;
        this.name = "CliError";
      }
    };
    Progress = class {
      constructor(io, total) {
        this.io = io;
        this.total = total;
        this.step = 0;
        this.shown = false;
      }
      /** Moves to the next step and names it (`evaluating 41 rows`). */
      next(label4) {
        this.step = Math.min(this.step + 1, this.total);
        if (!this.io.errIsTty) return;
        const width = 20;
        const filled = Math.round(width * (this.step - 1) / this.total);
        const bar = "#".repeat(filled) + "-".repeat(width - filled);
        this.io.err(`\r\x1B[2K[${bar}] ${this.step}/${this.total} ${label4}`);
        this.shown = true;
      }
      /** Clears the line so the command's own output starts clean. */
      done() {
        if (this.shown) this.io.err("\r\x1B[2K");
        this.shown = false;
      }
    };
  }
});

// src/cli/sheet-names.ts
var REPORT_SHEET, LOG_SHEET;
var init_sheet_names = __esm({
  "src/cli/sheet-names.ts"() {
    "use strict";
    REPORT_SHEET = {
      zh: "\u8003\u6838\u5BA1\u8BA1\u62A5\u544A",
      en: "Audit report"
    };
    LOG_SHEET = { zh: "\u8003\u6838\u5BA1\u8BA1\u65E5\u5FD7", en: "Audit log" };
  }
});

// src/rules/result.ts
function ok(value, explain) {
  return { ok: true, value, explain };
}
function fail(kind, param, en, zh) {
  return { ok: false, error: { kind, param, message: { en, zh } } };
}
var init_result = __esm({
  "src/rules/result.ts"() {
    "use strict";
  }
});

// src/rules/roles.ts
function isManagerGrade(role2) {
  return role2 === "SENIOR" || role2 === "MID" || role2 === "JUNIOR";
}
function roleFromText(text3) {
  const direct = LOOKUP.get(text3);
  if (direct !== void 0) return direct;
  const cleaned = text3.replace(/[\s\u3000]+/g, "");
  return LOOKUP.get(cleaned) ?? LOOKUP.get(cleaned.toUpperCase());
}
var ROLES, ROLE_SPELLINGS, LOOKUP, ROLE_CHOICES_EN, ROLE_CHOICES_ZH;
var init_roles = __esm({
  "src/rules/roles.ts"() {
    "use strict";
    ROLES = ["BRANCH_HEAD", "SENIOR", "MID", "JUNIOR", "AGENT"];
    ROLE_SPELLINGS = {
      BRANCH_HEAD: ["\u652F\u884C\u884C\u957F", "\u884C\u957F", "\u8425\u4E1A\u90E8\u603B\u7ECF\u7406"],
      SENIOR: ["\u9AD8\u7EA7\u5BA2\u6237\u7ECF\u7406", "\u9AD8\u7EA7"],
      MID: ["\u4E2D\u7EA7\u5BA2\u6237\u7ECF\u7406", "\u4E2D\u7EA7"],
      JUNIOR: ["\u521D\u7EA7\u5BA2\u6237\u7ECF\u7406", "\u521D\u7EA7"],
      AGENT: ["\u4E1A\u52A1\u4EE3\u529E\u5458", "\u4EE3\u529E\u5458"]
    };
    LOOKUP = (() => {
      const map = /* @__PURE__ */ new Map();
      for (const role2 of ROLES) {
        map.set(role2, role2);
        for (const spelling of ROLE_SPELLINGS[role2]) map.set(spelling, role2);
      }
      return map;
    })();
    ROLE_CHOICES_EN = `${ROLES.join(", ")} or ${ROLES.map((r) => ROLE_SPELLINGS[r][0]).join(", ")}`;
    ROLE_CHOICES_ZH = ROLES.map((r) => `${ROLE_SPELLINGS[r].join("/")}(${r})`).join("\u3001");
  }
});

// src/rules/policy-types.ts
var init_policy_types = __esm({
  "src/rules/policy-types.ts"() {
    "use strict";
  }
});

// src/rules/policy.ts
var growthDeposit, accounts, DEFAULT_POLICY;
var init_policy = __esm({
  "src/rules/policy.ts"() {
    "use strict";
    growthDeposit = {
      kind: "linear",
      input: "growth",
      article: "Art. 13",
      source: "\u5168\u5E74\u65B0\u589E\u5B58\u6B3E\u65E5\u5747\u589E\u957F30%\uFF0C\u6BCF\u589E\u52A0\u6216\u51CF\u5C111%\u5219\u589E\u52A0\u6216\u51CF\u5C112\u5206",
      base: "40",
      target: "0.30",
      step: "0.01",
      stepOfTarget: false,
      pointsPerStep: "2",
      min: "0",
      max: "60"
    };
    accounts = (target) => ({
      kind: "proportional",
      input: "count",
      article: "Art. 13",
      source: `\u65B0\u5F00\u5BF9\u516C\u57FA\u672C\u5E10\u6237${target}\u6237`,
      points: "10",
      target
    });
    DEFAULT_POLICY = {
      id: "cm-appraisal",
      name: {
        zh: "\u5546\u4E1A\u94F6\u884C\u5BA2\u6237\u7ECF\u7406\u8003\u6838\u7BA1\u7406\u529E\u6CD5",
        en: "Measures for the appraisal and management of customer managers"
      },
      version: "1.0.0",
      options: { whole_steps: false, all_or_nothing: false },
      score: {
        article: "Art. 13",
        deposit: {
          BRANCH_HEAD: growthDeposit,
          SENIOR: growthDeposit,
          MID: growthDeposit,
          // Reading (JUNIOR): the target is an amount, so "1%" is 1% of it (10,000 yuan).
          JUNIOR: {
            ...growthDeposit,
            input: "amount",
            source: "\u5168\u5E74\u65B0\u589E\u5B58\u6B3E\u65E5\u5747100\u4E07\u5143\uFF0C\u6BCF\u589E\u52A0\u6216\u51CF\u5C111%\u5219\u589E\u52A0\u6216\u51CF\u5C112\u5206",
            target: "1000000",
            step: "0.01",
            stepOfTarget: true
          }
        },
        npl: {
          kind: "bands",
          input: "rate",
          article: "Art. 13",
          source: "\u4E0D\u826F\u7387\u4E3A0\u5F9730\u5206\uFF0C1%\u4EE5\u4E0B\u51CF10\u5206\uFF0C1%\u20145%\u51CF20\u5206\uFF0C5%\u4EE5\u4E0A\u8BE5\u9879\u4E0D\u5F97\u5206",
          // Hit policy FIRST: at exactly 1% the band 1%以下 wins; at 5% the band 1%—5% wins.
          bands: [
            {
              lo: "0",
              loIncluded: true,
              hi: "0",
              hiIncluded: true,
              value: "30",
              article: "Art. 13",
              source: "\u4E0D\u826F\u7387\u4E3A0"
            },
            {
              lo: "0",
              loIncluded: true,
              hi: "0.01",
              hiIncluded: true,
              value: "20",
              article: "Art. 13",
              source: "1%\u4EE5\u4E0B\u51CF10\u5206"
            },
            {
              lo: "0.01",
              loIncluded: true,
              hi: "0.05",
              hiIncluded: true,
              value: "10",
              article: "Art. 13",
              source: "1%\u20145%\u51CF20\u5206"
            },
            {
              lo: "0.05",
              loIncluded: true,
              hi: "1",
              hiIncluded: true,
              value: "0",
              article: "Art. 13",
              source: "5%\u4EE5\u4E0A\u8BE5\u9879\u4E0D\u5F97\u5206"
            }
          ]
        },
        collection: {
          kind: "linear",
          input: "rate",
          article: "Art. 13",
          source: "\u6536\u8D37\u6536\u606F\u738799.5%\uFF0C\u6BCF\u589E\u52A0\u6216\u51CF\u5C110.1%\u5219\u589E\u52A0\u6216\u51CF\u5C112\u5206",
          base: "20",
          target: "0.995",
          step: "0.001",
          stepOfTarget: false,
          pointsPerStep: "2",
          min: "0",
          max: "30"
        },
        fourth: {
          BRANCH_HEAD: {
            kind: "linear",
            input: "growth",
            article: "Art. 13",
            source: "\u4E2D\u95F4\u6536\u5165\u589E\u957F20%\uFF0C\u6BCF\u589E\u52A0\u6216\u51CF\u5C112%\u5219\u589E\u52A0\u6216\u51CF\u5C111\u5206",
            base: "10",
            target: "0.20",
            step: "0.02",
            stepOfTarget: false,
            pointsPerStep: "1",
            min: "0",
            max: "15"
          },
          SENIOR: accounts("10"),
          MID: accounts("7"),
          JUNIOR: accounts("5")
        },
        totalPlaces: 2,
        totalRange: {
          BRANCH_HEAD: { min: "0", max: "135" },
          SENIOR: { min: "0", max: "130" },
          MID: { min: "0", max: "130" },
          JUNIOR: { min: "0", max: "130" }
        }
      },
      outcome: {
        majorViolation: { article: "Art. 14(3)", source: "\u4E25\u91CD\u8FDD\u89C4\u8FDD\u7EAA\u9020\u6210\u91CD\u5927\u7ECF\u6D4E\u635F\u5931" },
        violationPoints: {
          op: ">=",
          value: "15",
          article: "Art. 14(3)",
          source: "\u884C\u4E3A\u89C4\u8303\u6263\u520615\u5206(\u542B)\u4EE5\u4E0A"
        },
        accidentLoss: {
          op: ">=",
          value: "10000",
          article: "Art. 14(1)2",
          source: "\u91CD\u5927\u5B89\u5168\u3001\u8D23\u4EFB\u4E8B\u6545\u9020\u6210\u7ECF\u6D4E\u635F\u5931\u4E07\u5143\u4EE5\u4E0A"
        },
        managerTerminateScore: {
          op: "<=",
          value: "70",
          article: "Art. 14(2)",
          source: "\u8003\u6838\u5F97\u520670\u5206\u4EE5\u4E0B"
        },
        branchHeadRepeat: { op: ">=", value: "1", article: "Art. 14(1)1", source: "\u8FDE\u7EED2\u5E74\u964D\u7EA7" },
        branchHeadScore: { op: "<=", value: "90", article: "Art. 14(1)1", source: "\u8003\u6838\u5F97\u520690\u5206\u4EE5\u4E0B" },
        branchHeadNpl: { op: ">", value: "0.10", article: "Art. 14(1)1", source: "\u4E0D\u826F\u7387\u8D85\u8FC710%" },
        branchHeadDepositCompletion: {
          op: "<=",
          value: "0.9",
          article: "Art. 14(1)1",
          source: "\u5B58\u6B3E\u5B8C\u621090%\u4EE5\u4E0B"
        },
        branchHeadCollectionCompletion: {
          op: "<=",
          value: "0.9",
          article: "Art. 14(1)1",
          source: "\u6536\u8D37\u6536\u606F\u5B8C\u621090%\u4EE5\u4E0B"
        },
        managerScore: { op: "<=", value: "85", article: "Art. 14(2)", source: "\u8003\u6838\u5F97\u520685\u5206\u4EE5\u4E0B" },
        managerCollectionRate: {
          op: "<",
          value: "0.99",
          article: "Art. 14(2)",
          source: "\u6536\u8D37\u6536\u606F\u7387\u4F4E\u4E8E99%"
        },
        managerMonthsBelowBase: {
          op: ">=",
          value: "3",
          article: "Art. 14(2)",
          source: "\u8FDE\u7EED3\u4E2A\u6708\u4F4E\u4E8E\u57FA\u6570\u5B58\u6B3E\u768490%"
        },
        belowBaseRatio: { op: "<", value: "0.9", article: "Art. 14(2)", source: "\u4F4E\u4E8E\u57FA\u6570\u5B58\u6B3E\u768490%" },
        demotion: {
          article: "Art. 9(2), Art. 24",
          source: "\u964D\u7EA7\u8058\u7528",
          next: { BRANCH_HEAD: "SENIOR", SENIOR: "MID", MID: "JUNIOR", JUNIOR: "AGENT" }
        }
      },
      collectionDuty: {
        overall: { op: "<", value: "0.995", article: "Art. 25(1)", source: "\u8D37\u6B3E\u6536\u606F\u7387\u987B\u8FBE\u523099.5%" },
        newLoans: { op: "<", value: "1", article: "Art. 25(1)", source: "\u5F53\u5E74\u65B0\u53D1\u653E\u8D37\u6B3E\u6536\u606F\u7387100%" }
      },
      reserve: {
        article: "Art. 25(2)",
        source: "\u6BCF\u6708\u4ECE\u6536\u5165\u4E2D\u63D0\u53D620%\u4F5C\u4E3A\u4E2A\u4EBA\u98CE\u9669\u91D1",
        rate: "0.2",
        caps: { SENIOR: "20000", MID: "10000", JUNIOR: "5000" },
        moneyPlaces: 2,
        refund: { article: "Art. 25(2)", source: "\u79BB\u804C\u6216\u8C03\u5C97\u534A\u5E74\u540E\u9000\u8FD8", afterMonths: "6" }
      },
      authority: {
        article: "Art. 25(3)",
        source: "\u5355\u7B14\u8D37\u6B3E\u6743\u9650",
        limits: [
          { role: "JUNIOR", max: "1000000", source: "\u521D\u7EA7\u5BA2\u6237\u7ECF\u7406100\u4E07\u5143\u4EE5\u4E0B" },
          { role: "MID", max: "3000000", source: "\u4E2D\u7EA7\u5BA2\u6237\u7ECF\u7406300\u4E07\u5143\u4EE5\u4E0B" },
          { role: "SENIOR", max: "5000000", source: "\u9AD8\u7EA7\u5BA2\u6237\u7ECF\u7406500\u4E07\u5143\u4EE5\u4E0B" }
        ],
        above: "BRANCH_HEAD"
      },
      tier: [
        {
          grade: "SENIOR",
          match: "any",
          conditions: [
            { field: "deposits", op: ">=", value: "8000000" },
            { field: "loans", op: ">=", value: "10000000" }
          ],
          gap: false,
          article: "Art. 12",
          source: "\u5B58\u6B3E800\u4E07\u5143\u4EE5\u4E0A\u6216\u8D37\u6B3E1000\u4E07\u5143\u4EE5\u4E0A"
        },
        {
          grade: "MID",
          match: "any",
          conditions: [
            { field: "deposits", op: ">=", value: "5000000" },
            { field: "loans", op: ">", value: "3000000" }
          ],
          gap: false,
          article: "Art. 12",
          source: "\u5B58\u6B3E500\u4E07\u5143\u2014800\u4E07\u5143\u6216\u8D37\u6B3E300\u20141000\u4E07\u5143\u4EE5\u5185"
        },
        {
          grade: "MID",
          match: "all",
          conditions: [
            { field: "deposits", op: ">", value: "3000000" },
            { field: "deposits", op: "<", value: "5000000" }
          ],
          gap: true,
          article: "Art. 12",
          source: "\u5B58\u6B3E300\u4E07\u5143\u2014500\u4E07\u5143\uFF1A\u529E\u6CD5\u672A\u89C4\u5B9A\uFF0C\u7531\u4E0A\u4E00\u7EA7\u7BA1\u7406"
        },
        {
          grade: "JUNIOR",
          match: "all",
          conditions: [
            { field: "deposits", op: "<=", value: "3000000" },
            { field: "loans", op: "<=", value: "3000000" }
          ],
          gap: false,
          article: "Art. 12",
          source: "\u5B58\u6B3E300\u4E07\u5143\u4EE5\u4E0B\u4E14\u8D37\u6B3E300\u4E07\u5143\u4EE5\u4E0B"
        }
      ],
      promotion: {
        article: "Art. 21",
        source: "\u4E1A\u52A1\u4EE3\u529E\u5458\u4E1A\u7EE9\u7A81\u51FA\u7684\u53EF\u8058\u4E3A\u5BA2\u6237\u7ECF\u7406",
        windows: [
          { maxMonths: "6", minDeposits: "8000000", source: "\u534A\u5E74\u5185\u65E5\u5747\u5B58\u6B3E\u4E0D\u4F4E\u4E8E800\u4E07\u5143" },
          { maxMonths: "12", minDeposits: "6000000", source: "\u4E00\u5E74\u5185\u65E5\u5747\u5B58\u6B3E600\u4E07\u5143\u4EE5\u4E0A" }
        ]
      },
      qualification: {
        article: "Art. 9\u201311",
        source: "\u8D44\u683C\u8003\u8BD5\u672A\u901A\u8FC7\u4F46\u7D2F\u8BA1\u65E5\u5747\u5B58\u6B3E300\u4E07\u5143\u4EE5\u4E0A\u7684\u6682\u8058\u4E3A\u521D\u7EA7\u5BA2\u6237\u7ECF\u7406",
        provisionalDeposits: {
          op: ">=",
          value: "3000000",
          article: "Art. 10",
          source: "\u7D2F\u8BA1\u65E5\u5747\u5B58\u6B3E300\u4E07\u5143\u4EE5\u4E0A"
        }
      }
    };
  }
});

// src/rules/policy-check.ts
var ITEM_TEMPLATES;
var init_policy_check = __esm({
  "src/rules/policy-check.ts"() {
    "use strict";
    init_policy();
    init_roles();
    ITEM_TEMPLATES = {
      linear: DEFAULT_POLICY.score.collection,
      proportional: DEFAULT_POLICY.score.fourth.SENIOR,
      bands: DEFAULT_POLICY.score.npl
    };
  }
});

// src/rules/sha256.ts
function sha256Hex(text3) {
  return (0, import_utils.bytesToHex)((0, import_sha2.sha256)((0, import_utils.utf8ToBytes)(text3)));
}
var import_sha2, import_utils;
var init_sha256 = __esm({
  "src/rules/sha256.ts"() {
    "use strict";
    import_sha2 = require("@noble/hashes/sha2");
    import_utils = require("@noble/hashes/utils");
  }
});

// src/rules/policy-hash.ts
function canonicalJson(value) {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const record = value;
  const keys = Object.keys(record).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(",")}}`;
}
function policyHash(policy) {
  let hash = hashes.get(policy);
  if (hash === void 0) {
    hash = sha256Hex(canonicalJson(policy));
    hashes.set(policy, hash);
  }
  return hash;
}
function policyVersionText(policy) {
  return `${policy.name.zh} ${policy.version} sha256:${policyHash(policy)}`;
}
var hashes;
var init_policy_hash = __esm({
  "src/rules/policy-hash.ts"() {
    "use strict";
    init_sha256();
    hashes = /* @__PURE__ */ new WeakMap();
  }
});

// src/rules/decimal.ts
function fromExcelNumber(x) {
  if (x === 0) return new Decimal(0);
  return new Decimal(x.toPrecision(EXCEL_DIGITS));
}
function roundHalfAway(x, places) {
  return x.toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
}
function clamp(x, lo, hi) {
  if (x.lessThan(lo)) return lo;
  if (x.greaterThan(hi)) return hi;
  return x;
}
function truncate(x) {
  return x.toDecimalPlaces(0, Decimal.ROUND_DOWN);
}
var import_decimal, Decimal, EXCEL_DIGITS;
var init_decimal = __esm({
  "src/rules/decimal.ts"() {
    "use strict";
    import_decimal = __toESM(require("decimal.js"));
    Decimal = import_decimal.default.clone({
      precision: 40,
      rounding: import_decimal.default.ROUND_HALF_UP,
      toExpNeg: -30,
      toExpPos: 40
    });
    EXCEL_DIGITS = 15;
  }
});

// src/rules/input.ts
function isBlank(raw) {
  return raw === null || raw === void 0 || typeof raw === "string" && raw.trim() === "";
}
function got(raw) {
  if (typeof raw === "string") return `"${raw.length > 40 ? `${raw.slice(0, 40)}\u2026` : raw}"`;
  if (typeof raw === "number" || typeof raw === "boolean") return String(raw);
  if (Array.isArray(raw)) return "a list";
  return typeof raw;
}
function blankError(param) {
  return fail(
    "value",
    param,
    `${param} is blank; a value is required.`,
    `${param} \u4E3A\u7A7A\uFF0C\u5FC5\u987B\u586B\u5199\u3002`
  );
}
function domainError(param, kind, x) {
  const v = x.toString();
  switch (kind) {
    case "rate":
      return fail(
        "num",
        param,
        `${param} must be a fraction from 0 to 1 (1.2% is 0.012); got ${v}.`,
        `${param} \u5E94\u4E3A 0 \u5230 1 \u4E4B\u95F4\u7684\u6BD4\u7387\uFF081.2% \u5373 0.012\uFF09\uFF0C\u5B9E\u9645\u4E3A ${v}\u3002`
      );
    case "growth":
      return fail(
        "num",
        param,
        `${param} must be a growth fraction of -1 (\u2212100%) or more; got ${v}.`,
        `${param} \u5E94\u4E3A\u4E0D\u4F4E\u4E8E -1\uFF08\u2212100%\uFF09\u7684\u589E\u957F\u7387\uFF0C\u5B9E\u9645\u4E3A ${v}\u3002`
      );
    case "count":
      return fail(
        "num",
        param,
        `${param} must be a whole number, 0 or more; got ${v}.`,
        `${param} \u5E94\u4E3A\u4E0D\u5C0F\u4E8E 0 \u7684\u6574\u6570\uFF0C\u5B9E\u9645\u4E3A ${v}\u3002`
      );
    default:
      return fail(
        "num",
        param,
        `${param} must not be negative; got ${v}.`,
        `${param} \u4E0D\u80FD\u4E3A\u8D1F\u6570\uFF0C\u5B9E\u9645\u4E3A ${v}\u3002`
      );
  }
}
function inDomain(x, kind) {
  switch (kind) {
    case "rate":
      return !x.isNegative() && x.lessThanOrEqualTo(ONE);
    case "growth":
      return x.greaterThanOrEqualTo(MINUS_ONE);
    case "count":
      return !x.isNegative() && x.isInteger();
    default:
      return !x.isNegative();
  }
}
function plainlyInDomain(x, kind) {
  switch (kind) {
    case "rate":
      return x >= 0 && x <= 1;
    case "growth":
      return x >= -1 && x < Infinity;
    case "count":
      return x >= 0 && Number.isSafeInteger(x);
    default:
      return x >= 0 && x < Infinity;
  }
}
function readNumber(raw, param, kind) {
  if (typeof raw === "number") {
    if (!Number.isFinite(raw)) {
      return fail(
        "num",
        param,
        `${param} must be a finite number; got ${raw}.`,
        `${param} \u5E94\u4E3A\u6709\u9650\u6570\u503C\uFF0C\u5B9E\u9645\u4E3A ${raw}\u3002`
      );
    }
    const x = fromExcelNumber(raw);
    const value = x.isZero() ? new Decimal(0) : x;
    return inDomain(value, kind) ? { ok: true, value } : domainError(param, kind, value);
  }
  if (isBlank(raw)) return blankError(param);
  return fail(
    "value",
    param,
    `${param} must be a number; got ${got(raw)}.`,
    `${param} \u5E94\u4E3A\u6570\u503C\uFF0C\u5B9E\u9645\u4E3A ${got(raw)}\u3002`
  );
}
function readOptionalNumber(raw, param, kind, fallback) {
  return isBlank(raw) ? { ok: true, value: fallback } : readNumber(raw, param, kind);
}
function readBoolean(raw, param) {
  if (typeof raw === "boolean") return { ok: true, value: raw };
  if (raw === 1 || raw === 0) return { ok: true, value: raw === 1 };
  if (typeof raw === "string" && !isBlank(raw)) {
    const t = raw.trim().toUpperCase();
    if (TRUE_TEXT.has(t)) return { ok: true, value: true };
    if (FALSE_TEXT.has(t)) return { ok: true, value: false };
  }
  if (isBlank(raw)) return blankError(param);
  return fail(
    "value",
    param,
    `${param} must be TRUE/FALSE, 1/0 or \u662F/\u5426; got ${got(raw)}.`,
    `${param} \u5E94\u4E3A TRUE/FALSE\u30011/0 \u6216 \u662F/\u5426\uFF0C\u5B9E\u9645\u4E3A ${got(raw)}\u3002`
  );
}
function readOptionalBoolean(raw, param, fallback) {
  return isBlank(raw) ? { ok: true, value: fallback } : readBoolean(raw, param);
}
function notAList(param) {
  return fail(
    "value",
    param,
    `${param} must be a row or column of monthly figures.`,
    `${param} \u5E94\u4E3A\u6309\u6708\u6392\u5217\u7684\u4E00\u884C\u6216\u4E00\u5217\u6570\u636E\u3002`
  );
}
function readRole(raw, param = "role") {
  if (typeof raw === "string") {
    const role2 = roleFromText(raw);
    if (role2 !== void 0) return { ok: true, value: role2 };
    if (!isBlank(raw)) {
      return fail(
        "value",
        param,
        `${param} ${got(raw)} is not a role; use ${ROLE_CHOICES_EN}.`,
        `${param} ${got(raw)} \u4E0D\u662F\u6709\u6548\u7684\u8003\u6838\u5BF9\u8C61\uFF0C\u5E94\u4E3A ${ROLE_CHOICES_ZH}\u3002`
      );
    }
  }
  if (isBlank(raw)) return blankError(param);
  return fail(
    "value",
    param,
    `${param} must be a role name; got ${got(raw)}. Use ${ROLE_CHOICES_EN}.`,
    `${param} \u5E94\u4E3A\u8003\u6838\u5BF9\u8C61\u540D\u79F0\uFF0C\u5B9E\u9645\u4E3A ${got(raw)}\uFF1B\u5E94\u4E3A ${ROLE_CHOICES_ZH}\u3002`
  );
}
var ONE, MINUS_ONE, TRUE_TEXT, FALSE_TEXT;
var init_input = __esm({
  "src/rules/input.ts"() {
    "use strict";
    init_decimal();
    init_result();
    init_roles();
    ONE = new Decimal(1);
    MINUS_ONE = new Decimal(-1);
    TRUE_TEXT = /* @__PURE__ */ new Set(["TRUE", "\u662F", "1", "Y", "YES"]);
    FALSE_TEXT = /* @__PURE__ */ new Set(["FALSE", "\u5426", "0", "N", "NO"]);
  }
});

// src/rules/compare.ts
function num(text3) {
  let d = parsed.get(text3);
  if (d === void 0) {
    d = new Decimal(text3);
    parsed.set(text3, d);
  }
  return d;
}
function holds(x, op, value) {
  switch (op) {
    case "<":
      return x.lessThan(value);
    case "<=":
      return x.lessThanOrEqualTo(value);
    case ">":
      return x.greaterThan(value);
    case ">=":
      return x.greaterThanOrEqualTo(value);
  }
}
function meets(x, t) {
  return holds(x, t.op, num(t.value));
}
function opSymbol(op) {
  return SYMBOL[op];
}
function inBand(x, band) {
  if (band.lo !== null) {
    const lo = num(band.lo);
    if (band.loIncluded ? x.lessThan(lo) : x.lessThanOrEqualTo(lo)) return false;
  }
  if (band.hi !== null) {
    const hi = num(band.hi);
    if (band.hiIncluded ? x.greaterThan(hi) : x.greaterThanOrEqualTo(hi)) return false;
  }
  return true;
}
function firstBand(bands, x) {
  return bands.find((b) => inBand(x, b));
}
function bandText(band) {
  return `${band.loIncluded ? "[" : "("}${band.lo ?? "-\u221E"}..${band.hi ?? "\u221E"}${band.hiIncluded ? "]" : ")"}`;
}
var parsed, SYMBOL;
var init_compare = __esm({
  "src/rules/compare.ts"() {
    "use strict";
    init_decimal();
    parsed = /* @__PURE__ */ new Map();
    SYMBOL = { "<": "<", "<=": "\u2264", ">": ">", ">=": "\u2265" };
  }
});

// src/rules/score-items.ts
function stepSize(item) {
  return item.stepOfTarget ? num(item.target).times(num(item.step)) : num(item.step);
}
function linearPoints(item, x, options) {
  const deviation = x.minus(num(item.target));
  let steps = deviation.dividedBy(stepSize(item));
  if (options.whole_steps) steps = truncate(steps);
  const unclamped = num(item.base).plus(steps.times(num(item.pointsPerStep)));
  const points = clamp(unclamped, num(item.min), num(item.max));
  return {
    points,
    how: `${item.base} ${steps.isNegative() ? "\u2212" : "+"} ${steps.abs().times(num(item.pointsPerStep)).toDecimalPlaces(4).toString()}`
  };
}
function proportionalPoints(item, n, options) {
  const target = num(item.target);
  const full = num(item.points);
  if (options.all_or_nothing) {
    return {
      points: n.greaterThanOrEqualTo(target) ? full : new Decimal(0),
      how: `${n} of ${item.target}, all or nothing`
    };
  }
  const counted = Decimal.min(n, target);
  return {
    points: full.times(counted).dividedBy(target),
    how: `${item.points} \xD7 ${counted} \xF7 ${item.target}`
  };
}
function bandPoints(item, x) {
  const band = firstBand(item.bands, x);
  return band && { points: num(band.value), how: `${band.source} ${bandText(band)}` };
}
var init_score_items = __esm({
  "src/rules/score-items.ts"() {
    "use strict";
    init_decimal();
    init_compare();
  }
});

// src/rules/score-fast.ts
function gcd(a, b) {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}
function exactInt(x) {
  return x.isInteger() && x.abs().lessThan(SAFE) ? x.toNumber() : void 0;
}
function slope(item) {
  const step = item.stepOfTarget ? num(item.target).times(num(item.step)) : num(item.step);
  const [p2, q] = num(item.pointsPerStep).dividedBy(step).toFraction();
  return [p2, q];
}
function denominatorOf(item) {
  const scale = new Decimal(10).pow(SCALE[item.input]);
  if (item.kind === "linear") return slope(item)[1].times(scale);
  if (item.kind === "proportional") return num(item.target);
  return new Decimal(1);
}
function scaled(n, scale) {
  return n === null ? void 0 : exactInt(num(n).times(scale));
}
function domain(input, scale) {
  switch (input) {
    case "rate":
      return [0, scale];
    case "growth":
      return [-scale, SAFE];
    default:
      return [0, SAFE];
  }
}
function compileItem(item, D, allOrNothing) {
  const S = SCALE[item.input];
  const scale = new Decimal(10).pow(S);
  const [dmin, dmax] = domain(item.input, scale.toNumber());
  if (item.kind === "linear") {
    const [p2, q] = slope(item);
    const factor = exactInt(p2.times(D).dividedBy(q.times(scale)));
    const target = scaled(item.target, scale);
    const base = exactInt(num(item.base).times(D));
    const lo = exactInt(num(item.min).times(D));
    const hi = exactInt(num(item.max).times(D));
    if (factor === void 0 || target === void 0 || base === void 0 || lo === void 0 || hi === void 0)
      return void 0;
    const reach = Math.floor(SAFE / Math.max(1, Math.abs(factor))) - Math.abs(target);
    if (reach <= 0) return void 0;
    return {
      kind: "linear",
      scale: scale.toNumber(),
      min: Math.max(dmin, -reach),
      max: Math.min(dmax, reach),
      base,
      target,
      factor,
      lo,
      hi
    };
  }
  if (item.kind === "proportional") {
    const target = exactInt(num(item.target));
    const full = exactInt(num(item.points).times(D));
    const factor = exactInt(num(item.points).times(D).dividedBy(num(item.target)));
    if (target === void 0 || full === void 0 || factor === void 0 || target <= 0)
      return void 0;
    return {
      kind: "proportional",
      scale: 1,
      min: 0,
      max: SAFE,
      target,
      factor,
      full,
      allOrNothing
    };
  }
  const bands = [];
  for (const b of item.bands) {
    const lo = b.lo === null ? -Infinity : scaled(b.lo, scale);
    const hi = b.hi === null ? Infinity : scaled(b.hi, scale);
    const points = exactInt(num(b.value).times(D));
    if (lo === void 0 || hi === void 0 || points === void 0) return void 0;
    bands.push({ lo, loIn: b.loIncluded, hi, hiIn: b.hiIncluded, points });
  }
  return { kind: "bands", scale: scale.toNumber(), min: dmin, max: dmax, bands };
}
function compileRole(policy, role2) {
  const s = policy.score;
  if (policy.options.whole_steps) return void 0;
  const items = [s.deposit[role2], s.npl, s.collection, s.fourth[role2]];
  let D = new Decimal(1);
  for (const item of items) {
    const d = denominatorOf(item);
    if (d === void 0 || !d.isInteger()) return void 0;
    const g = gcd(D.toNumber(), d.toNumber());
    D = D.times(d).dividedBy(g);
  }
  const places = 10 ** s.totalPlaces;
  const ceiling = Decimal.max(num(s.totalRange[role2].max), 1e3).times(D).times(places).times(4);
  if (ceiling.greaterThanOrEqualTo(SAFE)) return void 0;
  const compiled = items.map((item) => compileItem(item, D, policy.options.all_or_nothing));
  if (compiled.some((c) => c === void 0)) return void 0;
  return { items: compiled, denominator: D.toNumber(), places };
}
function forRole(policy, role2) {
  let roles = compiledPolicies.get(policy);
  if (roles === void 0) {
    roles = {};
    compiledPolicies.set(policy, roles);
  }
  let c = roles[role2];
  if (c === void 0) {
    c = role2 === "AGENT" ? null : compileRole(policy, role2) ?? null;
    roles[role2] = c;
  }
  return c ?? void 0;
}
function scaledInput(x, scale, min, max) {
  if (typeof x !== "number") return void 0;
  const y = x * scale;
  const k = Math.round(y);
  if (!(k >= min && k <= max)) return void 0;
  if (Math.abs(y - k) > 3e-16 * Math.abs(y)) return void 0;
  return k === 0 ? 0 : k;
}
function itemPoints(item, raw) {
  const k = scaledInput(raw, item.scale, item.min, item.max);
  if (k === void 0) return void 0;
  if (item.kind === "linear") {
    const v = item.base + (k - item.target) * item.factor;
    return v < item.lo ? item.lo : v > item.hi ? item.hi : v;
  }
  if (item.kind === "proportional") {
    if (item.allOrNothing) return k >= item.target ? item.full : 0;
    return (k < item.target ? k : item.target) * item.factor;
  }
  for (const b of item.bands) {
    if ((b.loIn ? k >= b.lo : k > b.lo) && (b.hiIn ? k <= b.hi : k < b.hi)) return b.points;
  }
  return void 0;
}
function fastTotal(input, policy) {
  if (input === null || typeof input !== "object" || typeof input.role !== "string")
    return void 0;
  const role2 = roleFromText(input.role);
  if (role2 === void 0) return void 0;
  const c = forRole(policy, role2);
  if (c === void 0) return void 0;
  const [di, ni, ci, fi] = c.items;
  const d = itemPoints(di, input.deposit);
  if (d === void 0) return void 0;
  const n = itemPoints(ni, input.nplRatio);
  if (n === void 0) return void 0;
  const r = itemPoints(ci, input.collectionRate);
  if (r === void 0) return void 0;
  const f = itemPoints(fi, input.fourth);
  if (f === void 0) return void 0;
  const N = d + n + r + f;
  const D = c.denominator;
  const twice = 2 * Math.abs(N) * c.places + D;
  let q = Math.floor(twice / (2 * D));
  if (q * 2 * D > twice) q -= 1;
  else if ((q + 1) * 2 * D <= twice) q += 1;
  const total = q / c.places;
  return N < 0 ? -total : total;
}
var SCALE, SAFE, compiledPolicies;
var init_score_fast = __esm({
  "src/rules/score-fast.ts"() {
    "use strict";
    init_decimal();
    init_compare();
    init_roles();
    SCALE = { rate: 6, growth: 6, amount: 2, count: 0 };
    SAFE = 2 ** 51;
    compiledPolicies = /* @__PURE__ */ new WeakMap();
  }
});

// src/rules/score.ts
function notScored(role2, what, article) {
  return fail(
    "na",
    "role",
    `role ${role2} has no ${article} ${what}.`,
    `\u8003\u6838\u5BF9\u8C61 ${role2} \u4E0D\u9002\u7528${article}\u7684${what === "score" ? "\u8003\u6838\u5F97\u5206" : "\u8003\u6838\u7ED3\u679C"}\u3002`
  );
}
function readScoredRole(raw, what, article) {
  const role2 = readRole(raw);
  if (!role2.ok) return role2;
  if (role2.value === "AGENT") return notScored("AGENT", what, article);
  return { ok: true, value: role2.value };
}
function scoreBreakdown(input, policy = DEFAULT_POLICY) {
  const {
    role: roleRaw,
    deposit: depositRaw,
    nplRatio,
    collectionRate,
    fourth: fourthRaw
  } = input ?? {};
  const role2 = readScoredRole(roleRaw, "score", policy.score.article);
  if (!role2.ok) return role2;
  const s = policy.score;
  const depositItem = s.deposit[role2.value];
  const fourthItem = s.fourth[role2.value];
  const deposit = readNumber(depositRaw, "deposit", INPUT_KIND[depositItem.input]);
  if (!deposit.ok) return deposit;
  const npl = readNumber(nplRatio, "npl_ratio", "rate");
  if (!npl.ok) return npl;
  const collection = readNumber(collectionRate, "collection_rate", "rate");
  if (!collection.ok) return collection;
  const fourth = readNumber(fourthRaw, "fourth", INPUT_KIND[fourthItem.input]);
  if (!fourth.ok) return fourth;
  const d = linearPoints(depositItem, deposit.value, policy.options);
  const n = bandPoints(s.npl, npl.value);
  if (n === void 0) {
    return fail(
      "num",
      "npl_ratio",
      `npl_ratio ${npl.value} is in no band of ${s.npl.article}.`,
      `npl_ratio ${npl.value} \u4E0D\u5728${s.npl.article}\u7684\u4EFB\u4F55\u533A\u95F4\u5185\u3002`
    );
  }
  const c = linearPoints(s.collection, collection.value, policy.options);
  const f = fourthItem.kind === "linear" ? linearPoints(fourthItem, fourth.value, policy.options) : proportionalPoints(fourthItem, fourth.value, policy.options);
  const total = roundHalfAway(d.points.plus(n.points).plus(c.points).plus(f.points), s.totalPlaces);
  const value = {
    role: role2.value,
    deposit: d.points,
    npl: n.points,
    collection: c.points,
    fourth: f.points,
    total
  };
  return ok(value, () => {
    const p2 = (x) => x.toDecimalPlaces(4).toString();
    return {
      rule: "art13.total",
      article: s.article,
      text: {
        en: `${s.article}: deposit ${p2(d.points)} + NPL ${p2(n.points)} + collection ${p2(c.points)} + fourth ${p2(f.points)} = ${total}`,
        zh: `${s.article}\uFF1A\u5B58\u6B3E ${p2(d.points)} + \u4E0D\u826F\u7387 ${p2(n.points)} + \u6536\u8D37\u6536\u606F ${p2(c.points)} + \u7B2C\u56DB\u9879 ${p2(f.points)} = ${total}`
      },
      values: {
        role: role2.value,
        deposit: p2(d.points),
        npl: p2(n.points),
        collection: p2(c.points),
        fourth: p2(f.points),
        total: total.toNumber(),
        depositRule: d.how,
        nplRule: n.how,
        collectionRule: c.how,
        fourthRule: f.how,
        range: `${num(s.totalRange[role2.value].min)}\u2013${num(s.totalRange[role2.value].max)}`
      }
    };
  });
}
function appraisalScore(input, policy = DEFAULT_POLICY) {
  const fast = fastTotal(input, policy);
  if (fast !== void 0) {
    return ok(fast, () => scoreBreakdown(input, policy).explain());
  }
  const full = scoreBreakdown(input, policy);
  if (!full.ok) return full;
  return ok(full.value.total.toNumber(), full.explain);
}
var INPUT_KIND;
var init_score = __esm({
  "src/rules/score.ts"() {
    "use strict";
    init_decimal();
    init_compare();
    init_input();
    init_result();
    init_score_items();
    init_policy();
    init_score_fast();
    INPUT_KIND = {
      growth: "growth",
      amount: "money",
      rate: "rate",
      count: "count"
    };
  }
});

// src/rules/format.ts
function percent(x) {
  return `${x.times(100).toString()}%`;
}
function plain(x) {
  return x.toString();
}
function yuan(x) {
  const [whole, frac] = x.toFixed(2).split(".");
  const sign = whole.startsWith("-") ? "-" : "";
  const digits = sign ? whole.slice(1) : whole;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return frac === "00" ? `${sign}${grouped}` : `${sign}${grouped}.${frac}`;
}
var init_format = __esm({
  "src/rules/format.ts"() {
    "use strict";
    init_decimal();
  }
});

// src/rules/outcome.ts
function readFacts(input, policy) {
  const role2 = readScoredRole(input.role, "outcome", "Art. 14");
  if (!role2.ok) return role2;
  const score = readNumber(input.score, "score", "amount");
  if (!score.ok) return score;
  const rate = readNumber(input.collectionRate, "collection_rate", "rate");
  if (!rate.ok) return rate;
  const points = readOptionalNumber(input.violationPoints, "violation_points", "amount", ZERO);
  if (!points.ok) return points;
  const major = readOptionalBoolean(input.majorViolation, "major_violation", false);
  if (!major.ok) return major;
  const isHead = role2.value === "BRANCH_HEAD";
  const months = isHead ? { ok: true, value: ZERO } : readOptionalNumber(input.monthsBelowBase, "months_below_base", "count", ZERO);
  if (!months.ok) return months;
  const deposit = isHead ? readNumber(input.deposit, "deposit", "growth") : { ok: true, value: ZERO };
  if (!deposit.ok) return deposit;
  const npl = isHead ? readNumber(input.nplRatio, "npl_ratio", "rate") : { ok: true, value: ZERO };
  if (!npl.ok) return npl;
  const loss = isHead ? readOptionalNumber(input.lossAmount, "loss_amount", "money", ZERO) : { ok: true, value: ZERO };
  if (!loss.ok) return loss;
  const prior = isHead ? readOptionalNumber(input.priorDemotions, "prior_demotions", "count", ZERO) : { ok: true, value: ZERO };
  if (!prior.ok) return prior;
  return {
    ok: true,
    value: {
      role: role2.value,
      // Art. 14 reads the score the sheet shows: rounded to the total's places (POLICY §0).
      score: roundHalfAway(score.value, policy.score.totalPlaces),
      collectionRate: rate.value,
      violationPoints: points.value,
      majorViolation: major.value,
      monthsBelowBase: months.value,
      deposit: deposit.value,
      nplRatio: npl.value,
      lossAmount: loss.value,
      priorDemotions: prior.value
    }
  };
}
function compared(label4, shown2, t, limit) {
  return {
    en: `${label4.en} ${shown2} ${opSymbol(t.op)} ${limit}`,
    zh: `${label4.zh} ${shown2} ${opSymbol(t.op)} ${limit}`
  };
}
function headDemotions(f, policy) {
  const o = policy.outcome;
  const held = [];
  if (meets(f.score, o.branchHeadScore))
    held.push(
      compared(
        { en: "score", zh: "\u8003\u6838\u5F97\u5206" },
        plain(f.score),
        o.branchHeadScore,
        o.branchHeadScore.value
      )
    );
  if (meets(f.nplRatio, o.branchHeadNpl))
    held.push(
      compared(
        { en: "NPL ratio", zh: "\u4E0D\u826F\u7387" },
        percent(f.nplRatio),
        o.branchHeadNpl,
        percent(num(o.branchHeadNpl.value))
      )
    );
  const depositTarget = num(policy.score.deposit.BRANCH_HEAD.target);
  const t1 = o.branchHeadDepositCompletion;
  if (meets(f.deposit, { ...t1, value: num(t1.value).times(depositTarget).toString() })) {
    const c = percent(f.deposit.dividedBy(depositTarget).toDecimalPlaces(4));
    held.push({
      en: `deposit completion ${percent(f.deposit)} \xF7 ${percent(depositTarget)} = ${c} ${opSymbol(t1.op)} ${percent(num(t1.value))}`,
      zh: `\u5B58\u6B3E\u5B8C\u6210 ${percent(f.deposit)} \xF7 ${percent(depositTarget)} = ${c} ${opSymbol(t1.op)} ${percent(num(t1.value))}`
    });
  }
  const collectionTarget = num(policy.score.collection.target);
  const t2 = o.branchHeadCollectionCompletion;
  if (meets(f.collectionRate, { ...t2, value: num(t2.value).times(collectionTarget).toString() })) {
    const c = percent(f.collectionRate.dividedBy(collectionTarget).toDecimalPlaces(4));
    held.push({
      en: `collection completion ${percent(f.collectionRate)} \xF7 ${percent(collectionTarget)} = ${c} ${opSymbol(t2.op)} ${percent(num(t2.value))}`,
      zh: `\u6536\u8D37\u6536\u606F\u5B8C\u6210 ${percent(f.collectionRate)} \xF7 ${percent(collectionTarget)} = ${c} ${opSymbol(t2.op)} ${percent(num(t2.value))}`
    });
  }
  return held;
}
function applies(row, head) {
  return row.applies === "all" || row.applies === "head" === head;
}
function headDecision(f, policy) {
  const held = headDemotions(f, policy);
  if (held.length === 0) return void 0;
  const o = policy.outcome;
  const joined = {
    en: held.map((h) => h.en).join("; "),
    zh: held.map((h) => h.zh).join("\uFF1B")
  };
  if (meets(f.priorDemotions, o.branchHeadRepeat)) {
    return {
      outcome: "TERMINATE",
      rule: "art14.1.1.repeat",
      article: o.branchHeadRepeat.article,
      held: {
        en: `${joined.en}, and demoted the previous year (2 years in a row)`,
        zh: `${joined.zh}\uFF0C\u4E14\u4E0A\u5E74\u5DF2\u964D\u7EA7\uFF08\u8FDE\u7EED2\u5E74\uFF09`
      }
    };
  }
  return {
    outcome: "DEMOTE",
    rule: "art14.1.1.demote",
    article: o.branchHeadScore.article,
    held: joined
  };
}
function decide(f, policy) {
  const o = policy.outcome;
  const head = f.role === "BRANCH_HEAD";
  for (const row of ART_14) {
    if (row.kind === "major") {
      if (!f.majorViolation) continue;
      return {
        outcome: "TERMINATE",
        rule: "art14.3.major",
        article: o.majorViolation.article,
        held: {
          en: "major violation causing major economic loss",
          zh: "\u4E25\u91CD\u8FDD\u89C4\u8FDD\u7EAA\u9020\u6210\u91CD\u5927\u7ECF\u6D4E\u635F\u5931"
        }
      };
    }
    if (row.kind === "head-demotion") {
      const d = head ? headDecision(f, policy) : void 0;
      if (d !== void 0) return d;
      continue;
    }
    const t = row.threshold(o);
    const x = row.fact(f);
    if (!applies(row, head) || !meets(x, t)) continue;
    return {
      outcome: row.outcome,
      rule: row.rule,
      article: t.article,
      held: compared(row.label, row.show(x), t, row.show(num(t.value)))
    };
  }
  return {
    outcome: "RETAIN",
    rule: "art14.retain",
    article: "Art. 14",
    held: { en: "no condition of Art. 14 holds", zh: "\u4E0D\u7B26\u5408\u7B2C\u5341\u56DB\u6761\u4EFB\u4F55\u964D\u7EA7\u6216\u89E3\u9664\u6761\u4EF6" }
  };
}
function explanation(d, f) {
  return {
    rule: d.rule,
    article: d.article,
    text: {
      en: `${d.article}: ${d.held.en} \u2192 ${d.outcome}`,
      zh: `${d.article}\uFF1A${d.held.zh} \u2192 ${OUTCOME_ZH[d.outcome]}`
    },
    values: {
      role: f.role,
      score: f.score.toNumber(),
      collectionRate: f.collectionRate.toNumber(),
      violationPoints: f.violationPoints.toNumber(),
      majorViolation: f.majorViolation,
      outcome: d.outcome
    }
  };
}
function gradeOutcome(input, policy = DEFAULT_POLICY) {
  const facts = readFacts(input ?? {}, policy);
  if (!facts.ok) return facts;
  const d = decide(facts.value, policy);
  return ok(d.outcome, () => explanation(d, facts.value));
}
var OUTCOMES, ZERO, SCORE, ART_14, OUTCOME_ZH;
var init_outcome = __esm({
  "src/rules/outcome.ts"() {
    "use strict";
    init_decimal();
    init_compare();
    init_format();
    init_input();
    init_policy();
    init_result();
    init_score();
    OUTCOMES = ["RETAIN", "DEMOTE", "TERMINATE"];
    ZERO = new Decimal(0);
    SCORE = { en: "score", zh: "\u8003\u6838\u5F97\u5206" };
    ART_14 = [
      { kind: "major" },
      {
        kind: "threshold",
        rule: "art14.3.points",
        outcome: "TERMINATE",
        applies: "all",
        threshold: (o) => o.violationPoints,
        fact: (f) => f.violationPoints,
        label: { en: "violation points", zh: "\u8FDD\u89C4\u6263\u5206" },
        show: plain
      },
      {
        kind: "threshold",
        rule: "art14.1.2.loss",
        outcome: "TERMINATE",
        applies: "head",
        threshold: (o) => o.accidentLoss,
        fact: (f) => f.lossAmount,
        label: { en: "accident loss", zh: "\u4E8B\u6545\u635F\u5931" },
        show: yuan
      },
      {
        kind: "threshold",
        rule: "art14.2.terminate",
        outcome: "TERMINATE",
        applies: "manager",
        threshold: (o) => o.managerTerminateScore,
        fact: (f) => f.score,
        label: SCORE,
        show: plain
      },
      { kind: "head-demotion" },
      {
        kind: "threshold",
        rule: "art14.2.score",
        outcome: "DEMOTE",
        applies: "manager",
        threshold: (o) => o.managerScore,
        fact: (f) => f.score,
        label: SCORE,
        show: plain
      },
      {
        kind: "threshold",
        rule: "art14.2.collection",
        outcome: "DEMOTE",
        applies: "manager",
        threshold: (o) => o.managerCollectionRate,
        fact: (f) => f.collectionRate,
        label: { en: "collection rate", zh: "\u6536\u8D37\u6536\u606F\u7387" },
        show: percent
      },
      {
        kind: "threshold",
        rule: "art14.2.deposits",
        outcome: "DEMOTE",
        applies: "manager",
        threshold: (o) => o.managerMonthsBelowBase,
        fact: (f) => f.monthsBelowBase,
        label: { en: "months below 90% of base deposits", zh: "\u8FDE\u7EED\u4F4E\u4E8E\u57FA\u6570\u5B58\u6B3E90%\u6708\u6570" },
        show: plain
      }
    ];
    OUTCOME_ZH = {
      RETAIN: "\u7559\u4EFB",
      DEMOTE: "\u964D\u7EA7",
      TERMINATE: "\u89E3\u9664\u52B3\u52A8\u5408\u540C"
    };
  }
});

// src/rules/labels.ts
var LABELS;
var init_labels = __esm({
  "src/rules/labels.ts"() {
    "use strict";
    LABELS = {
      BRANCH_HEAD: { zh: "\u652F\u884C\u884C\u957F", en: "Branch head" },
      SENIOR: { zh: "\u9AD8\u7EA7\u5BA2\u6237\u7ECF\u7406", en: "Senior customer manager" },
      MID: { zh: "\u4E2D\u7EA7\u5BA2\u6237\u7ECF\u7406", en: "Mid-level customer manager" },
      JUNIOR: { zh: "\u521D\u7EA7\u5BA2\u6237\u7ECF\u7406", en: "Junior customer manager" },
      AGENT: { zh: "\u4E1A\u52A1\u4EE3\u529E\u5458", en: "Business agent" },
      RETAIN: { zh: "\u7559\u4EFB", en: "Retain" },
      DEMOTE: { zh: "\u964D\u7EA7", en: "Demote" },
      TERMINATE: { zh: "\u89E3\u9664\u52B3\u52A8\u5408\u540C", en: "Terminate contract" },
      NONE: { zh: "\u65E0", en: "None" },
      QUALIFIED: { zh: "\u5408\u683C", en: "Qualified" },
      PROVISIONAL_JUNIOR: { zh: "\u6682\u8058\u521D\u7EA7\u5BA2\u6237\u7ECF\u7406", en: "Provisional junior" },
      NOT_QUALIFIED: { zh: "\u4E0D\u5408\u683C", en: "Not qualified" },
      TRUE: { zh: "\u662F", en: "Yes" },
      FALSE: { zh: "\u5426", en: "No" }
    };
  }
});

// src/rules/grade.ts
function nextGrade(roleRaw, outcomeRaw, policy = DEFAULT_POLICY) {
  const role2 = readRole(roleRaw);
  if (!role2.ok) return role2;
  const text3 = typeof outcomeRaw === "string" ? outcomeRaw.trim() : "";
  const outcome = OUTCOME_BY_TEXT.get(text3) ?? OUTCOME_BY_TEXT.get(text3.toUpperCase());
  if (outcome === void 0) {
    if (isBlank(outcomeRaw))
      return fail(
        "value",
        "outcome",
        "outcome is blank; a value is required.",
        "outcome \u4E3A\u7A7A\uFF0C\u5FC5\u987B\u586B\u5199\u3002"
      );
    return fail(
      "value",
      "outcome",
      `outcome must be RETAIN, DEMOTE or TERMINATE; got ${got(outcomeRaw)}.`,
      `outcome \u5E94\u4E3A RETAIN\u3001DEMOTE \u6216 TERMINATE\uFF08\u7559\u4EFB\u3001\u964D\u7EA7\u3001\u89E3\u9664\u52B3\u52A8\u5408\u540C\uFF09\uFF0C\u5B9E\u9645\u4E3A ${got(outcomeRaw)}\u3002`
    );
  }
  if (role2.value === "AGENT")
    return fail(
      "na",
      "role",
      "role AGENT has no Art. 14 outcome, so no next grade.",
      "\u4E1A\u52A1\u4EE3\u529E\u5458\u4E0D\u9002\u7528\u7B2C\u5341\u56DB\u6761\u8003\u6838\u7ED3\u679C\uFF0C\u65E0\u4E0B\u4E00\u7EA7\u522B\u3002"
    );
  const d = policy.outcome.demotion;
  const next = outcome === "RETAIN" ? role2.value : outcome === "TERMINATE" ? "NONE" : d.next[role2.value];
  return ok(next, () => ({
    rule: `grade.next.${outcome.toLowerCase()}`,
    article: outcome === "DEMOTE" ? d.article : "Art. 14",
    text: {
      en: `${role2.value} after ${outcome} \u2192 ${next}`,
      zh: `${LABELS[role2.value].zh}${LABELS[outcome].zh}\u540E \u2192 ${LABELS[next].zh}`
    },
    values: { role: role2.value, outcome, next }
  }));
}
function monthsBelowBase(monthly, baseRaw, policy = DEFAULT_POLICY) {
  if (!Array.isArray(monthly)) return notAList("monthly_deposits");
  const base = readNumber(baseRaw, "base_deposit", "money");
  if (!base.ok) return base;
  if (base.value.isZero())
    return fail("num", "base_deposit", "base_deposit must be above 0.", "base_deposit \u5E94\u5927\u4E8E 0\u3002");
  let last = monthly.length - 1;
  while (last >= 0 && isBlank(monthly[last])) last--;
  if (last < 0)
    return fail(
      "value",
      "monthly_deposits",
      "monthly_deposits has no figures.",
      "monthly_deposits \u6CA1\u6709\u4EFB\u4F55\u6708\u5EA6\u6570\u636E\u3002"
    );
  const t = policy.outcome.belowBaseRatio;
  const limit = num(t.value).times(base.value);
  let run6 = 0;
  let best = 0;
  let bestEnd = -1;
  for (let i = 0; i <= last; i++) {
    const x = readNumber(monthly[i], `monthly_deposits (month ${i + 1})`, "money");
    if (!x.ok) return x;
    run6 = meets(x.value, { ...t, value: limit.toString() }) ? run6 + 1 : 0;
    if (run6 > best) {
      best = run6;
      bestEnd = i;
    }
  }
  return ok(best, () => ({
    rule: "art14.2.months",
    article: t.article,
    text: {
      en: best === 0 ? `no month below ${percent(num(t.value))} of base ${yuan(base.value)}` : `months ${bestEnd - best + 2}\u2013${bestEnd + 1}: ${best} in a row ${opSymbol(t.op)} ${yuan(limit)} (${percent(num(t.value))} of base ${yuan(base.value)})`,
      zh: best === 0 ? `\u6CA1\u6709\u6708\u4EFD\u4F4E\u4E8E\u57FA\u6570\u5B58\u6B3E ${yuan(base.value)} \u7684 ${percent(num(t.value))}` : `\u7B2C ${bestEnd - best + 2}\u2013${bestEnd + 1} \u6708\u8FDE\u7EED ${best} \u4E2A\u6708 ${opSymbol(t.op)} ${yuan(limit)}\uFF08\u57FA\u6570\u5B58\u6B3E ${yuan(base.value)} \u7684 ${percent(num(t.value))}\uFF09`
    },
    values: { months: best, base: base.value.toNumber(), limit: limit.toNumber() }
  }));
}
function collectionDuty(rateRaw, newRateRaw, policy = DEFAULT_POLICY) {
  const rate = readNumber(rateRaw, "collection_rate", "rate");
  if (!rate.ok) return rate;
  const newRate = readNumber(newRateRaw, "new_loan_collection_rate", "rate");
  if (!newRate.ok) return newRate;
  const { overall, newLoans } = policy.collectionDuty;
  const short = [];
  if (meets(rate.value, overall))
    short.push(
      `collection rate ${percent(rate.value)} ${opSymbol(overall.op)} ${percent(num(overall.value))}`
    );
  if (meets(newRate.value, newLoans))
    short.push(
      `this year's loans ${percent(newRate.value)} ${opSymbol(newLoans.op)} ${percent(num(newLoans.value))}`
    );
  const duty = short.length > 0;
  return ok(duty, () => ({
    rule: duty ? "art25.1.duty" : "art25.1.none",
    article: overall.article,
    text: {
      en: `${overall.article}: ${duty ? short.join("; ") + " \u2192 leave the post to collect" : "both collection rates reached \u2192 no duty"}`,
      zh: `${overall.article}\uFF1A${duty ? short.join("\uFF1B").replace("collection rate", "\u6536\u8D37\u6536\u606F\u7387").replace("this year's loans", "\u5F53\u5E74\u65B0\u53D1\u653E\u8D37\u6B3E\u6536\u606F\u7387") + " \u2192 \u4E0B\u5C97\u6E05\u6536" : "\u4E24\u9879\u6536\u606F\u7387\u5747\u8FBE\u6807 \u2192 \u65E0\u9700\u4E0B\u5C97\u6E05\u6536"}`
    },
    values: {
      collectionRate: rate.value.toNumber(),
      newLoanCollectionRate: newRate.value.toNumber(),
      duty
    }
  }));
}
var OUTCOME_BY_TEXT;
var init_grade = __esm({
  "src/rules/grade.ts"() {
    "use strict";
    init_compare();
    init_format();
    init_input();
    init_labels();
    init_outcome();
    init_policy();
    init_result();
    OUTCOME_BY_TEXT = new Map(
      OUTCOMES.flatMap((o) => [[o, o], [LABELS[o].zh, o]])
    );
  }
});

// src/rules/reserve.ts
function readCappedRole(raw, policy) {
  const role2 = readRole(raw);
  if (!role2.ok) return role2;
  if (!isManagerGrade(role2.value)) {
    return fail(
      "na",
      "role",
      `role ${role2.value} has no risk-reserve cap in ${policy.reserve.article}.`,
      `\u8003\u6838\u5BF9\u8C61 ${role2.value} \u5728${policy.reserve.article}\u4E2D\u6CA1\u6709\u98CE\u9669\u91D1\u4E0A\u9650\uFF0C\u4E0D\u9002\u7528\u3002`
    );
  }
  return { ok: true, value: role2.value };
}
function withhold(income, balance, cap, policy) {
  const places = policy.reserve.moneyPlaces;
  const share = income.times(num(policy.reserve.rate));
  const room = Decimal.max(ZERO2, cap.minus(balance));
  const deduction = roundHalfAway(Decimal.min(share, room), places);
  return deduction.greaterThan(room) ? room.toDecimalPlaces(places, Decimal.ROUND_DOWN) : deduction;
}
function riskReserve(roleRaw, incomeRaw, balanceRaw, policy = DEFAULT_POLICY) {
  const role2 = readCappedRole(roleRaw, policy);
  if (!role2.ok) return role2;
  const income = readNumber(incomeRaw, "monthly_income", "money");
  if (!income.ok) return income;
  const balance = readOptionalNumber(balanceRaw, "balance", "money", ZERO2);
  if (!balance.ok) return balance;
  const r = policy.reserve;
  const cap = num(r.caps[role2.value]);
  const deduction = withhold(income.value, balance.value, cap, policy);
  return ok(deduction, () => {
    const share = income.value.times(num(r.rate));
    const capped = deduction.lessThan(roundHalfAway(share, r.moneyPlaces));
    return {
      rule: capped ? "art25.2.cap" : "art25.2.rate",
      article: r.article,
      text: {
        en: capped ? `${r.article}: ${yuan(num(r.rate).times(100))}% of ${yuan(income.value)} is ${yuan(share)}; only ${yuan(deduction)} left to the ${yuan(cap)} cap (balance ${yuan(balance.value)})` : `${r.article}: ${yuan(num(r.rate).times(100))}% of ${yuan(income.value)} = ${yuan(deduction)} (balance ${yuan(balance.value)}, cap ${yuan(cap)})`,
        zh: capped ? `${r.article}\uFF1A\u6536\u5165 ${yuan(income.value)} \u7684 ${yuan(num(r.rate).times(100))}% \u4E3A ${yuan(share)}\uFF1B\u8DDD\u4E0A\u9650 ${yuan(cap)} \u4EC5\u4F59 ${yuan(deduction)}\uFF08\u4F59\u989D ${yuan(balance.value)}\uFF09` : `${r.article}\uFF1A\u6536\u5165 ${yuan(income.value)} \xD7 ${yuan(num(r.rate).times(100))}% = ${yuan(deduction)}\uFF08\u4F59\u989D ${yuan(balance.value)}\uFF0C\u4E0A\u9650 ${yuan(cap)}\uFF09`
      },
      values: {
        role: role2.value,
        income: income.value.toNumber(),
        balance: balance.value.toNumber(),
        cap: cap.toNumber(),
        deduction: deduction.toNumber()
      }
    };
  });
}
function reserveSchedule(roleRaw, incomes, openingRaw, policy = DEFAULT_POLICY) {
  const role2 = readCappedRole(roleRaw, policy);
  if (!role2.ok) return role2;
  if (!Array.isArray(incomes)) return notAList("monthly_incomes");
  const opening = readOptionalNumber(openingRaw, "opening_balance", "money", ZERO2);
  if (!opening.ok) return opening;
  const cap = num(policy.reserve.caps[role2.value]);
  let last = incomes.length - 1;
  while (last >= 0 && isBlank(incomes[last])) last--;
  const months = [];
  let balance = opening.value;
  let broken;
  for (let i = 0; i < incomes.length; i++) {
    if (i > last) {
      months.push(null);
      continue;
    }
    if (broken) {
      months.push(
        fail(
          "value",
          "monthly_incomes",
          `month ${i + 1}: balance unknown after an earlier bad month.`,
          `\u7B2C ${i + 1} \u6708\uFF1A\u4E4B\u524D\u6708\u4EFD\u6570\u636E\u6709\u8BEF\uFF0C\u4F59\u989D\u65E0\u6CD5\u786E\u5B9A\u3002`
        )
      );
      continue;
    }
    const income = readNumber(incomes[i], `monthly_incomes (month ${i + 1})`, "money");
    if (!income.ok) {
      broken = income;
      months.push(income);
      continue;
    }
    const deduction = withhold(income.value, balance, cap, policy);
    const before = balance;
    balance = balance.plus(deduction);
    const after = balance;
    months.push(
      ok({ deduction, balance: after }, () => ({
        rule: "art25.2.schedule",
        article: policy.reserve.article,
        text: {
          en: `month ${i + 1}: withhold ${yuan(deduction)}, balance ${yuan(before)} \u2192 ${yuan(after)} (cap ${yuan(cap)})`,
          zh: `\u7B2C ${i + 1} \u6708\uFF1A\u63D0\u53D6 ${yuan(deduction)}\uFF0C\u4F59\u989D ${yuan(before)} \u2192 ${yuan(after)}\uFF08\u4E0A\u9650 ${yuan(cap)}\uFF09`
        },
        values: { month: i + 1, deduction: deduction.toNumber(), balance: after.toNumber() }
      }))
    );
  }
  return ok(months, () => ({
    rule: "art25.2.schedule",
    article: policy.reserve.article,
    text: {
      en: `${policy.reserve.article}: ${last + 1} months, closing balance ${yuan(balance)}`,
      zh: `${policy.reserve.article}\uFF1A\u5171 ${last + 1} \u4E2A\u6708\uFF0C\u671F\u672B\u4F59\u989D ${yuan(balance)}`
    },
    values: { role: role2.value, opening: opening.value.toNumber(), closing: balance.toNumber() }
  }));
}
function reserveRefund(balanceRaw, lossRaw, monthsRaw, policy = DEFAULT_POLICY) {
  const balance = readNumber(balanceRaw, "balance", "money");
  if (!balance.ok) return balance;
  const loss = readNumber(lossRaw, "loss", "money");
  if (!loss.ok) return loss;
  const months = readNumber(monthsRaw, "months_since_leaving", "months");
  if (!months.ok) return months;
  const r = policy.reserve.refund;
  const wait = num(r.afterMonths);
  if (months.value.lessThan(wait)) {
    return ok(new Decimal(0), () => ({
      rule: "art25.2.refund.pending",
      article: r.article,
      text: {
        en: `${r.article}: pending \u2014 ${months.value} of ${wait} months since leaving`,
        zh: `${r.article}\uFF1A\u5C1A\u672A\u5230\u671F\u2014\u2014\u79BB\u804C\u6216\u8C03\u5C97 ${months.value} \u4E2A\u6708\uFF0C\u6EE1 ${wait} \u4E2A\u6708\u540E\u9000\u8FD8`
      },
      values: {
        balance: balance.value.toNumber(),
        loss: loss.value.toNumber(),
        months: months.value.toNumber(),
        pending: true
      }
    }));
  }
  const refund = roundHalfAway(balance.value.minus(loss.value), policy.reserve.moneyPlaces);
  return ok(refund, () => ({
    rule: refund.isNegative() ? "art25.2.refund.owed" : "art25.2.refund",
    article: r.article,
    text: {
      en: `${r.article}: balance ${yuan(balance.value)} \u2212 loss ${yuan(loss.value)} = ${yuan(refund)}${refund.isNegative() ? " (still owed in full)" : ""}`,
      zh: `${r.article}\uFF1A\u4F59\u989D ${yuan(balance.value)} \u2212 \u635F\u5931 ${yuan(loss.value)} = ${yuan(refund)}${refund.isNegative() ? "\uFF08\u4ECD\u987B\u5168\u989D\u8D54\u507F\uFF09" : ""}`
    },
    values: {
      balance: balance.value.toNumber(),
      loss: loss.value.toNumber(),
      months: months.value.toNumber(),
      pending: false
    }
  }));
}
var ZERO2;
var init_reserve = __esm({
  "src/rules/reserve.ts"() {
    "use strict";
    init_decimal();
    init_compare();
    init_format();
    init_input();
    init_policy();
    init_result();
    init_roles();
    ZERO2 = new Decimal(0);
  }
});

// src/rules/authority.ts
function loanAuthority(roleRaw, amountRaw, policy = DEFAULT_POLICY) {
  const role2 = readRole(roleRaw);
  if (!role2.ok) return role2;
  const amount = readNumber(amountRaw, "amount", "money");
  if (!amount.ok) return amount;
  const a = policy.authority;
  const limit = a.limits.find((l) => l.role === role2.value);
  let within;
  let because;
  if (role2.value === a.above) {
    within = true;
    because = {
      en: `${role2.value} holds authority above every grade's limit`,
      zh: `${LABELS[role2.value].zh}\u5BF9\u8D85\u8FC7\u5404\u7EA7\u6743\u9650\u7684\u8D37\u6B3E\u6709\u5BA1\u6279\u6743`
    };
  } else if (limit === void 0) {
    within = false;
    because = {
      en: `${role2.value} handles no loans (Art. 20)`,
      zh: `${LABELS[role2.value].zh}\u4E0D\u7ECF\u529E\u8D37\u6B3E\uFF08\u7B2C\u4E8C\u5341\u6761\uFF09`
    };
  } else {
    within = amount.value.lessThanOrEqualTo(num(limit.max));
    because = {
      en: `${yuan(amount.value)} ${within ? "\u2264" : ">"} ${role2.value} limit ${yuan(num(limit.max))}`,
      zh: `${yuan(amount.value)} ${within ? "\u2264" : ">"} ${LABELS[role2.value].zh}\u6743\u9650 ${yuan(num(limit.max))}\uFF08${limit.source}\uFF09`
    };
  }
  return ok(within, () => ({
    rule: within ? "art25.3.within" : "art25.3.above",
    article: a.article,
    text: {
      en: `${a.article}: ${because.en} \u2192 ${within ? "TRUE" : "FALSE"}`,
      zh: `${a.article}\uFF1A${because.zh} \u2192 ${within ? "\u6709\u6743\u5BA1\u6279" : "\u8D85\u51FA\u6743\u9650"}`
    },
    values: { role: role2.value, amount: amount.value.toNumber(), within }
  }));
}
function loanApprover(amountRaw, policy = DEFAULT_POLICY) {
  const amount = readNumber(amountRaw, "amount", "money");
  if (!amount.ok) return amount;
  const a = policy.authority;
  const limit = a.limits.find((l) => amount.value.lessThanOrEqualTo(num(l.max)));
  const role2 = limit?.role ?? a.above;
  return ok(role2, () => ({
    rule: limit ? "art25.3.approver" : "art25.3.above",
    article: a.article,
    text: limit ? {
      en: `${a.article}: ${yuan(amount.value)} \u2264 ${yuan(num(limit.max))} \u2192 ${role2}`,
      zh: `${a.article}\uFF1A${yuan(amount.value)} \u2264 ${yuan(num(limit.max))}\uFF08${limit.source}\uFF09\u2192 ${LABELS[role2].zh}`
    } : {
      en: `${a.article}: ${yuan(amount.value)} is above every grade's limit \u2192 ${role2}, jointly responsible for life with the lead customer manager`,
      zh: `${a.article}\uFF1A${yuan(amount.value)} \u8D85\u8FC7\u5404\u7EA7\u5BA2\u6237\u7ECF\u7406\u6743\u9650 \u2192 ${LABELS[role2].zh}\u5BA1\u6279\uFF0C\u4E0E\u4E3B\u529E\u5BA2\u6237\u7ECF\u7406\u5171\u540C\u7EC8\u8EAB\u8D1F\u8D23`
    },
    values: { amount: amount.value.toNumber(), approver: role2 }
  }));
}
var init_authority = __esm({
  "src/rules/authority.ts"() {
    "use strict";
    init_compare();
    init_format();
    init_input();
    init_labels();
    init_policy();
    init_result();
  }
});

// src/rules/tier.ts
function ruleHolds(rule, deposits, loans) {
  const test = (c) => holds(c.field === "deposits" ? deposits : loans, c.op, num(c.value));
  return rule.match === "any" ? rule.conditions.some(test) : rule.conditions.every(test);
}
function clientTier(depositsRaw, loansRaw, policy = DEFAULT_POLICY) {
  const deposits = readNumber(depositsRaw, "deposits", "money");
  if (!deposits.ok) return deposits;
  const loans = readNumber(loansRaw, "loans", "money");
  if (!loans.ok) return loans;
  const rule = policy.tier.find((r) => ruleHolds(r, deposits.value, loans.value));
  if (rule === void 0) {
    return fail(
      "num",
      "deposits",
      `no rule of Art. 12 covers deposits ${deposits.value} and loans ${loans.value}.`,
      `\u7B2C\u5341\u4E8C\u6761\u6CA1\u6709\u8986\u76D6\u5B58\u6B3E ${deposits.value}\u3001\u8D37\u6B3E ${loans.value} \u7684\u89C4\u5B9A\u3002`
    );
  }
  const conditions = rule.conditions.filter(
    (c) => rule.match === "all" || holds(c.field === "deposits" ? deposits.value : loans.value, c.op, num(c.value))
  ).map(
    (c) => `${c.field} ${yuan(c.field === "deposits" ? deposits.value : loans.value)} ${opSymbol(c.op)} ${yuan(num(c.value))}`
  ).join(rule.match === "any" ? " or " : " and ");
  return ok({ grade: rule.grade, gap: rule.gap }, () => ({
    rule: rule.gap ? "art12.gap" : `art12.${rule.grade.toLowerCase()}`,
    article: rule.article,
    text: {
      en: `${rule.article}: ${conditions} \u2192 ${rule.grade}${rule.gap ? " (policy gap: no band covers 3\u20135 million deposits; managed one grade up)" : ""}`,
      zh: `${rule.article}\uFF1A${rule.source} \u2192 ${LABELS[rule.grade].zh}${rule.gap ? "\uFF08\u529E\u6CD5\u7A7A\u767D\uFF1A\u5B58\u6B3E300\u4E07\u2014500\u4E07\u5143\u65E0\u5BF9\u5E94\u6863\u6B21\uFF0C\u7531\u4E0A\u4E00\u7EA7\u7BA1\u7406\uFF09" : ""}`
    },
    values: {
      deposits: deposits.value.toNumber(),
      loans: loans.value.toNumber(),
      grade: rule.grade,
      gap: rule.gap
    }
  }));
}
var init_tier = __esm({
  "src/rules/tier.ts"() {
    "use strict";
    init_compare();
    init_format();
    init_input();
    init_labels();
    init_policy();
    init_result();
  }
});

// src/rules/promotion.ts
function promotionEligible(monthsRaw, depositsRaw, notableRaw, policy = DEFAULT_POLICY) {
  const months = readNumber(monthsRaw, "months_since_hire", "months");
  if (!months.ok) return months;
  const deposits = readNumber(depositsRaw, "avg_daily_deposits", "money");
  if (!deposits.ok) return deposits;
  const notable = readOptionalBoolean(notableRaw, "notable", false);
  if (!notable.ok) return notable;
  const p2 = policy.promotion;
  const window = p2.windows.find(
    (w) => months.value.lessThanOrEqualTo(num(w.maxMonths)) && deposits.value.greaterThanOrEqualTo(num(w.minDeposits))
  );
  const eligible = window !== void 0 || notable.value;
  return ok(eligible, () => ({
    rule: window ? "art21.deposits" : notable.value ? "art21.notable" : "art21.none",
    article: p2.article,
    text: window ? {
      en: `${p2.article}: ${months.value} months \u2264 ${window.maxMonths} and deposits ${yuan(deposits.value)} \u2265 ${yuan(num(window.minDeposits))} \u2192 eligible`,
      zh: `${p2.article}\uFF1A${window.source}\uFF08${months.value} \u4E2A\u6708\uFF0C\u65E5\u5747\u5B58\u6B3E ${yuan(deposits.value)}\uFF09\u2192 \u53EF\u8058\u4E3A\u5BA2\u6237\u7ECF\u7406`
    } : notable.value ? {
      en: `${p2.article}: another notable achievement \u2192 eligible`,
      zh: `${p2.article}\uFF1A\u6709\u5176\u4ED6\u7A81\u51FA\u4E1A\u7EE9 \u2192 \u53EF\u8058\u4E3A\u5BA2\u6237\u7ECF\u7406`
    } : {
      en: `${p2.article}: ${months.value} months, deposits ${yuan(deposits.value)}: no window reached \u2192 not eligible`,
      zh: `${p2.article}\uFF1A${months.value} \u4E2A\u6708\uFF0C\u65E5\u5747\u5B58\u6B3E ${yuan(deposits.value)}\uFF0C\u672A\u8FBE\u5230\u6761\u4EF6 \u2192 \u6682\u4E0D\u7B26\u5408`
    },
    values: {
      months: months.value.toNumber(),
      deposits: deposits.value.toNumber(),
      notable: notable.value,
      eligible
    }
  }));
}
function qualification(passedRaw, depositsRaw, policy = DEFAULT_POLICY) {
  const passed = readBoolean(passedRaw, "exam_passed");
  if (!passed.ok) return passed;
  const q = policy.qualification;
  if (passed.value) {
    return ok("QUALIFIED", () => ({
      rule: "art9.passed",
      article: "Art. 9",
      text: {
        en: "Art. 9: examination passed \u2192 QUALIFIED (grade by the ranking of composite scores)",
        zh: "Art. 9\uFF1A\u8D44\u683C\u8003\u8BD5\u901A\u8FC7 \u2192 \u5408\u683C\uFF08\u6309\u7EFC\u5408\u6210\u7EE9\u6392\u540D\u5B9A\u7EA7\uFF09"
      },
      values: { passed: true }
    }));
  }
  const deposits = readNumber(depositsRaw, "cumulative_avg_deposits", "money");
  if (!deposits.ok) return deposits;
  const provisional = meets(deposits.value, q.provisionalDeposits);
  const result = provisional ? "PROVISIONAL_JUNIOR" : "NOT_QUALIFIED";
  return ok(result, () => ({
    rule: provisional ? "art10.provisional" : "art11.not_qualified",
    article: provisional ? q.provisionalDeposits.article : "Art. 11",
    text: provisional ? {
      en: `Art. 10: failed, but deposits ${yuan(deposits.value)} \u2265 ${yuan(num(q.provisionalDeposits.value))} \u2192 provisionally JUNIOR; must pass within a year or become an AGENT`,
      zh: `Art. 10\uFF1A\u8003\u8BD5\u672A\u901A\u8FC7\uFF0C\u4F46\u7D2F\u8BA1\u65E5\u5747\u5B58\u6B3E ${yuan(deposits.value)} \u2265 ${yuan(num(q.provisionalDeposits.value))} \u2192 \u6682\u8058\u4E3A\u521D\u7EA7\u5BA2\u6237\u7ECF\u7406\uFF0C\u4E00\u5E74\u5185\u987B\u901A\u8FC7\u8003\u8BD5\uFF0C\u5426\u5219\u8F6C\u4E3A\u4E1A\u52A1\u4EE3\u529E\u5458`
    } : {
      en: `Art. 11: failed and deposits ${yuan(deposits.value)} < ${yuan(num(q.provisionalDeposits.value))} \u2192 NOT_QUALIFIED (may be hired as an agent)`,
      zh: `Art. 11\uFF1A\u8003\u8BD5\u672A\u901A\u8FC7\u4E14\u7D2F\u8BA1\u65E5\u5747\u5B58\u6B3E ${yuan(deposits.value)} < ${yuan(num(q.provisionalDeposits.value))} \u2192 \u4E0D\u5408\u683C\uFF08\u53EF\u8058\u4E3A\u4E1A\u52A1\u4EE3\u529E\u5458\uFF09`
    },
    values: { passed: false, deposits: deposits.value.toNumber(), result }
  }));
}
var init_promotion = __esm({
  "src/rules/promotion.ts"() {
    "use strict";
    init_compare();
    init_format();
    init_input();
    init_policy();
    init_result();
    init_compare();
  }
});

// src/rules/index.ts
var init_rules = __esm({
  "src/rules/index.ts"() {
    "use strict";
    init_result();
    init_roles();
    init_policy_types();
    init_policy();
    init_policy_check();
    init_policy_hash();
    init_sha256();
    init_decimal();
    init_input();
    init_compare();
    init_score();
    init_outcome();
    init_grade();
    init_reserve();
    init_authority();
    init_tier();
    init_promotion();
    init_labels();
  }
});

// src/functions/params.ts
function optional(param, defaultText) {
  return { ...param, optional: true, defaultText };
}
var p;
var init_params = __esm({
  "src/functions/params.ts"() {
    "use strict";
    p = {
      role: {
        name: "role",
        kind: "cell",
        optional: false,
        help: {
          en: "Role: BRANCH_HEAD, SENIOR, MID, JUNIOR or AGENT (or \u652F\u884C\u884C\u957F, \u9AD8\u7EA7, \u4E2D\u7EA7, \u521D\u7EA7, \u4EE3\u529E\u5458).",
          zh: "\u8003\u6838\u5BF9\u8C61\uFF1A\u652F\u884C\u884C\u957F\u3001\u9AD8\u7EA7\u3001\u4E2D\u7EA7\u3001\u521D\u7EA7\u3001\u4E1A\u52A1\u4EE3\u529E\u5458\uFF08\u6216 BRANCH_HEAD\u3001SENIOR\u3001MID\u3001JUNIOR\u3001AGENT\uFF09\u3002"
        }
      },
      deposit: {
        name: "deposit",
        kind: "cell",
        optional: false,
        help: {
          en: "Deposit growth as a fraction (30% is 0.3); for JUNIOR the new daily-average deposits in yuan.",
          zh: "\u65B0\u589E\u5B58\u6B3E\u65E5\u5747\u589E\u957F\u7387\uFF0830% \u5373 0.3\uFF09\uFF1B\u521D\u7EA7\u5BA2\u6237\u7ECF\u7406\u586B\u65B0\u589E\u5B58\u6B3E\u65E5\u5747\u91D1\u989D\uFF08\u5143\uFF09\u3002"
        }
      },
      nplRatio: {
        name: "npl_ratio",
        kind: "cell",
        optional: false,
        help: {
          en: "Non-performing loan ratio, 0 to 1 (1.2% is 0.012).",
          zh: "\u4E0D\u826F\u8D37\u6B3E\u7387\uFF0C0 \u5230 1\uFF081.2% \u5373 0.012\uFF09\u3002"
        }
      },
      collectionRate: {
        name: "collection_rate",
        kind: "cell",
        optional: false,
        help: { en: "Loan and interest collection rate, 0 to 1.", zh: "\u6536\u8D37\u6536\u606F\u7387\uFF0C0 \u5230 1\u3002" }
      },
      fourth: {
        name: "fourth",
        kind: "cell",
        optional: false,
        help: {
          en: "BRANCH_HEAD: fee-income growth as a fraction; others: new corporate basic accounts opened.",
          zh: "\u652F\u884C\u884C\u957F\uFF1A\u4E2D\u95F4\u6536\u5165\u589E\u957F\u7387\uFF1B\u5BA2\u6237\u7ECF\u7406\uFF1A\u65B0\u5F00\u5BF9\u516C\u57FA\u672C\u8D26\u6237\u6570\u3002"
        }
      },
      score: {
        name: "score",
        kind: "cell",
        optional: false,
        help: {
          en: "The appraisal score (CM.APPRAISAL_SCORE).",
          zh: "\u8003\u6838\u5F97\u5206\uFF08CM.APPRAISAL_SCORE\uFF09\u3002"
        }
      }
    };
  }
});

// src/functions/to-xl.ts
function xlError(error) {
  return { error: CODE[error.kind], message: error.message.en };
}
function toXl(result, map) {
  return result.ok ? map(result.value) : xlError(result.error);
}
var CODE, asNumber, same;
var init_to_xl = __esm({
  "src/functions/to-xl.ts"() {
    "use strict";
    CODE = { value: "#VALUE!", num: "#NUM!", na: "#N/A" };
    asNumber = (d) => d.toNumber();
    same = (x) => x;
  }
});

// src/functions/table.ts
function outcomeInput(a) {
  return {
    role: cell(a, 0),
    score: cell(a, 1),
    collectionRate: cell(a, 2),
    monthsBelowBase: cell(a, 3),
    violationPoints: cell(a, 4),
    majorViolation: cell(a, 5),
    deposit: cell(a, 6),
    nplRatio: cell(a, 7),
    lossAmount: cell(a, 8),
    priorDemotions: cell(a, 9)
  };
}
function label(code, language) {
  const lang = language === null || language === "" ? "zh" : LANGS.get(String(language).trim().toUpperCase());
  if (lang === void 0) {
    return {
      error: "#VALUE!",
      message: `language must be "zh" or "en"; got ${JSON.stringify(language)}.`
    };
  }
  const key = typeof code === "boolean" ? String(code).toUpperCase() : typeof code === "string" ? code.trim().toUpperCase() : "";
  const text3 = LABELS[key];
  if (text3 === void 0) {
    if (code === null || code === "")
      return { error: "#VALUE!", message: "code is blank; a value is required." };
    return {
      error: "#N/A",
      message: `code ${JSON.stringify(code)} has no label; codes are ${Object.keys(LABELS).join(", ")}.`
    };
  }
  return text3[lang];
}
var cell, list, outcomeParams, scoreParams, scoreInput, LANGS, FUNCTION_TABLE, FUNCTIONS_BY_NAME;
var init_table = __esm({
  "src/functions/table.ts"() {
    "use strict";
    init_rules();
    init_params();
    init_to_xl();
    cell = (args, i) => args[i];
    list = (args, i) => args[i];
    outcomeParams = [
      p.role,
      p.score,
      p.collectionRate,
      optional(
        {
          name: "months_below_base",
          kind: "cell",
          optional: true,
          help: {
            en: "Consecutive months with deposits below 90% of base (SENIOR, MID, JUNIOR).",
            zh: "\u8FDE\u7EED\u4F4E\u4E8E\u57FA\u6570\u5B58\u6B3E90%\u7684\u6708\u6570\uFF08\u5BA2\u6237\u7ECF\u7406\uFF09\u3002"
          }
        },
        "0"
      ),
      optional(
        {
          name: "violation_points",
          kind: "cell",
          optional: true,
          help: { en: "Behaviour-code deduction points.", zh: "\u884C\u4E3A\u89C4\u8303\u8FDD\u89C4\u6263\u5206\u3002" }
        },
        "0"
      ),
      optional(
        {
          name: "major_violation",
          kind: "cell",
          optional: true,
          help: {
            en: "TRUE for a major violation causing major economic loss (\u662F/\u5426).",
            zh: "\u662F\u5426\u4E25\u91CD\u8FDD\u89C4\u8FDD\u7EAA\u9020\u6210\u91CD\u5927\u7ECF\u6D4E\u635F\u5931\uFF08\u662F/\u5426\uFF09\u3002"
          }
        },
        "FALSE"
      ),
      optional(
        {
          ...p.deposit,
          help: {
            en: "BRANCH_HEAD only: deposit growth as a fraction (required for a branch head).",
            zh: "\u4EC5\u652F\u884C\u884C\u957F\uFF1A\u5B58\u6B3E\u589E\u957F\u7387\uFF08\u652F\u884C\u884C\u957F\u5FC5\u586B\uFF09\u3002"
          }
        },
        "\u2014"
      ),
      optional(
        {
          ...p.nplRatio,
          help: {
            en: "BRANCH_HEAD only: NPL ratio (required for a branch head).",
            zh: "\u4EC5\u652F\u884C\u884C\u957F\uFF1A\u4E0D\u826F\u8D37\u6B3E\u7387\uFF08\u652F\u884C\u884C\u957F\u5FC5\u586B\uFF09\u3002"
          }
        },
        "\u2014"
      ),
      optional(
        {
          name: "loss_amount",
          kind: "cell",
          optional: true,
          help: {
            en: "BRANCH_HEAD only: loss from a major safety or responsibility accident, yuan.",
            zh: "\u4EC5\u652F\u884C\u884C\u957F\uFF1A\u91CD\u5927\u5B89\u5168\u3001\u8D23\u4EFB\u4E8B\u6545\u7ECF\u6D4E\u635F\u5931\uFF08\u5143\uFF09\u3002"
          }
        },
        "0"
      ),
      optional(
        {
          name: "prior_demotions",
          kind: "cell",
          optional: true,
          help: {
            en: "BRANCH_HEAD only: 1 if demoted the previous year.",
            zh: "\u4EC5\u652F\u884C\u884C\u957F\uFF1A\u4E0A\u5E74\u5DF2\u964D\u7EA7\u586B 1\u3002"
          }
        },
        "0"
      )
    ];
    scoreParams = [
      p.role,
      p.deposit,
      p.nplRatio,
      p.collectionRate,
      p.fourth
    ];
    scoreInput = (a) => ({
      role: cell(a, 0),
      deposit: cell(a, 1),
      nplRatio: cell(a, 2),
      collectionRate: cell(a, 3),
      fourth: cell(a, 4)
    });
    LANGS = /* @__PURE__ */ new Map([
      ["ZH", "zh"],
      ["ZH-CN", "zh"],
      ["\u4E2D\u6587", "zh"],
      ["EN", "en"],
      ["EN-US", "en"],
      ["ENGLISH", "en"]
    ]);
    FUNCTION_TABLE = [
      {
        name: "APPRAISAL_SCORE",
        article: "Art. 13",
        help: {
          en: "Yearly appraisal score from the four indicators of Art. 13, rounded to 2 decimals.",
          zh: "\u6309\u7B2C\u5341\u4E09\u6761\u56DB\u9879\u6307\u6807\u8BA1\u7B97\u7684\u5E74\u5EA6\u8003\u6838\u5F97\u5206\uFF0C\u4FDD\u7559\u4E24\u4F4D\u5C0F\u6570\u3002"
        },
        params: scoreParams,
        result: { type: "number", help: { en: "Total score.", zh: "\u8003\u6838\u603B\u5206\u3002" } },
        example: { formula: '=CM.APPRAISAL_SCORE("SENIOR", 34%, 0, 99.7%, 8)', result: "110" },
        evaluate: (a, policy) => {
          const r = appraisalScore(scoreInput(a), policy);
          return r.ok ? r.value : xlError(r.error);
        }
      },
      {
        name: "APPRAISAL_BREAKDOWN",
        article: "Art. 13",
        help: {
          en: "The score item by item: deposit, NPL, collection, fourth item and total (a row of 5).",
          zh: "\u5206\u9879\u5F97\u5206\uFF1A\u5B58\u6B3E\u3001\u4E0D\u826F\u7387\u3001\u6536\u8D37\u6536\u606F\u3001\u7B2C\u56DB\u9879\u3001\u603B\u5206\uFF08\u4E00\u884C\u4E94\u5217\uFF09\u3002"
        },
        params: scoreParams,
        width: 5,
        result: {
          type: "number",
          help: {
            en: "Deposit, NPL, collection, fourth, total.",
            zh: "\u5B58\u6B3E\u3001\u4E0D\u826F\u7387\u3001\u6536\u8D37\u6536\u606F\u3001\u7B2C\u56DB\u9879\u3001\u603B\u5206\u3002"
          }
        },
        example: {
          formula: '=CM.APPRAISAL_BREAKDOWN("SENIOR", 34%, 0, 99.7%, 8)',
          result: "48 30 24 8 110"
        },
        evaluate: (a, policy) => {
          const r = scoreBreakdown(scoreInput(a), policy);
          if (!r.ok) return Array(5).fill(xlError(r.error));
          const b = r.value;
          return [b.deposit, b.npl, b.collection, b.fourth, b.total].map(asNumber);
        }
      },
      {
        name: "GRADE_OUTCOME",
        article: "Art. 14",
        help: {
          en: "Art. 14 outcome: RETAIN, DEMOTE or TERMINATE.",
          zh: "\u7B2C\u5341\u56DB\u6761\u8003\u6838\u7ED3\u679C\uFF1ARETAIN \u7559\u4EFB\u3001DEMOTE \u964D\u7EA7\u3001TERMINATE \u89E3\u9664\u52B3\u52A8\u5408\u540C\u3002"
        },
        params: outcomeParams,
        result: {
          type: "string",
          help: { en: "RETAIN, DEMOTE or TERMINATE.", zh: "RETAIN\u3001DEMOTE \u6216 TERMINATE\u3002" }
        },
        example: { formula: '=CM.GRADE_OUTCOME("MID", 85, 99.5%)', result: "DEMOTE" },
        evaluate: (a, policy) => toXl(gradeOutcome(outcomeInput(a), policy), same)
      },
      {
        name: "GRADE_REASON",
        article: "Art. 14",
        help: {
          en: "The Art. 14 rule that decided the outcome, with the values it compared.",
          zh: "\u51B3\u5B9A\u8003\u6838\u7ED3\u679C\u7684\u7B2C\u5341\u56DB\u6761\u89C4\u5219\u53CA\u6BD4\u8F83\u7684\u6570\u503C\u3002"
        },
        params: outcomeParams,
        result: { type: "string", help: { en: "The deciding rule.", zh: "\u51B3\u5B9A\u6027\u89C4\u5219\u3002" } },
        example: {
          formula: '=CM.GRADE_REASON("MID", 84.5, 99.5%)',
          result: "Art. 14(2): score 84.5 \u2264 85 \u2192 DEMOTE"
        },
        evaluate: (a, policy) => {
          const r = gradeOutcome(outcomeInput(a), policy);
          return r.ok ? r.explain().text.en : xlError(r.error);
        }
      },
      {
        name: "NEXT_GRADE",
        article: "Art. 9(2), Art. 24",
        help: {
          en: "The role after the outcome; NONE after TERMINATE.",
          zh: "\u8003\u6838\u7ED3\u679C\u4E4B\u540E\u7684\u7EA7\u522B\uFF1B\u89E3\u9664\u52B3\u52A8\u5408\u540C\u540E\u4E3A NONE\u3002"
        },
        params: [
          p.role,
          {
            name: "outcome",
            kind: "cell",
            optional: false,
            help: { en: "RETAIN, DEMOTE or TERMINATE.", zh: "RETAIN\u3001DEMOTE \u6216 TERMINATE\u3002" }
          }
        ],
        result: { type: "string", help: { en: "A role code, or NONE.", zh: "\u7EA7\u522B\u4EE3\u7801\uFF0C\u6216 NONE\u3002" } },
        example: { formula: '=CM.NEXT_GRADE("SENIOR", "DEMOTE")', result: "MID" },
        evaluate: (a, policy) => toXl(nextGrade(cell(a, 0), cell(a, 1), policy), same)
      },
      {
        name: "MONTHS_BELOW_BASE",
        article: "Art. 14(2)",
        help: {
          en: "Longest run of consecutive months with deposits below 90% of the base deposit.",
          zh: "\u5B58\u6B3E\u8FDE\u7EED\u4F4E\u4E8E\u57FA\u6570\u5B58\u6B3E90%\u7684\u6700\u957F\u6708\u6570\u3002"
        },
        params: [
          {
            name: "monthly_deposits",
            kind: "range",
            optional: false,
            help: { en: "Monthly deposits, a row or column of months.", zh: "\u5404\u6708\u5B58\u6B3E\uFF0C\u4E00\u884C\u6216\u4E00\u5217\u3002" }
          },
          {
            name: "base_deposit",
            kind: "cell",
            optional: false,
            help: { en: "The base deposit (\u57FA\u6570\u5B58\u6B3E), yuan.", zh: "\u57FA\u6570\u5B58\u6B3E\uFF08\u5143\uFF09\u3002" }
          }
        ],
        result: { type: "number", help: { en: "Number of months.", zh: "\u6708\u6570\u3002" } },
        example: { formula: "=CM.MONTHS_BELOW_BASE(B2:M2, 1000000)", result: "3" },
        evaluate: (a, policy) => toXl(monthsBelowBase(list(a, 0), cell(a, 1), policy), same)
      },
      {
        name: "COLLECTION_DUTY",
        article: "Art. 25(1)",
        help: {
          en: "TRUE when the person must leave the post to collect (overall rate below 99.5% or this year's loans below 100%).",
          zh: "\u662F\u5426\u987B\u4E0B\u5C97\u6E05\u6536\uFF08\u6536\u606F\u7387\u4F4E\u4E8E99.5%\u6216\u5F53\u5E74\u65B0\u53D1\u653E\u8D37\u6B3E\u6536\u606F\u7387\u4F4E\u4E8E100%\uFF09\u3002"
        },
        params: [
          p.collectionRate,
          {
            name: "new_loan_collection_rate",
            kind: "cell",
            optional: false,
            help: {
              en: "Collection rate on loans issued this year, 0 to 1.",
              zh: "\u5F53\u5E74\u65B0\u53D1\u653E\u8D37\u6B3E\u6536\u606F\u7387\uFF0C0 \u5230 1\u3002"
            }
          }
        ],
        result: { type: "boolean", help: { en: "TRUE or FALSE.", zh: "TRUE \u6216 FALSE\u3002" } },
        example: { formula: "=CM.COLLECTION_DUTY(99.6%, 99.9%)", result: "TRUE" },
        evaluate: (a, policy) => toXl(collectionDuty(cell(a, 0), cell(a, 1), policy), same)
      },
      {
        name: "RISK_RESERVE",
        article: "Art. 25(2)",
        help: {
          en: "This month's risk-reserve withholding: 20% of income until the cap, to 0.01 yuan.",
          zh: "\u672C\u6708\u98CE\u9669\u91D1\u63D0\u53D6\uFF1A\u6536\u5165\u768420%\uFF0C\u81F3\u4E0A\u9650\u4E3A\u6B62\uFF0C\u7CBE\u786E\u5230\u5206\u3002"
        },
        params: [
          p.role,
          {
            name: "monthly_income",
            kind: "cell",
            optional: false,
            help: { en: "This month's income, yuan.", zh: "\u672C\u6708\u6536\u5165\uFF08\u5143\uFF09\u3002" }
          },
          optional(
            {
              name: "balance",
              kind: "cell",
              optional: true,
              help: { en: "Reserve balance before this month, yuan.", zh: "\u672C\u6708\u524D\u98CE\u9669\u91D1\u4F59\u989D\uFF08\u5143\uFF09\u3002" }
            },
            "0"
          )
        ],
        result: { type: "number", help: { en: "Withholding, yuan.", zh: "\u63D0\u53D6\u91D1\u989D\uFF08\u5143\uFF09\u3002" } },
        example: { formula: '=CM.RISK_RESERVE("JUNIOR", 8000, 4000)', result: "1000" },
        evaluate: (a, policy) => toXl(riskReserve(cell(a, 0), cell(a, 1), cell(a, 2), policy), asNumber)
      },
      {
        name: "RESERVE_SCHEDULE",
        perRangeElement: true,
        article: "Art. 25(2)",
        help: {
          en: "Withholding month by month with the balance carried forward; same shape as the incomes.",
          zh: "\u9010\u6708\u98CE\u9669\u91D1\u63D0\u53D6\uFF0C\u4F59\u989D\u6EDA\u52A8\u7ED3\u8F6C\uFF1B\u5F62\u72B6\u4E0E\u6536\u5165\u533A\u57DF\u76F8\u540C\u3002"
        },
        params: [
          { ...p.role, kind: "cell" },
          {
            name: "monthly_incomes",
            kind: "range",
            optional: false,
            help: { en: "Monthly incomes, a row or column of months.", zh: "\u5404\u6708\u6536\u5165\uFF0C\u4E00\u884C\u6216\u4E00\u5217\u3002" }
          },
          optional(
            {
              name: "opening_balance",
              kind: "cell",
              optional: true,
              help: { en: "Balance before the first month, yuan.", zh: "\u9996\u6708\u524D\u4F59\u989D\uFF08\u5143\uFF09\u3002" }
            },
            "0"
          )
        ],
        result: {
          type: "number",
          help: { en: "Withholding per month, yuan.", zh: "\u6BCF\u6708\u63D0\u53D6\u91D1\u989D\uFF08\u5143\uFF09\u3002" }
        },
        example: { formula: '=CM.RESERVE_SCHEDULE("JUNIOR", B2:M2, 4000)', result: "1000 0 0 \u2026" },
        evaluate: (a, policy) => {
          const incomes = list(a, 1);
          const r = reserveSchedule(cell(a, 0), incomes, cell(a, 2), policy);
          if (!r.ok) return incomes.map(() => xlError(r.error));
          return r.value.map(
            (m) => m === null ? null : m.ok ? m.value.deduction.toNumber() : xlError(m.error)
          );
        }
      },
      {
        name: "RESERVE_REFUND",
        article: "Art. 25(2)",
        help: {
          en: "Reserve returned 6 months after leaving: balance less losses; negative is still owed; 0 before.",
          zh: "\u79BB\u804C\u6216\u8C03\u5C97\u534A\u5E74\u540E\u9000\u8FD8\u7684\u98CE\u9669\u91D1\uFF1A\u4F59\u989D\u51CF\u635F\u5931\uFF1B\u8D1F\u6570\u4E3A\u4ECD\u987B\u8D54\u507F\uFF1B\u672A\u6EE1\u534A\u5E74\u4E3A 0\u3002"
        },
        params: [
          {
            name: "balance",
            kind: "cell",
            optional: false,
            help: { en: "Reserve balance, yuan.", zh: "\u98CE\u9669\u91D1\u4F59\u989D\uFF08\u5143\uFF09\u3002" }
          },
          {
            name: "loss",
            kind: "cell",
            optional: false,
            help: { en: "Losses the person caused, yuan.", zh: "\u672C\u4EBA\u9020\u6210\u7684\u635F\u5931\uFF08\u5143\uFF09\u3002" }
          },
          {
            name: "months_since_leaving",
            kind: "cell",
            optional: false,
            help: { en: "Months since leaving or changing post.", zh: "\u79BB\u804C\u6216\u8C03\u5C97\u540E\u7684\u6708\u6570\u3002" }
          }
        ],
        result: { type: "number", help: { en: "Amount returned, yuan.", zh: "\u9000\u8FD8\u91D1\u989D\uFF08\u5143\uFF09\u3002" } },
        example: { formula: "=CM.RESERVE_REFUND(5000, 1200, 6)", result: "3800" },
        evaluate: (a, policy) => toXl(reserveRefund(cell(a, 0), cell(a, 1), cell(a, 2), policy), asNumber)
      },
      {
        name: "LOAN_AUTHORITY",
        article: "Art. 25(3)",
        help: {
          en: "TRUE when a single loan of this amount is within the role's authority.",
          zh: "\u5355\u7B14\u8D37\u6B3E\u91D1\u989D\u662F\u5426\u5728\u8BE5\u7EA7\u522B\u6743\u9650\u5185\u3002"
        },
        params: [
          p.role,
          {
            name: "amount",
            kind: "cell",
            optional: false,
            help: { en: "Single loan amount, yuan.", zh: "\u5355\u7B14\u8D37\u6B3E\u91D1\u989D\uFF08\u5143\uFF09\u3002" }
          }
        ],
        result: { type: "boolean", help: { en: "TRUE or FALSE.", zh: "TRUE \u6216 FALSE\u3002" } },
        example: { formula: '=CM.LOAN_AUTHORITY("SENIOR", 5000000)', result: "TRUE" },
        evaluate: (a, policy) => toXl(loanAuthority(cell(a, 0), cell(a, 1), policy), same)
      },
      {
        name: "LOAN_APPROVER",
        article: "Art. 25(3)",
        help: {
          en: "The lowest role with authority for a single loan of this amount.",
          zh: "\u5BF9\u8BE5\u91D1\u989D\u5355\u7B14\u8D37\u6B3E\u6709\u6743\u5BA1\u6279\u7684\u6700\u4F4E\u7EA7\u522B\u3002"
        },
        params: [
          {
            name: "amount",
            kind: "cell",
            optional: false,
            help: { en: "Single loan amount, yuan.", zh: "\u5355\u7B14\u8D37\u6B3E\u91D1\u989D\uFF08\u5143\uFF09\u3002" }
          }
        ],
        result: {
          type: "string",
          help: {
            en: "JUNIOR, MID, SENIOR or BRANCH_HEAD.",
            zh: "JUNIOR\u3001MID\u3001SENIOR \u6216 BRANCH_HEAD\u3002"
          }
        },
        example: { formula: "=CM.LOAN_APPROVER(4000000)", result: "SENIOR" },
        evaluate: (a, policy) => toXl(loanApprover(cell(a, 0), policy), same)
      },
      {
        name: "CLIENT_TIER",
        article: "Art. 12",
        help: {
          en: "The lowest grade that may manage a client of this size (3\u20135 million deposits: the policy gap, managed by MID).",
          zh: "\u53EF\u7BA1\u7406\u8BE5\u89C4\u6A21\u5BA2\u6237\u7684\u6700\u4F4E\u7EA7\u522B\uFF08\u5B58\u6B3E300\u4E07\u2014500\u4E07\u5143\u4E3A\u529E\u6CD5\u7A7A\u767D\uFF0C\u7531\u4E2D\u7EA7\u7BA1\u7406\uFF09\u3002"
        },
        params: [
          {
            name: "deposits",
            kind: "cell",
            optional: false,
            help: { en: "Client deposits, yuan.", zh: "\u5BA2\u6237\u5B58\u6B3E\uFF08\u5143\uFF09\u3002" }
          },
          {
            name: "loans",
            kind: "cell",
            optional: false,
            help: { en: "Client loans, yuan.", zh: "\u5BA2\u6237\u8D37\u6B3E\uFF08\u5143\uFF09\u3002" }
          }
        ],
        result: {
          type: "string",
          help: { en: "SENIOR, MID or JUNIOR.", zh: "SENIOR\u3001MID \u6216 JUNIOR\u3002" }
        },
        example: { formula: "=CM.CLIENT_TIER(4000000, 0)", result: "MID" },
        evaluate: (a, policy) => toXl(clientTier(cell(a, 0), cell(a, 1), policy), (t) => t.grade)
      },
      {
        name: "PROMOTION_ELIGIBLE",
        article: "Art. 21",
        help: {
          en: "TRUE when a business agent may be promoted to customer manager.",
          zh: "\u4E1A\u52A1\u4EE3\u529E\u5458\u662F\u5426\u53EF\u8058\u4E3A\u5BA2\u6237\u7ECF\u7406\u3002"
        },
        params: [
          {
            name: "months_since_hire",
            kind: "cell",
            optional: false,
            help: { en: "Months since the agent was hired.", zh: "\u8058\u7528\u4EE5\u6765\u7684\u6708\u6570\u3002" }
          },
          {
            name: "avg_daily_deposits",
            kind: "cell",
            optional: false,
            help: { en: "Daily-average deposits, yuan.", zh: "\u65E5\u5747\u5B58\u6B3E\uFF08\u5143\uFF09\u3002" }
          },
          optional(
            {
              name: "notable",
              kind: "cell",
              optional: true,
              help: {
                en: "TRUE for another notable achievement (\u662F/\u5426).",
                zh: "\u662F\u5426\u6709\u5176\u4ED6\u7A81\u51FA\u4E1A\u7EE9\uFF08\u662F/\u5426\uFF09\u3002"
              }
            },
            "FALSE"
          )
        ],
        result: { type: "boolean", help: { en: "TRUE or FALSE.", zh: "TRUE \u6216 FALSE\u3002" } },
        example: { formula: "=CM.PROMOTION_ELIGIBLE(5, 8000000)", result: "TRUE" },
        evaluate: (a, policy) => toXl(promotionEligible(cell(a, 0), cell(a, 1), cell(a, 2), policy), same)
      },
      {
        name: "QUALIFICATION",
        article: "Art. 9\u201311",
        help: {
          en: "QUALIFIED, PROVISIONAL_JUNIOR (failed, deposits \u2265 3 million) or NOT_QUALIFIED.",
          zh: "QUALIFIED \u5408\u683C\u3001PROVISIONAL_JUNIOR \u6682\u8058\u521D\u7EA7\uFF08\u672A\u901A\u8FC7\u4F46\u5B58\u6B3E300\u4E07\u5143\u4EE5\u4E0A\uFF09\u6216 NOT_QUALIFIED \u4E0D\u5408\u683C\u3002"
        },
        params: [
          {
            name: "exam_passed",
            kind: "cell",
            optional: false,
            help: {
              en: "TRUE if the qualification examination was passed (\u662F/\u5426).",
              zh: "\u8D44\u683C\u8003\u8BD5\u662F\u5426\u901A\u8FC7\uFF08\u662F/\u5426\uFF09\u3002"
            }
          },
          {
            name: "cumulative_avg_deposits",
            kind: "cell",
            optional: false,
            help: {
              en: "Cumulative daily-average deposits, yuan (read when the examination was failed).",
              zh: "\u7D2F\u8BA1\u65E5\u5747\u5B58\u6B3E\uFF08\u5143\uFF0C\u8003\u8BD5\u672A\u901A\u8FC7\u65F6\u8BFB\u53D6\uFF09\u3002"
            }
          }
        ],
        result: { type: "string", help: { en: "A qualification code.", zh: "\u8D44\u683C\u4EE3\u7801\u3002" } },
        example: { formula: "=CM.QUALIFICATION(FALSE, 3000000)", result: "PROVISIONAL_JUNIOR" },
        evaluate: (a, policy) => toXl(qualification(cell(a, 0), cell(a, 1), policy), same)
      },
      {
        name: "LABEL",
        article: "",
        help: {
          en: "The Chinese or English label of a code any CM function returns.",
          zh: "CM \u51FD\u6570\u8FD4\u56DE\u4EE3\u7801\u7684\u4E2D\u6587\u6216\u82F1\u6587\u540D\u79F0\u3002"
        },
        params: [
          {
            name: "code",
            kind: "cell",
            optional: false,
            help: { en: "A code such as DEMOTE or SENIOR.", zh: "\u4EE3\u7801\uFF0C\u5982 DEMOTE\u3001SENIOR\u3002" }
          },
          optional(
            {
              name: "language",
              kind: "cell",
              optional: true,
              help: { en: '"zh" (default) or "en".', zh: '"zh"\uFF08\u9ED8\u8BA4\uFF09\u6216 "en"\u3002' }
            },
            '"zh"'
          )
        ],
        result: { type: "string", help: { en: "The label.", zh: "\u540D\u79F0\u3002" } },
        example: { formula: '=CM.LABEL("DEMOTE")', result: "\u964D\u7EA7" },
        evaluate: (a) => label(cell(a, 0), cell(a, 1))
      },
      {
        name: "POLICY_VERSION",
        article: "",
        help: {
          en: "The active policy's name, version and content hash.",
          zh: "\u5F53\u524D\u8003\u6838\u529E\u6CD5\u7684\u540D\u79F0\u3001\u7248\u672C\u548C\u5185\u5BB9\u54C8\u5E0C\u3002"
        },
        params: [],
        result: {
          type: "string",
          help: { en: "Name, version and SHA-256.", zh: "\u540D\u79F0\u3001\u7248\u672C\u548C SHA-256\u3002" }
        },
        example: {
          formula: "=CM.POLICY_VERSION()",
          result: "\u5546\u4E1A\u94F6\u884C\u5BA2\u6237\u7ECF\u7406\u8003\u6838\u7BA1\u7406\u529E\u6CD5 1.0.0 sha256:\u2026"
        },
        evaluate: (_a, policy) => policyVersionText(policy)
      }
    ];
    FUNCTIONS_BY_NAME = new Map(
      FUNCTION_TABLE.map((f) => [f.name, f])
    );
  }
});

// src/functions/xl.ts
function isXlError(x) {
  return typeof x === "object" && x !== null && "error" in x && "message" in x;
}
var init_xl = __esm({
  "src/functions/xl.ts"() {
    "use strict";
  }
});

// src/functions/runner.ts
function valueError(message) {
  return { error: "#VALUE!", message };
}
function rowsOf(arg) {
  if (Array.isArray(arg)) return arg.length === 0 ? [[null]] : arg;
  return [[arg ?? null]];
}
function shapeText(rows) {
  return `${rows.length}\xD7${rows[0]?.length ?? 0}`;
}
function flatList(rows, param) {
  if (rows.length === 1) return rows[0];
  if (rows.every((r) => r.length === 1)) return rows.map((r) => r[0]);
  return valueError(`${param} must be one row or one column; got ${shapeText(rows)}.`);
}
function upstream(x) {
  if (x === null || typeof x !== "object") return void 0;
  return isXlError(x) ? x : valueError("argument is not a single value.");
}
function runRangeFunction(spec, args, policy) {
  const values = [];
  let shape;
  for (let i = 0; i < spec.params.length; i++) {
    const param = spec.params[i];
    const rows = args[i];
    if (param.kind === "range") {
      const flat = flatList(rows, param.name);
      if (isXlError(flat)) return flat;
      shape = rows;
      values.push(flat);
    } else {
      if (rows.length !== 1 || rows[0].length !== 1)
        return valueError(`${param.name} must be a single cell; got ${shapeText(rows)}.`);
      const bad2 = upstream(rows[0][0]);
      if (bad2) return bad2;
      values.push(rows[0][0]);
    }
  }
  const out = spec.evaluate(values, policy);
  if (!Array.isArray(out)) return out;
  const results = out;
  if (shape === void 0 || shape.length === 1) return [results.slice()];
  return results.map((x) => [x]);
}
function runLifted(spec, args, policy) {
  let rows = 1;
  let cols = 1;
  let single = true;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const r = a.length;
    const c = a[0].length;
    if (r === 1 && c === 1) continue;
    if (single) {
      rows = r;
      cols = c;
      single = false;
    } else if (r !== rows || c !== cols) {
      return valueError(
        `${spec.params[i].name} is ${r}\xD7${c} but another range is ${rows}\xD7${cols}; ranges in one call must have the same shape or be a single cell.`
      );
    }
  }
  const width = spec.width ?? 1;
  const n = args.length;
  const scalars = new Array(n);
  const broadcast = args.map((a) => a.length === 1 && a[0].length === 1);
  const out = new Array(rows);
  for (let r = 0; r < rows; r++) {
    const line = new Array(cols * width);
    for (let c = 0; c < cols; c++) {
      let bad2;
      for (let i = 0; i < n; i++) {
        const v = broadcast[i] ? args[i][0][0] : args[i][r][c];
        if (v !== null && typeof v === "object") bad2 ??= upstream(v);
        scalars[i] = v;
      }
      const result = bad2 ?? spec.evaluate(scalars, policy);
      if (width === 1) line[c] = result;
      else
        for (let k = 0; k < width; k++)
          line[c * width + k] = Array.isArray(result) ? result[k] : result;
    }
    out[r] = line;
  }
  if (single && width === 1) return out[0][0];
  return out;
}
function invoke(name, args, policy = DEFAULT_POLICY) {
  const spec = FUNCTIONS_BY_NAME.get(name.toUpperCase());
  if (spec === void 0) return valueError(`CM.${name} is not a CM function.`);
  if (args.length > spec.params.length) {
    return valueError(`CM.${spec.name} takes ${spec.params.length} arguments; got ${args.length}.`);
  }
  const rows = spec.params.map((_, i) => rowsOf(args[i]));
  return spec.params.some((p2) => p2.kind === "range") ? runRangeFunction(spec, rows, policy) : runLifted(spec, rows, policy);
}
var init_runner = __esm({
  "src/functions/runner.ts"() {
    "use strict";
    init_rules();
    init_table();
    init_xl();
  }
});

// src/functions/index.ts
var functions_exports = {};
__export(functions_exports, {
  FUNCTIONS_BY_NAME: () => FUNCTIONS_BY_NAME,
  FUNCTION_TABLE: () => FUNCTION_TABLE,
  invoke: () => invoke,
  isXlError: () => isXlError
});
var init_functions = __esm({
  "src/functions/index.ts"() {
    "use strict";
    init_table();
    init_runner();
    init_xl();
  }
});

// src/engine/default-functions.ts
function engineFunctionSpec(entry) {
  const params = entry.params.map((p2) => ({
    name: p2.name,
    optional: p2.optional,
    range: p2.kind === "range"
  }));
  const rangeAt = params.findIndex((p2) => p2.range);
  const width = entry.width ?? 1;
  let resultShape = entry.resultShape;
  if (!resultShape && rangeAt >= 0 && entry.perRangeElement === true) {
    resultShape = (shapes) => shapes[rangeAt] ?? { rows: 1, cols: 1 };
  } else if (!resultShape && width > 1) {
    resultShape = (shapes) => {
      const b = shapes.reduce(
        (s, x, i) => params[i]?.range ? s : { rows: Math.max(s.rows, x.rows), cols: Math.max(s.cols, x.cols) },
        { rows: 1, cols: 1 }
      );
      return { rows: b.rows, cols: b.cols * width };
    };
  }
  return resultShape ? { name: entry.name, params, resultShape } : { name: entry.name, params };
}
function defaultFunctionSet() {
  if (!cached) {
    const fns = (init_functions(), __toCommonJS(functions_exports));
    const table = fns.FUNCTION_TABLE.map(engineFunctionSpec);
    cached = { table, invoke: (name, args) => fns.invoke(name, args) };
  }
  return cached;
}
var cached;
var init_default_functions = __esm({
  "src/engine/default-functions.ts"() {
    "use strict";
  }
});

// src/engine/errors.ts
var EngineFileError;
var init_errors = __esm({
  "src/engine/errors.ts"() {
    "use strict";
    EngineFileError = class extends Error {
      constructor(message, path, options) {
        super(message);
        this.path = path;
        this.name = "EngineFileError";
        if (options?.cause !== void 0) this.cause = options.cause;
      }
    };
  }
});

// src/engine/a1.ts
function columnLetters(col) {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
function columnIndex(letters) {
  let n = 0;
  for (let i = 0; i < letters.length; i++) {
    const c = letters.charCodeAt(i) | 32;
    if (c < 97 || c > 122) return -1;
    n = n * 26 + (c - 96);
  }
  return n >= 1 && n <= MAX_COLUMNS ? n - 1 : -1;
}
function formatCell(row, col) {
  return columnLetters(col) + (row + 1);
}
function parseCell(text3) {
  const m = CELL.exec(text3);
  if (!m) return void 0;
  const col = columnIndex(m[1]);
  const row = Number(m[2]) - 1;
  if (col < 0 || row < 0 || row >= MAX_ROWS) return void 0;
  return { row, col };
}
function parseRange(text3) {
  const [a, b] = text3.split(":");
  const start = parseCell(a);
  const end = b === void 0 ? start : parseCell(b);
  if (!start || !end) return void 0;
  return {
    top: Math.min(start.row, end.row),
    left: Math.min(start.col, end.col),
    bottom: Math.max(start.row, end.row),
    right: Math.max(start.col, end.col)
  };
}
function formatRange(r, absolute = false) {
  const d = absolute ? "$" : "";
  const a = `${d}${columnLetters(r.left)}${d}${r.top + 1}`;
  if (r.top === r.bottom && r.left === r.right) return a;
  return `${a}:${d}${columnLetters(r.right)}${d}${r.bottom + 1}`;
}
function quoteSheet(name) {
  return `'${name.replace(/'/g, "''")}'`;
}
var MAX_ROWS, MAX_COLUMNS, CELL;
var init_a1 = __esm({
  "src/engine/a1.ts"() {
    "use strict";
    MAX_ROWS = 1048576;
    MAX_COLUMNS = 16384;
    CELL = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/;
  }
});

// src/engine/data-validations.ts
function compactDataValidations(ws) {
  const holder = ws.dataValidations;
  const model = holder.model;
  const groups = /* @__PURE__ */ new Map();
  const kept = {};
  for (const [address, validation] of Object.entries(model)) {
    if (validation === void 0) continue;
    const m = CELL2.exec(address);
    if (m === null) {
      kept[address] = validation;
      continue;
    }
    const key = JSON.stringify(validation);
    let g = groups.get(key);
    if (g === void 0) {
      g = { validation, cells: [] };
      groups.set(key, g);
    }
    g.cells.push({ col: m[1], row: Number(m[2]) });
  }
  for (const { validation, cells } of groups.values()) {
    cells.sort(
      (a, b) => a.col === b.col ? a.row - b.row : a.col.length - b.col.length || (a.col < b.col ? -1 : 1)
    );
    const runs = [];
    for (const c of cells) {
      const last = runs[runs.length - 1];
      if (last !== void 0 && last.col === c.col && last.bottom + 1 === c.row)
        last.bottom = c.row;
      else runs.push({ col: c.col, top: c.row, bottom: c.row });
    }
    for (const r of runs) {
      kept[r.top === r.bottom ? `${r.col}${r.top}` : `${r.col}${r.top}:${r.col}${r.bottom}`] = validation;
    }
  }
  holder.model = kept;
}
var CELL2;
var init_data_validations = __esm({
  "src/engine/data-validations.ts"() {
    "use strict";
    CELL2 = /^([A-Z]{1,3})(\d+)$/;
  }
});

// src/engine/lexer.ts
function tokenize(formula) {
  const tokens = [];
  let i = 0;
  const n = formula.length;
  while (i < n) {
    if (formula.charCodeAt(i) === 91) {
      const end = bracketEnd(formula, i);
      tokens.push({ kind: "bracket", text: formula.slice(i, end) });
      i = end;
      continue;
    }
    STICKY.lastIndex = i;
    const m = STICKY.exec(formula);
    if (!m) {
      tokens.push({ kind: "other", text: formula[i] });
      i++;
      continue;
    }
    let kind = "other";
    for (let g = 1; g <= GROUP_KINDS.length; g++) {
      if (m[g] !== void 0) {
        kind = GROUP_KINDS[g - 1];
        break;
      }
    }
    if (kind === "other") kind = PUNCTUATION[m[0]] ?? "other";
    tokens.push({ kind, text: m[0] });
    i += m[0].length;
  }
  return tokens;
}
function bracketEnd(text3, start) {
  let depth = 0;
  for (let i = start; i < text3.length; i++) {
    const c = text3[i];
    if (c === "'") {
      i++;
    } else if (c === "[") {
      depth++;
    } else if (c === "]") {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return text3.length;
}
function unquoteString(text3) {
  return text3.slice(1, text3.endsWith('"') && text3.length > 1 ? -1 : void 0).replace(/""/g, '"');
}
function unquoteSheet(text3) {
  return text3.slice(1, text3.endsWith("'") && text3.length > 1 ? -1 : void 0).replace(/''/g, "'");
}
var STICKY, GROUP_KINDS, PUNCTUATION;
var init_lexer = __esm({
  "src/engine/lexer.ts"() {
    "use strict";
    STICKY = /("(?:[^"]|"")*"?)|('(?:[^']|'')*'?)|(#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|UNKNOWN!|CONNECT!|BUSY!|[A-Z]+[!?]?))|(\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)|([\p{L}_\\$][\p{L}\p{N}\p{M}_.$\\?]*)|(\s+)|(<=|>=|<>|[-+*/^&=<>%@])|([(),:;!{}])/uy;
    GROUP_KINDS = [
      "string",
      "quoted",
      "error",
      "number",
      "word",
      "space",
      "op",
      "other"
      // punctuation, refined below
    ];
    PUNCTUATION = {
      "(": "lparen",
      ")": "rparen",
      ",": "comma",
      ":": "colon",
      ";": "semicolon",
      "!": "bang",
      "{": "lbrace",
      "}": "rbrace"
    };
  }
});

// src/engine/structured-ref.ts
function indexTables(tables) {
  const entries = tables.flatMap((table) => {
    const range = parseRange(table.ref);
    return range ? [{ table, range }] : [];
  });
  const names = new Map(entries.map((e) => [e.table.name.toLowerCase(), e]));
  return {
    byName: (name) => names.get(name.toLowerCase()),
    containing: (site) => entries.find(
      ({ table, range: r }) => table.sheet.toLowerCase() === site.sheet.toLowerCase() && site.row >= r.top && site.row <= r.bottom && site.col >= r.left && site.col <= r.right
    )
  };
}
function resolveStructuredRef(tableName, bracket, site, tables) {
  const shown2 = `${tableName ?? ""}${bracket}`;
  const found = tableName ? tables.byName(tableName) : tables.containing(site);
  if (!found) {
    return tableName ? fail2(`structured reference to unknown table ${tableName}`) : fail2(`structured reference ${shown2} is not inside a table`);
  }
  const { table, range } = found;
  const spec = parseSpec(bracket.slice(1, -1));
  if (typeof spec === "string") return fail2(`cannot read structured reference ${shown2}: ${spec}`);
  let left = range.left;
  let right = range.right;
  if (spec.columns.length > 0) {
    const idx = spec.columns.map((c) => findColumn(table, c));
    const missing = idx.findIndex((i) => i < 0);
    if (missing >= 0) return fail2(`table ${table.name} has no column ${spec.columns[missing]}`);
    left = range.left + Math.min(...idx);
    right = range.left + Math.max(...idx);
  }
  const dataTop = range.top + (table.headerRow ? 1 : 0);
  const dataBottom = range.bottom - (table.totalsRow ? 1 : 0);
  const s = spec.specials;
  let top;
  let bottom;
  if (s.has("#this row")) {
    if (s.size > 1) return fail2(`#This Row cannot be combined with other items in ${shown2}`);
    if (site.sheet.toLowerCase() !== table.sheet.toLowerCase() || site.row < dataTop || site.row > dataBottom) {
      return fail2(
        `${shown2} refers to this row, but row ${site.row + 1} is not a data row of ${table.name}`
      );
    }
    top = bottom = site.row;
  } else if (s.has("#all")) {
    top = range.top;
    bottom = range.bottom;
  } else {
    const wantHeaders = s.has("#headers");
    const wantTotals = s.has("#totals");
    const wantData = s.has("#data") || !wantHeaders && !wantTotals;
    if (wantHeaders && !table.headerRow) return fail2(`table ${table.name} has no header row`);
    if (wantTotals && !table.totalsRow) return fail2(`table ${table.name} has no totals row`);
    if (wantHeaders && wantTotals && !wantData) return fail2(`${shown2} is not one range`);
    top = wantHeaders ? range.top : wantData ? dataTop : range.bottom;
    bottom = wantTotals ? range.bottom : wantData ? dataBottom : range.top;
  }
  const a = `$${columnLetters(left)}$${top + 1}`;
  const b = `$${columnLetters(right)}$${bottom + 1}`;
  return `${quoteSheet(table.sheet)}!${a === b ? a : `${a}:${b}`}`;
}
function fail2(message) {
  return { error: "#VALUE!", message: message.charAt(0).toUpperCase() + message.slice(1) };
}
function findColumn(table, name) {
  const want = name.trim().toLowerCase();
  return table.columns.findIndex((c) => c.trim().toLowerCase() === want);
}
function parseSpec(inner) {
  const spec = { specials: /* @__PURE__ */ new Set(), columns: [] };
  let s = inner.trim();
  if (s.startsWith("@")) {
    spec.specials.add("#this row");
    s = s.slice(1).trim();
    if (s === "") return spec;
  }
  if (s === "") return spec;
  if (!s.startsWith("[")) return addItem(spec, s, false);
  let i = 0;
  let span = false;
  while (i < s.length) {
    if (s[i] !== "[") return `unexpected '${s[i]}'`;
    const end = segmentEnd(s, i);
    if (end < 0) return "unclosed [";
    const err = addItem(spec, s.slice(i + 1, end), span);
    if (typeof err === "string") return err;
    i = end + 1;
    while (s[i] === " ") i++;
    if (i >= s.length) break;
    if (s[i] !== "," && s[i] !== ":") return `unexpected '${s[i]}'`;
    span = s[i] === ":";
    i++;
    while (s[i] === " ") i++;
  }
  return spec;
}
function segmentEnd(s, start) {
  for (let i = start + 1; i < s.length; i++) {
    if (s[i] === "'") i++;
    else if (s[i] === "]") return i;
  }
  return -1;
}
function addItem(spec, raw, span) {
  const text3 = raw.trim();
  const lower = text3.toLowerCase();
  if (lower.startsWith("#")) {
    if (!SPECIALS.has(lower)) return `unknown item [${text3}]`;
    spec.specials.add(lower);
    return spec;
  }
  const name = text3.replace(/'(.)/g, "$1");
  if (spec.columns.length > 0 && !span) return "more than one column without a span";
  if (span && spec.columns.length !== 1) return "a column span needs two columns";
  spec.columns.push(name);
  return spec;
}
var SPECIALS;
var init_structured_ref = __esm({
  "src/engine/structured-ref.ts"() {
    "use strict";
    init_a1();
    SPECIALS = /* @__PURE__ */ new Set([
      "#all",
      "#data",
      "#headers",
      "#totals",
      "#this row"
    ]);
  }
});

// src/engine/dialect.ts
function canonicalFunctionName(word) {
  let upper = word.toUpperCase();
  for (; ; ) {
    if (upper.startsWith("_XLFN.") || upper.startsWith("_XLWS.")) upper = upper.slice(6);
    else break;
  }
  if (upper.startsWith(UDF_PREFIX.toUpperCase())) {
    return `${CM_NAMESPACE}.${upper.slice(UDF_PREFIX.length)}`;
  }
  return upper;
}
function savedFunctionName(canonical, typed) {
  if (canonical.startsWith(`${CM_NAMESPACE}.`)) {
    return UDF_PREFIX + canonical.slice(CM_NAMESPACE.length + 1);
  }
  if (typed.toUpperCase().startsWith("_XL")) return typed;
  if (WORKSHEET_FUNCTIONS.has(canonical)) return `_xlfn._xlws.${canonical}`;
  if (FUTURE_FUNCTIONS.has(canonical)) return `_xlfn.${canonical}`;
  return typed;
}
function toTypedFormula(saved) {
  const tokens = tokenize(saved);
  let out = "";
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind === "word" && isCall(tokens, i)) {
      const canonical = canonicalFunctionName(t.text);
      out += canonical.startsWith(`${CM_NAMESPACE}.`) || t.text.startsWith("_") ? canonical : t.text;
    } else {
      out += t.text;
    }
  }
  return out;
}
function toSavedFormula(typed) {
  const tokens = tokenize(typed.startsWith("=") ? typed.slice(1) : typed);
  let out = "";
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    out += t.kind === "word" && isCall(tokens, i) ? savedFunctionName(canonicalFunctionName(t.text), t.text) : t.text;
  }
  return out;
}
function indexNames(names) {
  const map = new Map(names.map((n) => [n.name.toLowerCase(), n.refersTo]));
  return { get: (name) => map.get(name.toLowerCase()) };
}
function toHyperFormula(saved, ctx, depth = 0) {
  const tokens = tokenize(saved);
  let out = "";
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const next = tokens[i + 1];
    switch (t.kind) {
      case "word": {
        if (next?.kind === "lparen") {
          const name = canonicalFunctionName(t.text);
          if (ctx.isFunction && !ctx.isFunction(name)) {
            return { error: "#NAME?", message: `Unknown function ${name}` };
          }
          out += name;
        } else if (next?.kind === "bang") {
          out += `${quoteSheet(t.text)}!`;
          i++;
        } else if (next?.kind === "bracket") {
          const ref = resolveStructuredRef(t.text, next.text, ctx.site, ctx.tables);
          if (typeof ref !== "string") return ref;
          out += ref;
          i++;
        } else {
          const r = referenceOrName(tokens, i, ctx, depth);
          if (typeof r !== "string") return r;
          out += r;
        }
        break;
      }
      case "quoted":
        if (t.text.startsWith("'[")) return externalReference();
        out += t.text;
        break;
      case "bracket": {
        if (next && (next.kind === "word" || next.kind === "quoted") && tokens[i + 2]?.kind === "bang") {
          return externalReference();
        }
        const ref = resolveStructuredRef(void 0, t.text, ctx.site, ctx.tables);
        if (typeof ref !== "string") return ref;
        out += ref;
        break;
      }
      case "op":
        if (t.text !== "@") out += t.text;
        break;
      default:
        out += t.text;
    }
  }
  return out;
}
function externalReference() {
  return { error: "#REF!", message: "References to other workbooks are not supported" };
}
function referenceOrName(tokens, i, ctx, depth) {
  const text3 = tokens[i].text;
  const upper = text3.toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") return `${upper}()`;
  if (parseCell(text3)) return text3;
  const nearColon = tokens[i - 1]?.kind === "colon" || tokens[i + 1]?.kind === "colon";
  if (nearColon && (COLUMN_ONLY.test(text3) || ROW_ONLY.test(text3))) return text3;
  const refersTo = ctx.names.get(text3);
  if (refersTo === void 0) return { error: "#NAME?", message: `Unknown name ${text3}` };
  if (depth > 8) return { error: "#NAME?", message: `Name ${text3} refers to itself` };
  const inner = toHyperFormula(refersTo, ctx, depth + 1);
  if (typeof inner !== "string") return inner;
  return SIMPLE_REF.test(inner.trim()) ? inner.trim() : `(${inner})`;
}
function shiftFormula(formula, dRow, dCol) {
  if (dRow === 0 && dCol === 0) return formula;
  const tokens = tokenize(formula);
  let out = "";
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const next = tokens[i + 1]?.kind;
    const isRef = (t.kind === "word" || t.kind === "number") && next !== "lparen" && next !== "bang" && next !== "bracket";
    if (!isRef) {
      out += t.text;
      continue;
    }
    const nearColon = tokens[i - 1]?.kind === "colon" || next === "colon";
    out += shiftReference(t.text, dRow, dCol, nearColon);
  }
  return out;
}
function shiftReference(text3, dRow, dCol, nearColon) {
  const m = CELL_PARTS.exec(text3);
  if (m && parseCell(text3)) {
    const col = m[1] ? columnIndex(m[2]) : columnIndex(m[2]) + dCol;
    const row = m[3] ? Number(m[4]) - 1 : Number(m[4]) - 1 + dRow;
    if (col < 0 || col >= MAX_COLUMNS || row < 0 || row >= MAX_ROWS) return "#REF!";
    return `${m[1]}${columnLetters(col)}${m[3]}${row + 1}`;
  }
  if (!nearColon) return text3;
  if (COLUMN_ONLY.test(text3)) {
    if (text3.startsWith("$")) return text3;
    const col = columnIndex(text3) + dCol;
    return col < 0 || col >= MAX_COLUMNS ? "#REF!" : columnLetters(col);
  }
  if (ROW_ONLY.test(text3)) {
    if (text3.startsWith("$")) return text3;
    const row = Number(text3) - 1 + dRow;
    return row < 0 || row >= MAX_ROWS ? "#REF!" : String(row + 1);
  }
  return text3;
}
var CM_NAMESPACE, UDF_PREFIX, FUTURE_FUNCTIONS, WORKSHEET_FUNCTIONS, isCall, COLUMN_ONLY, ROW_ONLY, SIMPLE_REF, CELL_PARTS;
var init_dialect = __esm({
  "src/engine/dialect.ts"() {
    "use strict";
    init_a1();
    init_lexer();
    init_structured_ref();
    CM_NAMESPACE = "CM";
    UDF_PREFIX = `_xldudf_${CM_NAMESPACE}_`;
    FUTURE_FUNCTIONS = new Set(
      "AGGREGATE BITAND BITOR BITXOR CEILING.MATH CONCAT DAYS FLOOR.MATH FORMULATEXT IFNA IFS ISFORMULA ISOWEEKNUM LET MAXIFS MINIFS NORM.DIST NORM.INV NORM.S.DIST PERCENTILE.EXC PERCENTILE.INC QUARTILE.INC RANDARRAY SEQUENCE SHEET SHEETS SORTBY STDEV.P STDEV.S SWITCH TEXTJOIN UNIQUE VAR.P VAR.S XLOOKUP XMATCH XOR CHOOSECOLS CHOOSEROWS TAKE DROP VSTACK HSTACK TEXTBEFORE TEXTAFTER TEXTSPLIT TOCOL TOROW WRAPROWS WRAPCOLS LAMBDA MODE.SNGL RANK.EQ".split(" ")
    );
    WORKSHEET_FUNCTIONS = /* @__PURE__ */ new Set(["FILTER", "SORT"]);
    isCall = (tokens, i) => tokens[i + 1]?.kind === "lparen";
    COLUMN_ONLY = /^\$?[A-Za-z]{1,3}$/;
    ROW_ONLY = /^\$?\d+$/;
    SIMPLE_REF = /^('(?:[^']|'')*'!)?\$?[A-Za-z]{1,3}\$?\d+(:\$?[A-Za-z]{1,3}\$?\d+)?$/;
    CELL_PARTS = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)$/;
  }
});

// src/engine/cm-plugin.ts
function registeredName(spec) {
  return `${CM_NAMESPACE}.${spec.name.toUpperCase()}`;
}
function toXlScalar(v) {
  if (v === import_hyperformula.EmptyValue || v === void 0 || v === null) return null;
  if (v instanceof import_hyperformula.CellError) return v;
  switch (typeof v) {
    case "number":
    case "string":
    case "boolean":
      return v;
    default:
      return typeof v.val === "number" ? v.val : null;
  }
}
function readArg(v) {
  if (v instanceof import_hyperformula.SimpleRangeValue) {
    const data = v.rawData();
    let errors;
    const rows = data.map(
      (row, r) => row.map((cell2, c) => {
        const x2 = toXlScalar(cell2);
        if (!(x2 instanceof import_hyperformula.CellError)) return x2;
        errors ??= data.map((d) => new Array(d.length));
        errors[r][c] = x2;
        return null;
      })
    );
    return { value: rows, shape: { rows: v.height(), cols: v.width() }, errors };
  }
  const x = toXlScalar(v);
  return x instanceof import_hyperformula.CellError ? { value: null, shape: SCALAR_SHAPE, errors: [[x]] } : { value: x, shape: SCALAR_SHAPE };
}
function broadcastShape(spec, shapes) {
  if (spec.resultShape) return spec.resultShape(shapes);
  let rows = 1;
  let cols = 1;
  shapes.forEach((s, i) => {
    if (spec.params[i]?.range) return;
    rows = Math.max(rows, s.rows);
    cols = Math.max(cols, s.cols);
  });
  return { rows, cols };
}
function toCellError(e) {
  return new import_hyperformula.CellError(ERROR_TYPES[e.error] ?? import_hyperformula.ErrorType.VALUE, e.message);
}
function outValue(x) {
  if (x === void 0)
    return new import_hyperformula.CellError(import_hyperformula.ErrorType.NA, "No value at this position of the result");
  if (x === null) return import_hyperformula.EmptyValue;
  if (isXlError(x)) return toCellError(x);
  return x;
}
function toInterpreterValue(result, size) {
  if (!Array.isArray(result)) {
    const v = outValue(result);
    if (size.rows === 1 && size.cols === 1) return v;
    return import_hyperformula.SimpleRangeValue.onlyValues(
      Array.from({ length: size.rows }, () => new Array(size.cols).fill(v))
    );
  }
  if (size.rows === 1 && size.cols === 1) return outValue(result[0]?.[0]);
  const data = [];
  for (let r = 0; r < size.rows; r++) {
    const src = result[r];
    const row = new Array(size.cols);
    for (let c = 0; c < size.cols; c++) row[c] = outValue(src?.[c]);
    data.push(row);
  }
  return import_hyperformula.SimpleRangeValue.onlyValues(data);
}
function errorAt(arg, r, c) {
  if (!arg.errors) return void 0;
  const rr = arg.shape.rows === 1 ? 0 : r;
  const cc = arg.shape.cols === 1 ? 0 : c;
  return arg.errors[rr]?.[cc];
}
function overlayErrors(value, spec, args, broadcast, size) {
  const lifted = args.filter((a, i) => a.errors && !spec.params[i]?.range);
  if (lifted.length === 0) return value;
  const sameShape = size.rows === broadcast.rows && size.cols === broadcast.cols;
  const byRow = !sameShape && size.rows === broadcast.rows && broadcast.cols === 1;
  const at = (r, c) => {
    for (const a of lifted) {
      const e = sameShape ? errorAt(a, r, c) : byRow ? errorAt(a, r, 0) : firstError(a);
      if (e) return e;
    }
    return void 0;
  };
  if (!(value instanceof import_hyperformula.SimpleRangeValue)) return at(0, 0) ?? value;
  const data = value.rawData().map((row, r) => row.map((v, c) => at(r, c) ?? v));
  return import_hyperformula.SimpleRangeValue.onlyValues(data);
}
function firstError(a) {
  for (const row of a.errors ?? []) for (const e of row) if (e) return e;
  return void 0;
}
function buildCmPlugin(set) {
  class CmFunctionPlugin extends import_hyperformula.FunctionPlugin {
    argShapes(ast, state) {
      return ast.args.map((a) => {
        if (a.type === "EMPTY") return SCALAR_SHAPE;
        const s = this.arraySizeForAst(a, state);
        return { rows: s.height, cols: s.width };
      });
    }
    size(spec, ast, state) {
      return broadcastShape(spec, this.argShapes(ast, state));
    }
    run(spec, ast, state) {
      const name = registeredName(spec);
      if (ast.args.length > spec.params.length) {
        return new import_hyperformula.CellError(
          import_hyperformula.ErrorType.VALUE,
          `${name} takes at most ${spec.params.length} argument${spec.params.length === 1 ? "" : "s"}`
        );
      }
      const args = spec.params.map((_, i) => {
        const a = ast.args[i];
        return a === void 0 ? readArg(import_hyperformula.EmptyValue) : readArg(this.evaluateAst(a, state));
      });
      for (let i = 0; i < args.length; i++) {
        if (spec.params[i].range && args[i].errors) return firstError(args[i]);
      }
      const broadcast = broadcastShape(
        spec,
        args.map((a) => a.shape)
      );
      const size = this.size(spec, ast, state);
      let result;
      try {
        result = set.invoke(
          spec.name,
          args.map((a) => a.value)
        );
      } catch (e) {
        const why2 = e instanceof Error ? e.message : String(e);
        return new import_hyperformula.CellError(import_hyperformula.ErrorType.VALUE, `${name} failed: ${why2}`);
      }
      return overlayErrors(toInterpreterValue(result, size), spec, args, broadcast, size);
    }
  }
  const implemented = {};
  const proto = CmFunctionPlugin.prototype;
  set.table.forEach((spec, i) => {
    const method = `cm${i}`;
    const sizeMethod = `cm${i}Size`;
    proto[method] = function(ast, state) {
      return this.run(spec, ast, state);
    };
    proto[sizeMethod] = function(ast, state) {
      const s = this.size(spec, ast, state);
      return s.rows === 1 && s.cols === 1 ? import_hyperformula.ArraySize.scalar() : new import_hyperformula.ArraySize(s.cols, s.rows);
    };
    implemented[registeredName(spec)] = {
      method,
      sizeOfResultArrayMethod: sizeMethod,
      parameters: spec.params.map((p2) => ({
        argumentType: import_hyperformula.FunctionArgumentType.ANY,
        ...p2.optional ? { optionalArg: true } : {}
      })),
      vectorizationForbidden: true
    };
  });
  CmFunctionPlugin.implementedFunctions = implemented;
  return CmFunctionPlugin;
}
function cmPluginFor(set) {
  let plugin = plugins.get(set);
  if (!plugin) {
    plugin = buildCmPlugin(set);
    const names = Object.fromEntries(set.table.map((s) => [registeredName(s), registeredName(s)]));
    for (const code of import_hyperformula.HyperFormula.getRegisteredLanguagesCodes()) {
      import_hyperformula.HyperFormula.getLanguage(code).extendFunctions(names);
    }
    plugins.set(set, plugin);
  }
  return plugin;
}
var import_hyperformula, ERROR_TYPES, SCALAR_SHAPE, plugins;
var init_cm_plugin = __esm({
  "src/engine/cm-plugin.ts"() {
    "use strict";
    import_hyperformula = require("hyperformula");
    init_xl();
    init_dialect();
    ERROR_TYPES = {
      "#VALUE!": import_hyperformula.ErrorType.VALUE,
      "#NUM!": import_hyperformula.ErrorType.NUM,
      "#N/A": import_hyperformula.ErrorType.NA
    };
    SCALAR_SHAPE = { rows: 1, cols: 1 };
    plugins = /* @__PURE__ */ new WeakMap();
  }
});

// src/engine/evaluate.ts
function engineConfig(set, date1904) {
  return {
    licenseKey: "gpl-v3",
    functionPlugins: [...import_hyperformula2.HyperFormula.getAllFunctionPlugins(), cmPluginFor(set)],
    useArrayArithmetic: true,
    evaluateNullToZero: true,
    leapYear1900: !date1904,
    nullDate: date1904 ? { year: 1904, month: 1, day: 1 } : { year: 1899, month: 12, day: 31 },
    maxRows: MAX_ROWS,
    maxColumns: MAX_COLUMNS,
    ignoreWhiteSpace: "any",
    // Report the doubles Excel stores, not values rounded to 10 digits: the CM functions read
    // every number at Excel's 15 significant digits themselves (POLICY §0), and the light
    // route reports the same doubles.
    smartRounding: false
  };
}
function knownFunctions(set) {
  builtinNames ??= new Set(
    import_hyperformula2.HyperFormula.getRegisteredFunctionNames("enGB").map((n) => n.toUpperCase())
  );
  const cm = new Set(set.table.map(registeredName));
  const builtins = builtinNames;
  return (name) => cm.has(name) || builtins.has(name) && !name.startsWith("CM.");
}
function rawConstant(v) {
  if (v === null || typeof v === "number" || typeof v === "boolean") return v;
  if (typeof v === "string") return `'${v}`;
  return v.error;
}
function sheetTranslator(model, set) {
  const tables = indexTables(model.tables);
  const names = indexNames(model.names);
  const isFunction = knownFunctions(set);
  return {
    translate(sheet, row, col, saved) {
      const ctx = { site: { sheet, row, col }, tables, names, isFunction };
      const hf = toHyperFormula(saved, ctx);
      return typeof hf === "string" ? `=${hf}` : hf;
    }
  };
}
function spillShadow(sheet) {
  const shadow = /* @__PURE__ */ new Set();
  for (const a of sheet.arrayFormulas) {
    const r = parseRange(a.ref);
    if (!r) continue;
    for (let row = r.top; row <= r.bottom; row++) {
      for (let col = r.left; col <= r.right; col++) {
        if (row !== a.row || col !== a.col) shadow.add(cellKey(row, col));
      }
    }
  }
  return shadow;
}
function sheetContent(sheet, translator, overrides) {
  const shadow = spillShadow(sheet);
  const out = new Array(sheet.rowCount);
  for (let r = 0; r < sheet.rowCount; r++) {
    const vals = sheet.values[r] ?? [];
    const forms = sheet.formulas[r] ?? [];
    const width = Math.max(vals.length, forms.length);
    const row = new Array(width);
    for (let c = 0; c < width; c++) {
      const f = forms[c];
      if (f != null) {
        const t = translator.translate(sheet.name, r, c, f);
        if (typeof t === "string") {
          row[c] = t;
        } else {
          overrides.set(cellKey(r, c), t);
          row[c] = t.error;
        }
      } else if (shadow.size > 0 && shadow.has(cellKey(r, c))) {
        row[c] = null;
      } else {
        row[c] = rawConstant(vals[c] ?? null);
      }
    }
    out[r] = row;
  }
  return out;
}
function evaluateModel(model, set) {
  const translator = sheetTranslator(model, set);
  const overrides = model.sheets.map(() => /* @__PURE__ */ new Map());
  const sheets = {};
  model.sheets.forEach((s, i) => {
    sheets[s.name] = sheetContent(s, translator, overrides[i]);
  });
  const hf = import_hyperformula2.HyperFormula.buildFromSheets(sheets, engineConfig(set, model.date1904));
  const sheetIds = model.sheets.map((s) => hf.getSheetId(s.name));
  return { hf, sheetIds, overrides };
}
function excelError(e) {
  const message = e.message || void 0;
  switch (e.value) {
    case "#ERROR!":
      return { error: "#VALUE!", message: `Formula not supported: ${message ?? "parse error"}` };
    case "#CYCLE!":
      return { error: "#VALUE!", message: "Circular reference" };
    case "#LIC!":
      return { error: "#VALUE!", message: message ?? "License error" };
    default:
      return message ? { error: e.value, message } : { error: e.value };
  }
}
function engineValue(v) {
  if (v instanceof import_hyperformula2.DetailedCellError) return excelError(v);
  return v === void 0 ? null : v;
}
function sheetValues(ev, index) {
  const raw = ev.hf.getSheetValues(ev.sheetIds[index]);
  const out = raw.map((row) => row.map(engineValue));
  for (const [key, err] of ev.overrides[index]) {
    const r = Math.floor(key / MAX_COLUMNS);
    const c = key % MAX_COLUMNS;
    (out[r] ??= [])[c] = err;
  }
  return out;
}
function spillRange(ev, index, row, col) {
  const graph = ev.hf.dependencyGraph;
  const vertex = graph?.getCell({ sheet: ev.sheetIds[index], row, col });
  if (!vertex || typeof vertex.width !== "number" || typeof vertex.height !== "number")
    return void 0;
  if (vertex.width * vertex.height <= 1) return void 0;
  const value = ev.hf.getCellValue({ sheet: ev.sheetIds[index], row, col });
  if (value instanceof import_hyperformula2.DetailedCellError && value.value === "#SPILL!") return void 0;
  return { top: row, left: col, bottom: row + vertex.height - 1, right: col + vertex.width - 1 };
}
var import_hyperformula2, cellKey, builtinNames;
var init_evaluate = __esm({
  "src/engine/evaluate.ts"() {
    "use strict";
    import_hyperformula2 = require("hyperformula");
    init_a1();
    init_cm_plugin();
    init_dialect();
    init_structured_ref();
    cellKey = (row, col) => row * MAX_COLUMNS + col;
  }
});

// src/engine/light/values.ts
function toNumber(v) {
  if (typeof v === "number") return v;
  if (v === null) return 0;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "string") {
    const t = v.trim();
    if (PLAIN_NUMBER.test(t)) return Number(t);
    if (v === "" || /\d/.test(v)) return bail(`text "${v}" in arithmetic`);
    return VALUE_COERCION;
  }
  return v;
}
function finish(x) {
  if (!Number.isFinite(x)) return NUM_OVERFLOW;
  return x === 0 ? 0 : x;
}
function arithmetic(op, av, bv) {
  const a = toNumber(av);
  const b = toNumber(bv);
  if (isError(av) || isError(bv)) {
    if (isError(a) !== isError(av) || isError(b) !== isError(bv)) {
      return bail("an error and text that is no number in one operation");
    }
    return isError(av) ? av : bv;
  }
  if (typeof a !== "number") return a;
  if (typeof b !== "number") return b;
  switch (op) {
    case "+":
      return finish(addWithEpsilon(a, b));
    case "-": {
      const r = a - b;
      return finish(Math.abs(r) < EPS * Math.abs(a) ? 0 : r);
    }
    case "*":
      return finish(a * b);
    case "/":
      return b === 0 ? DIV_ZERO : finish(a / b);
    default:
      if (a === 0 && b <= 0) return bail("0 to a power \u2264 0");
      return finish(Math.pow(a, b));
  }
}
function addWithEpsilon(a, b) {
  const r = a + b;
  return Math.abs(r) < EPS * Math.abs(a) ? 0 : r;
}
function toText(v) {
  if (typeof v === "string") return v;
  if (v === null) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number") {
    if (Number.isInteger(v) && Math.abs(v) < 1e15) return String(v);
    return bail(`number ${v} joined as text`);
  }
  return v;
}
function concat(av, bv) {
  const a = toText(av);
  const b = toText(bv);
  if (typeof a !== "string") return a;
  if (typeof b !== "string") return b;
  if (a.length + b.length > 32767) return bail("text longer than 32,767 characters");
  return a + b;
}
function typeRank(v) {
  if (v === null) return 0;
  if (typeof v === "number") return 1;
  if (typeof v === "string") return 2;
  return 3;
}
function floatCompare(a, b) {
  const mod = 1 + EPS;
  if (b >= 0 && a * mod >= b && a <= b * mod) return 0;
  if (b <= 0 && a * mod <= b && a >= b * mod) return 0;
  return a > b ? 1 : -1;
}
function textCompare(a, b, ordered) {
  if (a === b) return 0;
  if (ordered) {
    if (!ORDERABLE.test(a) || !ORDERABLE.test(b)) return bail("ordering of text");
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    return x === y ? 0 : x < y ? -1 : 1;
  }
  if (ASCII.test(a) && ASCII.test(b)) return a.toLowerCase() === b.toLowerCase() ? 0 : 1;
  collator ??= new Intl.Collator("en", { sensitivity: "base" });
  return collator.compare(a, b) === 0 ? bail("text equal only ignoring accents") : 1;
}
function compare(op, a, b) {
  if (isError(a)) return a;
  if (isError(b)) return b;
  for (const [x2, y2] of [
    [a, b],
    [b, a]
  ]) {
    if (typeof x2 === "string" && /\d/.test(x2) && DATE_LIKE.test(x2)) {
      if (y2 === null || typeof y2 === "number" || typeof y2 === "string") {
        return bail(`comparison of date-like text "${x2}"`);
      }
    }
  }
  let x = a;
  let y = b;
  if (x === null) x = blankAs(y);
  else if (y === null) y = blankAs(x);
  const ordered = op !== "=" && op !== "<>";
  let c;
  if (typeof x === "number" && typeof y === "number") c = floatCompare(x, y);
  else if (typeof x === "string" && typeof y === "string") c = textCompare(x, y, ordered);
  else if (typeof x === "boolean" && typeof y === "boolean") c = Number(x) - Number(y);
  else c = typeRank(x) - typeRank(y);
  switch (op) {
    case "=":
      return c === 0;
    case "<>":
      return c !== 0;
    case "<":
      return c < 0;
    case "<=":
      return c <= 0;
    case ">":
      return c > 0;
    default:
      return c >= 0;
  }
}
function blankAs(other) {
  if (typeof other === "string") return "";
  if (typeof other === "number") return 0;
  if (typeof other === "boolean") return false;
  return null;
}
function toBoolean(v) {
  if (typeof v === "boolean") return v;
  if (v === null) return false;
  if (typeof v === "number") return v !== 0;
  if (typeof v === "string") {
    const u = v.toUpperCase();
    if (u === "TRUE") return true;
    if (u === "FALSE") return false;
    if (v === "") return bail("empty text as a condition");
    return { error: "#VALUE!", message: "Value cannot be coerced to boolean." };
  }
  return v;
}
var Bail, bail, isError, EPS, VALUE_COERCION, NUM_OVERFLOW, DIV_ZERO, PLAIN_NUMBER, DATE_LIKE, ORDERABLE, ASCII, collator;
var init_values = __esm({
  "src/engine/light/values.ts"() {
    "use strict";
    Bail = class extends Error {
      constructor(why2) {
        super(`light route: ${why2}`);
      }
    };
    bail = (why2) => {
      throw new Bail(why2);
    };
    isError = (v) => typeof v === "object" && v !== null;
    EPS = 1e-13;
    VALUE_COERCION = {
      error: "#VALUE!",
      message: "Value cannot be coerced to number."
    };
    NUM_OVERFLOW = { error: "#NUM!", message: "NaN or infinite value encountered." };
    DIV_ZERO = { error: "#DIV/0!", message: "Division by zero." };
    PLAIN_NUMBER = /^[+-]?(?:\.\d+|\d+(?:\.\d*)?)(?:[eE][+-]?\d+)?$/;
    DATE_LIKE = /^[\d\s/.:,\-APMapm]+$/;
    ORDERABLE = /^[A-Za-z0-9 ]*$/;
    ASCII = /^[\x20-\x7e]*$/;
  }
});

// src/engine/light/builtins.ts
function callBuiltin(name, args) {
  switch (name) {
    case "IF": {
      const cond = toBoolean(args.value(0));
      if (isError(cond)) return cond;
      const other = cond ? args.length > 2 ? args.value(2) : false : args.value(1);
      if (isError(other)) return bail("IF with an error in the branch not taken");
      const taken = cond ? args.value(1) : args.length > 2 ? args.value(2) : false;
      return notBlank(taken);
    }
    case "IFERROR": {
      const v = args.value(0);
      return notBlank(isError(v) ? args.value(1) : v);
    }
    case "NOT": {
      const b = toBoolean(args.value(0));
      return isError(b) ? b : !b;
    }
    case "AND":
    case "OR": {
      let all = true;
      let any = false;
      for (let i = 0; i < args.length; i++) {
        const v = args.value(i);
        if (isError(v)) return v;
        if (v === null || typeof v === "string") return bail(`${name} of text or a blank`);
        const b = typeof v === "boolean" ? v : v !== 0;
        all &&= b;
        any ||= b;
      }
      return name === "AND" ? all : any;
    }
    case "ABS": {
      const x = toNumber(args.value(0));
      return isError(x) ? x : Math.abs(x);
    }
    case "ROUND":
      return round(args.value(0), args.value(1));
    default:
      return aggregate(name, args);
  }
}
function notBlank(v) {
  return v === null ? bail("IF or IFERROR giving a blank") : v;
}
function round(xv, pv) {
  const x = toNumber(xv);
  const p2 = toNumber(pv);
  if (isError(xv) || isError(pv)) {
    if (isError(x) !== isError(xv) || isError(p2) !== isError(pv)) {
      return bail("ROUND of an error and text that is no number");
    }
    return isError(xv) ? xv : pv;
  }
  if (isError(x)) return x;
  if (isError(p2)) return p2;
  const places = Math.trunc(p2);
  if (Math.abs(places) > 15) return bail("ROUND to more than 15 places");
  const shown2 = Number(Math.abs(x).toPrecision(15));
  let r;
  if (places >= 0) {
    const m = Math.pow(10, places);
    r = Math.round(Number((shown2 * m).toPrecision(15))) / m;
  } else {
    const m = Math.pow(10, -places);
    r = Math.round(Number((shown2 / m).toPrecision(15))) * m;
  }
  return finish(x < 0 ? -r : r);
}
function aggregate(name, args) {
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  let error = null;
  const take = (x) => {
    sum = addWithEpsilon(sum, x);
    if (x < min) min = x;
    if (x > max) max = x;
  };
  for (let i = 0; i < args.length && error === null; i++) {
    if (args.isRange(i)) {
      args.cells(i, (v2) => {
        if (typeof v2 === "number") take(v2);
        else if (isError(v2)) error = v2;
        return error === null;
      });
      continue;
    }
    const v = args.value(i);
    if (isError(v)) error = v;
    else if (typeof v === "number") take(v);
    else if (v === null && name === "SUM") continue;
    else bail(`${name} of a non-number argument`);
  }
  if (error !== null) return error;
  if (name === "SUM") return finish(sum);
  const r = name === "MIN" ? min : max;
  return Number.isFinite(r) ? r : 0;
}
var init_builtins = __esm({
  "src/engine/light/builtins.ts"() {
    "use strict";
    init_values();
  }
});

// src/engine/light/parse.ts
function parseFormula(formula, row, col, ctx) {
  const tokens = tokenize(formula).filter((t) => t.kind !== "space");
  let i = 0;
  const peek = () => tokens[i];
  const isOp = (text3) => tokens[i]?.kind === "op" && tokens[i].text === text3;
  const refPart = (text3) => {
    const m = CELL_PARTS2.exec(text3);
    const pos = parseCell(text3);
    if (!m || !pos) return fail3();
    return {
      row: m[3] ? pos.row : pos.row - row,
      rowAbs: m[3] === "$",
      col: m[1] ? pos.col : pos.col - col,
      colAbs: m[1] === "$"
    };
  };
  const reference = (sheet) => {
    const t = tokens[i];
    if (t?.kind !== "word" || tokens[i + 1]?.kind === "lparen") return fail3();
    i++;
    const from = refPart(t.text);
    if (peek()?.kind !== "colon") return { k: "ref", sheet, at: from };
    i++;
    const end = tokens[i];
    if (end?.kind !== "word") return fail3();
    i++;
    return { k: "range", sheet, from, to: refPart(end.text) };
  };
  const call = (word) => {
    i += 2;
    const args = [];
    if (peek()?.kind === "rparen") i++;
    else {
      for (; ; ) {
        const t = peek();
        args.push(t?.kind === "comma" || t?.kind === "rparen" ? null : expression());
        const sep = tokens[i++];
        if (sep?.kind === "rparen") break;
        if (sep?.kind !== "comma") fail3();
      }
    }
    const name = canonicalFunctionName(word);
    const fn = ctx.cmIndex(name);
    if (fn !== void 0) return cmCall(fn, args);
    const bounds = BUILTINS[name];
    if (!bounds || args.length < bounds[0] || args.length > bounds[1]) return fail3();
    const ranges = TAKES_RANGES.has(name);
    for (const a of args) {
      if (a === null || !ranges && a.k === "range") fail3();
    }
    return { k: "fn", name, args };
  };
  const cmCall = (fn, args) => {
    const spec = ctx.table[fn];
    if (args.length > spec.params.length) return fail3();
    const shapes = spec.params.map((_, p2) => shapeOf(args[p2] ?? null));
    let size;
    if (spec.resultShape) size = spec.resultShape(shapes);
    else {
      size = { rows: 1, cols: 1 };
      shapes.forEach((s, p2) => {
        if (spec.params[p2].range) return;
        size = { rows: Math.max(size.rows, s.rows), cols: Math.max(size.cols, s.cols) };
      });
    }
    if (size.rows !== 1 || size.cols !== 1) fail3();
    return { k: "cm", fn, args };
  };
  const primary = () => {
    const t = tokens[i];
    if (!t) return fail3();
    switch (t.kind) {
      case "number": {
        i++;
        const v = Number(t.text);
        return Number.isFinite(v) ? { k: "lit", v } : fail3();
      }
      case "string":
        if (!t.text.endsWith('"') || t.text.length < 2) fail3();
        i++;
        return { k: "lit", v: unquoteString(t.text) };
      case "lparen": {
        i++;
        const e = expression();
        if (tokens[i++]?.kind !== "rparen") fail3();
        return e;
      }
      case "quoted": {
        if (tokens[i + 1]?.kind !== "bang" || !t.text.endsWith("'")) return fail3();
        const sheet = ctx.sheetIndex(unquoteSheet(t.text));
        if (sheet === void 0) return fail3();
        i += 2;
        return reference(sheet);
      }
      case "word": {
        const next = tokens[i + 1]?.kind;
        if (next === "lparen") return call(t.text);
        if (next === "bang") {
          const sheet = ctx.sheetIndex(t.text);
          if (sheet === void 0) return fail3();
          i += 2;
          return reference(sheet);
        }
        const upper = t.text.toUpperCase();
        if (upper === "TRUE" || upper === "FALSE") {
          i++;
          return { k: "lit", v: upper === "TRUE" };
        }
        return reference(-1);
      }
      default:
        return fail3();
    }
  };
  const unary = () => {
    if (isOp("-") || isOp("+")) {
      const op = tokens[i++].text;
      const a2 = unary();
      return { k: op === "-" ? "neg" : "pos", a: a2 };
    }
    let a = primary();
    while (isOp("%")) {
      i++;
      a = { k: "pct", a };
    }
    return a;
  };
  const binary = (ops, next) => () => {
    let a = next();
    while (tokens[i]?.kind === "op" && ops.includes(tokens[i].text)) {
      const op = tokens[i++].text;
      const b = next();
      a = { k: "bin", op, a, b };
    }
    return a;
  };
  const power = binary(["^"], unary);
  const product = binary(["*", "/"], power);
  const sum = binary(["+", "-"], product);
  const concat2 = binary(["&"], sum);
  const expression = binary([...COMPARISON], concat2);
  try {
    const root = expression();
    if (i !== tokens.length) return void 0;
    return noStrayRanges(root, false) ? root : void 0;
  } catch (e) {
    if (e instanceof Ineligible) return void 0;
    throw e;
  }
}
function noStrayRanges(n, allowed) {
  switch (n.k) {
    case "range":
      return allowed;
    case "neg":
    case "pos":
    case "pct":
      return noStrayRanges(n.a, false);
    case "bin":
      return noStrayRanges(n.a, false) && noStrayRanges(n.b, false);
    case "cm":
      return n.args.every((a) => a === null || noStrayRanges(a, true));
    case "fn":
      return n.args.every((a) => noStrayRanges(a, TAKES_RANGES.has(n.name)));
    default:
      return true;
  }
}
function shapeOf(n) {
  if (n?.k !== "range") return SCALAR;
  if (n.from.rowAbs !== n.to.rowAbs || n.from.colAbs !== n.to.colAbs) return { rows: 2, cols: 2 };
  return {
    rows: Math.abs(n.to.row - n.from.row) + 1,
    cols: Math.abs(n.to.col - n.from.col) + 1
  };
}
var BUILTINS, TAKES_RANGES, COMPARISON, SCALAR, Ineligible, fail3, CELL_PARTS2;
var init_parse = __esm({
  "src/engine/light/parse.ts"() {
    "use strict";
    init_a1();
    init_dialect();
    init_lexer();
    BUILTINS = {
      IF: [2, 3],
      IFERROR: [2, 2],
      AND: [1, 255],
      OR: [1, 255],
      NOT: [1, 1],
      ROUND: [2, 2],
      SUM: [1, 255],
      MIN: [1, 255],
      MAX: [1, 255],
      ABS: [1, 1]
    };
    TAKES_RANGES = /* @__PURE__ */ new Set(["SUM", "MIN", "MAX"]);
    COMPARISON = /* @__PURE__ */ new Set(["=", "<>", "<", "<=", ">", ">="]);
    SCALAR = { rows: 1, cols: 1 };
    Ineligible = class extends Error {
    };
    fail3 = () => {
      throw new Ineligible();
    };
    CELL_PARTS2 = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)$/;
  }
});

// src/engine/light/shape-key.ts
function shapeKey(formula, row, col) {
  if (formula.includes("")) return void 0;
  return formula.replace(
    REF,
    (m, colAbs, letters, rowAbs, digits) => {
      if (letters === void 0) return m;
      const c = columnIndex(letters);
      if (c < 0) return m;
      const r = Number(digits) - 1;
      return `${colAbs ? `$${c}` : c - col}${rowAbs ? `$${r}` : r - row}`;
    }
  );
}
var REF;
var init_shape_key = __esm({
  "src/engine/light/shape-key.ts"() {
    "use strict";
    init_a1();
    REF = /"(?:[^"]|"")*"?|'(?:[^']|'')*'?|(?<![\p{L}\p{N}\p{M}_.$\\?])(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![\p{L}\p{N}\p{M}_.$\\?(![])/gu;
  }
});

// src/engine/light/evaluate.ts
function evaluateLight(model, set) {
  try {
    return new LightEvaluator(model, set).run();
  } catch (e) {
    if (e instanceof Bail || e instanceof RangeError) return void 0;
    throw e;
  }
}
function constant(v) {
  if (!isError(v)) return v;
  if (!KNOWN_ERRORS.has(v.error)) return bail(`error value ${v.error}`);
  return { error: v.error };
}
var MAX_DEPTH, KNOWN_ERRORS, CM_ERRORS, NO_VALUE, LightEvaluator;
var init_evaluate2 = __esm({
  "src/engine/light/evaluate.ts"() {
    "use strict";
    init_cm_plugin();
    init_builtins();
    init_parse();
    init_shape_key();
    init_values();
    MAX_DEPTH = 2e3;
    KNOWN_ERRORS = /* @__PURE__ */ new Set([
      "#DIV/0!",
      "#N/A",
      "#NAME?",
      "#NULL!",
      "#NUM!",
      "#REF!",
      "#VALUE!"
    ]);
    CM_ERRORS = /* @__PURE__ */ new Set(["#VALUE!", "#NUM!", "#N/A"]);
    NO_VALUE = { error: "#N/A", message: "No value at this position of the result" };
    LightEvaluator = class {
      constructor(model, set) {
        this.model = model;
        this.set = set;
        this.depth = 0;
        this.shapes = /* @__PURE__ */ new Map();
        const bySheet = new Map(model.sheets.map((s, i) => [s.name.toLowerCase(), i]));
        const byFunction = new Map(set.table.map((s, i) => [registeredName(s).toUpperCase(), i]));
        this.ctx = {
          sheetIndex: (name) => bySheet.get(name.toLowerCase()),
          cmIndex: (name) => byFunction.get(name.toUpperCase()),
          table: set.table
        };
        this.sheets = model.sheets.map((s) => this.prepare(s));
      }
      /** Parses every formula of a sheet (one parse per shape): the eligibility check. */
      prepare(sheet) {
        if (sheet.arrayFormulas.length > 0) bail("array formulas");
        const width = Math.max(sheet.colCount, 1);
        const trees = new Array(sheet.rowCount * width);
        const out = new Array(sheet.rowCount);
        const cache = this.shapes;
        for (let r = 0; r < sheet.rowCount; r++) {
          const forms = sheet.formulas[r];
          const vals = sheet.values[r] ?? [];
          let copied = false;
          for (let c = 0; forms && c < forms.length; c++) {
            const f = forms[c];
            if (f == null) continue;
            const key = shapeKey(f, r, c);
            let tree = key === void 0 ? void 0 : cache.get(key);
            if (tree === void 0 && (key === void 0 || !cache.has(key))) {
              tree = parseFormula(f, r, c, this.ctx);
              if (key !== void 0) cache.set(key, tree);
            }
            if (tree === void 0) bail(`formula ${f}`);
            trees[r * width + c] = tree;
            copied = true;
          }
          out[r] = copied ? vals.slice() : vals;
        }
        return { model: sheet, width, trees, state: new Uint8Array(sheet.rowCount * width), out };
      }
      run() {
        this.sheets.forEach((s, i) => {
          for (let r = 0; r < s.model.rowCount; r++) {
            const forms = s.model.formulas[r];
            for (let c = 0; forms && c < forms.length; c++) {
              if (forms[c] != null) this.cell(i, r, c);
            }
          }
        });
        return this.sheets.map((s) => s.out);
      }
      /** A cell's value as a formula reading it sees it. */
      cell(sheet, row, col) {
        const s = this.sheets[sheet];
        if (row >= s.model.rowCount || col >= s.width) return null;
        const tree = s.trees[row * s.width + col];
        if (tree === void 0) return constant(s.model.values[row]?.[col] ?? null);
        const at = row * s.width + col;
        const state = s.state[at];
        if (state === 2 /* Done */) return s.out[row][col];
        if (state === 1 /* Running */) return bail("circular reference");
        if (++this.depth > MAX_DEPTH) bail("dependency chain too deep");
        s.state[at] = 1 /* Running */;
        let v = this.eval(tree, sheet, row, col);
        if (v === null) v = 0;
        s.out[row][col] = v;
        s.state[at] = 2 /* Done */;
        this.depth--;
        return v;
      }
      at(p2, row, col) {
        return [p2.rowAbs ? p2.row : row + p2.row, p2.colAbs ? p2.col : col + p2.col];
      }
      eval(n, sheet, row, col) {
        switch (n.k) {
          case "lit":
            return n.v;
          case "ref": {
            const [r, c] = this.at(n.at, row, col);
            return this.cell(n.sheet < 0 ? sheet : n.sheet, r, c);
          }
          case "range":
            return bail("range as a value");
          case "neg": {
            const x = toNumber(this.eval(n.a, sheet, row, col));
            return isError(x) ? x : finish(-x);
          }
          case "pct": {
            const x = toNumber(this.eval(n.a, sheet, row, col));
            return isError(x) ? x : finish(x / 100);
          }
          case "pos":
            return this.eval(n.a, sheet, row, col);
          case "bin": {
            const a = this.eval(n.a, sheet, row, col);
            const b = this.eval(n.b, sheet, row, col);
            if (n.op === "&") return concat(a, b);
            if (n.op.length === 1 && "+-*/^".includes(n.op)) return arithmetic(n.op, a, b);
            return compare(n.op, a, b);
          }
          case "cm":
            return this.cm(this.set.table[n.fn], n.args, sheet, row, col);
          case "fn":
            return callBuiltin(n.name, this.args(n.args, sheet, row, col));
        }
      }
      args(nodes, sheet, row, col) {
        return {
          length: nodes.length,
          value: (i) => this.eval(nodes[i], sheet, row, col),
          isRange: (i) => nodes[i].k === "range",
          cells: (i, each) => {
            const n = nodes[i];
            if (n.k !== "range") return;
            const [s, top, left, bottom, right] = this.bounds(n, sheet, row, col);
            for (let r = top; r <= bottom; r++) {
              for (let c = left; c <= right; c++) if (!each(this.cell(s, r, c))) return;
            }
          }
        };
      }
      bounds(n, sheet, row, col) {
        const [r1, c1] = this.at(n.from, row, col);
        const [r2, c2] = this.at(n.to, row, col);
        const s = n.sheet < 0 ? sheet : n.sheet;
        return [s, Math.min(r1, r2), Math.min(c1, c2), Math.max(r1, r2), Math.max(c1, c2)];
      }
      /** One CM call, argument for argument as the HyperFormula plugin makes it (cm-plugin.ts). */
      cm(spec, nodes, sheet, row, col) {
        const n = spec.params.length;
        const values = new Array(n);
        let rangeError;
        let liftedError;
        for (let i = 0; i < n; i++) {
          const node = nodes[i] ?? null;
          if (node?.k === "range") {
            const [s, top, left, bottom, right] = this.bounds(node, sheet, row, col);
            if (top === bottom && left === right) {
              const v2 = this.cell(s, top, left);
              values[i] = isError(v2) ? null : v2;
              if (isError(v2)) {
                if (spec.params[i].range) rangeError ??= v2;
                else liftedError ??= v2;
              }
              continue;
            }
            const rows = [];
            for (let r = top; r <= bottom; r++) {
              const line = new Array(right - left + 1);
              for (let c = left; c <= right; c++) {
                const v2 = this.cell(s, r, c);
                if (isError(v2)) {
                  if (spec.params[i].range) rangeError ??= v2;
                  else liftedError ??= v2;
                  line[c - left] = null;
                } else line[c - left] = v2;
              }
              rows.push(line);
            }
            values[i] = rows;
            continue;
          }
          const v = node === null ? null : this.eval(node, sheet, row, col);
          if (isError(v)) {
            if (spec.params[i].range) rangeError ??= v;
            else liftedError ??= v;
            values[i] = null;
          } else values[i] = v;
        }
        if (rangeError) return rangeError;
        let result;
        try {
          result = this.set.invoke(spec.name, values);
        } catch (e) {
          const why2 = e instanceof Error ? e.message : String(e);
          return { error: "#VALUE!", message: `${registeredName(spec)} failed: ${why2}` };
        }
        if (liftedError) return liftedError;
        const out = Array.isArray(result) ? result[0]?.[0] : result;
        if (out === void 0) return NO_VALUE;
        if (typeof out === "number") return finish(out);
        if (out === null || typeof out !== "object") return out;
        const error = CM_ERRORS.has(out.error) ? out.error : "#VALUE!";
        return out.message ? { error, message: out.message } : { error };
      }
    };
  }
});

// src/engine/light/index.ts
var init_light = __esm({
  "src/engine/light/index.ts"() {
    "use strict";
    init_evaluate2();
    init_parse();
    init_shape_key();
  }
});

// src/engine/model.ts
function isErrorValue(v) {
  return typeof v === "object" && v !== null && typeof v.error === "string";
}
function formatAt(sheet, row, col) {
  return sheet.formats?.[row]?.[col] ?? "General";
}
function setFormat(formats, row, col, format) {
  if (format === void 0 || format === "" || format === "General") return;
  const line = formats[row] ??= [];
  while (line.length < col) line.push(null);
  line[col] = format;
}
var init_model = __esm({
  "src/engine/model.ts"() {
    "use strict";
  }
});

// src/engine/read.ts
function dateToSerial(d, date1904) {
  return d.getTime() / MS_PER_DAY + EPOCH_1900 - (date1904 ? OFFSET_1904 : 0);
}
function plainValue(v, date1904) {
  if (v === null || v === void 0) return null;
  switch (typeof v) {
    case "number":
    case "string":
    case "boolean":
      return v;
    case "object":
      break;
    default:
      return String(v);
  }
  if (v instanceof Date) return dateToSerial(v, date1904);
  const o = v;
  if (typeof o.error === "string") return { error: o.error };
  if (Array.isArray(o.richText)) return o.richText.map((r) => r.text).join("");
  if (o.text !== void 0) return plainValue(o.text, date1904);
  return null;
}
function readSheet(ws, date1904) {
  const values = [];
  const formulas = [];
  const arrayFormulas = [];
  const formats = [];
  const interned = /* @__PURE__ */ new Map();
  let rowCount2 = 0;
  let colCount = 0;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    let vals;
    let forms;
    row.eachCell({ includeEmpty: false }, (cell2, colNumber) => {
      const type = cell2.type;
      if (type === MERGE) return;
      const c = colNumber - 1;
      let value;
      let formula;
      if (type === FORMULA) {
        const fv = cell2.value;
        value = plainValue(cell2.result, date1904);
        formula = fv.formula ? stripEquals(fv.formula) : sharedFormula(fv, formulas, r, c);
        if (fv.shareType === "array" && fv.ref) arrayFormulas.push({ row: r, col: c, ref: fv.ref });
      } else {
        value = plainValue(cell2.value, date1904);
        if (value === null) return;
      }
      vals ??= values[r] = [];
      while (vals.length < c) vals.push(null);
      vals[c] = value;
      if (formula !== void 0) {
        forms ??= formulas[r] = [];
        while (forms.length < c) forms.push(null);
        forms[c] = formula;
      }
      const numFmt = cell2.numFmt;
      if (typeof numFmt === "string" && numFmt !== "" && numFmt !== "General") {
        let shared = interned.get(numFmt);
        if (shared === void 0) interned.set(numFmt, shared = numFmt);
        setFormat(formats, r, c, shared);
      }
      if (c + 1 > colCount) colCount = c + 1;
      if (r + 1 > rowCount2) rowCount2 = r + 1;
    });
  });
  for (let r = 0; r < rowCount2; r++) {
    values[r] ??= [];
    formulas[r] ??= [];
  }
  const sheet = { name: ws.name, rowCount: rowCount2, colCount, values, formulas, arrayFormulas };
  return formats.length > 0 ? { ...sheet, formats } : sheet;
}
function stripEquals(f) {
  return f.startsWith("=") ? f.slice(1) : f;
}
function sharedFormula(fv, formulas, r, c) {
  const master = fv.sharedFormula ? parseRange(fv.sharedFormula) : void 0;
  if (!master) return void 0;
  const text3 = formulas[master.top]?.[master.left];
  return text3 ? shiftFormula(text3, r - master.top, c - master.left) : void 0;
}
function readTables(ws, sheet) {
  const tables = ws.getTables();
  return tables.map(({ model }) => {
    const ref = model.tableRef ?? model.ref ?? "";
    const columns = model.columns.map((c) => c.name);
    if (!model.headerRow && firstRowIsHeader(sheet, ref, columns)) {
      model.headerRow = true;
    }
    return {
      name: model.name,
      sheet: ws.name,
      ref,
      headerRow: model.headerRow ?? true,
      totalsRow: model.totalsRow ?? false,
      columns
    };
  });
}
function firstRowIsHeader(sheet, ref, columns) {
  const range = parseRange(ref);
  if (!range || columns.length === 0) return false;
  const row = sheet.values[range.top] ?? [];
  return columns.every((name, i) => {
    const v = row[range.left + i];
    return v !== null && v !== void 0 && String(v).trim().toLowerCase() === name.trim().toLowerCase();
  });
}
function readNames(wb) {
  const model = wb.definedNames.model;
  return model.filter((n) => !n.name.toLowerCase().startsWith("_xlnm.") && n.ranges.length > 0).map((n) => ({ name: n.name, refersTo: n.ranges.join(",") }));
}
function readWorkbookModel(wb) {
  const date1904 = Boolean(wb.properties?.date1904);
  const sheets = [];
  const tables = [];
  wb.eachSheet((ws) => {
    const sheet = readSheet(ws, date1904);
    sheets.push(sheet);
    tables.push(...readTables(ws, sheet));
  });
  return { sheets, tables, names: readNames(wb), date1904 };
}
var MERGE, FORMULA, MS_PER_DAY, EPOCH_1900, OFFSET_1904;
var init_read = __esm({
  "src/engine/read.ts"() {
    "use strict";
    init_a1();
    init_dialect();
    init_model();
    MERGE = 1;
    FORMULA = 6;
    MS_PER_DAY = 864e5;
    EPOCH_1900 = 25569;
    OFFSET_1904 = 1462;
  }
});

// src/engine/write.ts
function excelResult(v) {
  if (v === null) return void 0;
  if (typeof v === "object") return { error: v.error };
  return v;
}
function writeSheetResults(ws, res) {
  const { sheet, values } = res;
  const oldArrays = new Map(sheet.arrayFormulas.map((a) => [`${a.row},${a.col}`, a.ref]));
  for (let r = 0; r < sheet.rowCount; r++) {
    const forms = sheet.formulas[r];
    if (!forms) continue;
    for (let c = 0; c < forms.length; c++) {
      const f = forms[c];
      if (f == null) continue;
      const cell2 = ws.getCell(r + 1, c + 1);
      const result = excelResult(values[r]?.[c] ?? null);
      const old = cell2.type === 6 ? cell2.value : {};
      const spill = res.spill(r, c);
      const oldRef = oldArrays.get(`${r},${c}`);
      if (oldRef) clearRange(ws, parseRange(oldRef), r, c);
      if (spill) {
        cell2.value = {
          formula: toSavedFormula(f),
          result,
          shareType: "array",
          ref: formatRange(spill)
        };
        writeSpilledValues(ws, spill, values);
      } else if (old.sharedFormula && !old.formula) {
        cell2.value = { sharedFormula: old.sharedFormula, result };
      } else if (old.shareType === "shared") {
        cell2.value = {
          formula: toSavedFormula(f),
          result,
          shareType: "shared",
          ref: old.ref
        };
      } else {
        cell2.value = { formula: toSavedFormula(f), result };
      }
    }
  }
}
function clearRange(ws, r, row, col) {
  if (!r) return;
  for (let y = r.top; y <= r.bottom; y++) {
    for (let x = r.left; x <= r.right; x++) {
      if (y !== row || x !== col) ws.getCell(y + 1, x + 1).value = null;
    }
  }
}
function writeSpilledValues(ws, spill, values) {
  for (let y = spill.top; y <= spill.bottom; y++) {
    for (let x = spill.left; x <= spill.right; x++) {
      if (y === spill.top && x === spill.left) continue;
      const v = values[y]?.[x] ?? null;
      ws.getCell(y + 1, x + 1).value = v !== null && typeof v === "object" ? { error: v.error } : v;
    }
  }
}
var init_write = __esm({
  "src/engine/write.ts"() {
    "use strict";
    init_a1();
    init_dialect();
  }
});

// src/engine/workbook.ts
async function loadExcel(data, fileName2) {
  const excel = new import_exceljs.default.Workbook();
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (bytes.length < 4 || bytes[0] !== 80 || bytes[1] !== 75) {
    throw new EngineFileError(`${fileName2} is not an .xlsx workbook (not a zip archive).`);
  }
  try {
    await excel.xlsx.load(bytes);
  } catch (e) {
    const why2 = e instanceof Error ? e.message : String(e);
    throw new EngineFileError(
      `${fileName2} could not be read as an .xlsx workbook (${why2}).`,
      void 0,
      { cause: e }
    );
  }
  if (excel.worksheets.length === 0) {
    throw new EngineFileError(
      `${fileName2} could not be read as an .xlsx workbook (it has no worksheets).`
    );
  }
  return excel;
}
function savedSpill(sheet, row, col) {
  const a = sheet.arrayFormulas.find((x) => x.row === row && x.col === col);
  const r = a && parseRange(a.ref);
  return r && (r.bottom > r.top || r.right > r.left) ? r : void 0;
}
function setModelCell(model, row, col, value, formula) {
  const m = model;
  while (model.values.length <= row) model.values.push([]);
  while (model.formulas.length <= row) model.formulas.push([]);
  const vals = model.values[row];
  const forms = model.formulas[row];
  while (vals.length < col) vals.push(null);
  vals[col] = value;
  if (formula !== null || col < forms.length) {
    while (forms.length < col) forms.push(null);
    forms[col] = formula;
  }
  m.rowCount = Math.max(model.rowCount, row + 1);
  m.colCount = Math.max(model.colCount, col + 1);
  m.arrayFormulas = model.arrayFormulas.filter((a) => a.row !== row || a.col !== col);
}
function detachSharedClones(ws, model, row, col) {
  if (!ws) return;
  const master = ws.getCell(row + 1, col + 1).value;
  if (!master || typeof master !== "object" || master.shareType !== "shared") return;
  const address = formatCell(row, col);
  ws.eachRow(
    (r) => r.eachCell((cell2) => {
      const v = cell2.value;
      if (v && typeof v === "object" && v.sharedFormula === address) {
        const f = model.formulas[Number(cell2.row) - 1]?.[Number(cell2.col) - 1];
        if (f) cell2.value = { formula: f, result: cell2.result };
      }
    })
  );
}
function sheetNameProblem(name) {
  if (name.trim() === "") return "the name is empty";
  if (name.length > 31) return "the name is longer than 31 characters";
  if (/[[\]:*?/\\]/.test(name)) return "the name holds one of [ ] : * ? / \\";
  if (name.startsWith("'") || name.endsWith("'")) return "the name starts or ends with '";
  return void 0;
}
var import_exceljs, Workbook;
var init_workbook = __esm({
  "src/engine/workbook.ts"() {
    "use strict";
    import_exceljs = __toESM(require("exceljs"));
    init_a1();
    init_data_validations();
    init_dialect();
    init_errors();
    init_evaluate();
    init_light();
    init_model();
    init_read();
    init_write();
    Workbook = class _Workbook {
      constructor(excel, model, functions, fileName2 = "the data") {
        this.model = model;
        this.functions = functions;
        this.fileName = fileName2;
        /**
         * Evaluated by the light route (light/): no HyperFormula instance; `computed` holds every
         * sheet's values, and a change that clears it has them recomputed when next read.
         */
        this.light = false;
        this.computed = /* @__PURE__ */ new Map();
        this.pending = [];
        if (excel instanceof Uint8Array) this.source = excel;
        else this.excelBook = excel;
      }
      /**
       * The ExcelJS workbook. A workbook opened by loadWorkbook() reads it only when first needed:
       * `await excelWorkbook()` first (toBuffer() and saveWorkbook() do).
       */
      get excel() {
        if (!this.excelBook) {
          throw new Error(
            "The ExcelJS workbook is not loaded yet: await workbook.excelWorkbook() first."
          );
        }
        return this.excelBook;
      }
      /** Loads the ExcelJS workbook (once), with every setCell so far applied to it. */
      async excelWorkbook() {
        if (this.excelBook) return this.excelBook;
        this.excelLoading ??= (async () => {
          const excel = await loadExcel(this.source, this.fileName);
          this.excelBook = excel;
          this.source = void 0;
          for (const e of this.pending.splice(0)) this.applyToExcel(e);
          return excel;
        })();
        return this.excelLoading;
      }
      /** Reads an .xlsx held in memory with ExcelJS. Throws EngineFileError when it is not one. */
      static async fromBuffer(data, functions, fileName2 = "the data") {
        const excel = await loadExcel(data, fileName2);
        return new _Workbook(excel, readWorkbookModel(excel), functions, fileName2);
      }
      sheetNames() {
        return this.model.sheets.map((s) => s.name);
      }
      get evaluated() {
        return this.evaluation !== void 0 || this.light;
      }
      /**
       * Computes every formula (once; later changes recalculate): with the light route when every
       * formula is in its subset (plain CM calls and helper arithmetic), else with HyperFormula.
       */
      evaluate() {
        if (!this.evaluation && !this.light) {
          this.light = true;
          if (!this.lightValues()) this.useHyperFormula();
        }
        return this;
      }
      /** Runs the light route into `computed`; false when the workbook is not for it. */
      lightValues() {
        const all = evaluateLight(this.model, this.functions);
        this.computed.clear();
        all?.forEach((v, i) => this.computed.set(i, v));
        return all !== void 0;
      }
      useHyperFormula() {
        this.light = false;
        this.evaluation = evaluateModel(this.model, this.functions);
        this.computed.clear();
      }
      sheetIndex(sheet) {
        const lower = sheet.toLowerCase();
        const i = this.model.sheets.findIndex((s) => s.name.toLowerCase() === lower);
        if (i < 0) throw new RangeError(`No sheet named ${sheet}`);
        return i;
      }
      /** Values of a sheet: computed once evaluated, else the cached values saved in the file. */
      values(sheet) {
        const i = typeof sheet === "number" ? sheet : this.sheetIndex(sheet);
        if (this.light && !this.computed.has(i) && !this.lightValues()) this.useHyperFormula();
        if (!this.evaluation && !this.light) return this.model.sheets[i].values;
        let v = this.computed.get(i);
        if (!v && this.light) return this.model.sheets[i].values;
        if (!v) {
          v = sheetValues(this.evaluation, i);
          this.computed.set(i, v);
        }
        return v;
      }
      value(sheet, address) {
        const pos = parseCell(address);
        if (!pos) throw new RangeError(`Not a cell address: ${address}`);
        return this.values(sheet)[pos.row]?.[pos.col] ?? null;
      }
      /** The saved formula of a cell (without `=`), or null. */
      formula(sheet, address) {
        const pos = parseCell(address);
        if (!pos) throw new RangeError(`Not a cell address: ${address}`);
        return this.model.sheets[this.sheetIndex(sheet)].formulas[pos.row]?.[pos.col] ?? null;
      }
      /** A cell's number format as saved (`0.00%`, `#,##0`), or `General`. */
      format(sheet, address) {
        const pos = parseCell(address);
        if (!pos) throw new RangeError(`Not a cell address: ${address}`);
        return this.formatAt(sheet, pos.row, pos.col);
      }
      /** The number format of the cell at (row, col), 0-based: for callers that walk a grid. */
      formatAt(sheet, row, col) {
        return formatAt(this.model.sheets[this.sheetIndex(sheet)], row, col);
      }
      spill(i, row, col) {
        return this.evaluation ? spillRange(this.evaluation, i, row, col) : savedSpill(this.model.sheets[i], row, col);
      }
      /** Every formula cell, spilled cells included (with their anchor's formula). */
      formulaCells() {
        const out = [];
        this.model.sheets.forEach((sheet, i) => {
          const values = this.values(i);
          for (let r = 0; r < sheet.rowCount; r++) {
            const forms = sheet.formulas[r];
            for (let c = 0; c < forms.length; c++) {
              const f = forms[c];
              if (f == null) continue;
              const formula = `=${toTypedFormula(f)}`;
              const address = formatCell(r, c);
              out.push({ sheet: sheet.name, address, formula, value: values[r]?.[c] ?? null });
              const spill = this.spill(i, r, c);
              if (!spill) continue;
              for (let y = spill.top; y <= spill.bottom; y++) {
                for (let x = spill.left; x <= spill.right; x++) {
                  if (y === r && x === c) continue;
                  const value = values[y]?.[x] ?? null;
                  out.push({
                    sheet: sheet.name,
                    address: formatCell(y, x),
                    formula,
                    value,
                    spilledFrom: address
                  });
                }
              }
            }
          }
        });
        return out;
      }
      /** The used range of a sheet as a Grid (values shown, formulas as typed). */
      grid(sheet) {
        const i = this.sheetIndex(sheet);
        const model = this.model.sheets[i];
        const values = this.values(i);
        let top = Infinity;
        let left = Infinity;
        let bottom = -1;
        let right = -1;
        for (let r = 0; r < values.length; r++) {
          const row = values[r] ?? [];
          const forms = model.formulas[r] ?? [];
          const width = Math.max(row.length, forms.length);
          for (let c = 0; c < width; c++) {
            if ((row[c] ?? null) === null && forms[c] == null) continue;
            if (r < top) top = r;
            if (r > bottom) bottom = r;
            if (c < left) left = c;
            if (c > right) right = c;
          }
        }
        if (bottom < 0) return { sheet: model.name, top: 0, left: 0, values: [], formulas: [] };
        return this.gridOf(i, { top, left, bottom, right });
      }
      /** An Excel Table's range, header row included, as a Grid. */
      tableGrid(table) {
        const t = this.model.tables.find((x) => x.name.toLowerCase() === table.toLowerCase());
        const range = t && parseRange(t.ref);
        if (!t || !range) throw new RangeError(`No table named ${table}`);
        return { ...this.gridOf(this.sheetIndex(t.sheet), range), table: t.name };
      }
      gridOf(i, r) {
        const model = this.model.sheets[i];
        const values = this.values(i);
        const gv = [];
        const gf = [];
        for (let y = r.top; y <= r.bottom; y++) {
          const row = values[y] ?? [];
          const forms = model.formulas[y] ?? [];
          const vr = new Array(r.right - r.left + 1);
          const fr = new Array(r.right - r.left + 1);
          for (let x = r.left; x <= r.right; x++) {
            const v = row[x] ?? null;
            vr[x - r.left] = isErrorValue(v) ? v.error : v;
            const f = forms[x];
            fr[x - r.left] = f == null ? null : `=${toTypedFormula(f)}`;
          }
          gv.push(vr);
          gf.push(fr);
        }
        return { sheet: model.name, top: r.top, left: r.left, values: gv, formulas: gf };
      }
      /**
       * Puts a formula (as typed, `=CM.LABEL("DEMOTE")`) or a constant into a cell and recalculates
       * what depends on it.
       */
      setCell(sheet, address, input) {
        const pos = parseCell(address);
        if (!pos) throw new RangeError(`Not a cell address: ${address}`);
        const i = this.sheetIndex(sheet);
        const model = this.model.sheets[i];
        this.evaluate();
        const ev = this.evaluation;
        const { row, col } = pos;
        const isFormula = typeof input === "string" && input.startsWith("=") && input.length > 1;
        const saved = isFormula ? toSavedFormula(input) : null;
        const value = isFormula ? null : input;
        const edit = { sheet: model.name, row, col, saved, value };
        if (this.excelBook) this.applyToExcel(edit);
        else this.pending.push(edit);
        setModelCell(model, row, col, value, saved);
        if (!ev) {
          this.computed.clear();
          return;
        }
        ev.overrides[i].delete(cellKey(row, col));
        let content = rawConstant(value);
        if (saved !== null) {
          const t = sheetTranslator(this.model, this.functions).translate(model.name, row, col, saved);
          if (typeof t === "string") content = t;
          else {
            ev.overrides[i].set(cellKey(row, col), t);
            content = t.error;
          }
        }
        ev.hf.setCellContents({ sheet: ev.sheetIds[i], row, col }, content);
        this.computed.clear();
      }
      applyToExcel(e) {
        const ws = this.excel.getWorksheet(e.sheet);
        if (!ws) return;
        const model = this.model.sheets[this.sheetIndex(e.sheet)];
        detachSharedClones(ws, model, e.row, e.col);
        ws.getCell(e.row + 1, e.col + 1).value = e.saved !== null ? { formula: e.saved } : e.value;
      }
      /**
       * Adds an empty worksheet at the end (the audit's report and log sheets). Throws a RangeError
       * for a name Excel would refuse or one already taken (names compare case-insensitively).
       */
      async addSheet(name) {
        const why2 = sheetNameProblem(name);
        if (why2) throw new RangeError(`Cannot add the sheet "${name}": ${why2}.`);
        const taken = (n) => n.toLowerCase() === name.toLowerCase();
        if (this.model.sheets.some((s) => taken(s.name))) {
          throw new RangeError(`Cannot add the sheet "${name}": a sheet of that name exists.`);
        }
        const excel = await this.excelWorkbook();
        if (this.model.sheets.some((s) => taken(s.name))) {
          throw new RangeError(`Cannot add the sheet "${name}": a sheet of that name exists.`);
        }
        excel.addWorksheet(name);
        this.model.sheets.push({
          name,
          rowCount: 0,
          colCount: 0,
          values: [],
          formulas: [],
          arrayFormulas: []
        });
        if (this.evaluation) {
          const ev = this.evaluation;
          ev.sheetIds.push(ev.hf.getSheetId(ev.hf.addSheet(name)));
          ev.overrides.push(/* @__PURE__ */ new Map());
        }
        this.computed.clear();
      }
      /**
       * Replaces a sheet's whole content with constant rows from A1 (a string starting with `=` is
       * text here, not a formula). Formats stay; formulas elsewhere that read the sheet recalculate.
       */
      async setRows(sheet, rows) {
        this.sheetIndex(sheet);
        const excel = await this.excelWorkbook();
        const i = this.sheetIndex(sheet);
        const { name, formats } = this.model.sheets[i];
        const values = rows.map((r) => r.map((v) => v));
        this.model.sheets[i] = {
          ...formats ? { formats } : {},
          name,
          rowCount: values.length,
          colCount: values.reduce((n, r) => Math.max(n, r.length), 0),
          values,
          formulas: values.map(() => []),
          arrayFormulas: []
        };
        const ws = excel.getWorksheet(name);
        if (ws) {
          ws.eachRow(
            { includeEmpty: false },
            (row) => row.eachCell({ includeEmpty: false }, (cell2) => {
              cell2.value = null;
            })
          );
          values.forEach(
            (r, y) => r.forEach((v, x) => {
              if (v !== null) ws.getCell(y + 1, x + 1).value = v;
            })
          );
        }
        if (this.evaluation) {
          const ev = this.evaluation;
          ev.overrides[i].clear();
          ev.hf.setSheetContent(
            ev.sheetIds[i],
            values.map((r) => r.map(rawConstant))
          );
        }
        this.computed.clear();
      }
      /** Protects a sheet against casual edits (no password: one in code would be no secret). */
      async protectSheet(sheet) {
        this.sheetIndex(sheet);
        const excel = await this.excelWorkbook();
        const ws = excel.getWorksheet(this.model.sheets[this.sheetIndex(sheet)].name);
        if (ws) await ws.protect("", { selectLockedCells: true, selectUnlockedCells: true });
      }
      /** The workbook as .xlsx bytes, with fresh cached values for every formula. */
      async toBuffer() {
        const excel = await this.excelWorkbook();
        if (this.evaluated) {
          this.model.sheets.forEach((sheet, i) => {
            const ws = excel.getWorksheet(sheet.name);
            if (!ws) return;
            writeSheetResults(ws, {
              sheet,
              values: this.values(i),
              spill: (r, c) => this.spill(i, r, c)
            });
          });
        }
        excel.worksheets.forEach(compactDataValidations);
        const out = await excel.xlsx.writeBuffer();
        return new Uint8Array(out);
      }
    };
  }
});

// src/engine/files.ts
var files_exports = {};
__export(files_exports, {
  displayName: () => displayName,
  readWorkbookFile: () => readWorkbookFile,
  writeWorkbookFile: () => writeWorkbookFile
});
async function readWorkbookFile(path) {
  try {
    const stat = await import_fs.promises.stat(path);
    if (stat.isDirectory())
      throw new EngineFileError(`${path} is a directory, not an .xlsx file.`, path);
    return await import_fs.promises.readFile(path);
  } catch (e) {
    if (e instanceof EngineFileError) throw e;
    const code = e.code;
    const why2 = code === "ENOENT" ? "does not exist" : code === "EACCES" || code === "EPERM" ? "cannot be read (permission denied)" : `cannot be read (${e.message})`;
    throw new EngineFileError(`File ${path} ${why2}.`, path, { cause: e });
  }
}
async function writeWorkbookFile(path, data) {
  try {
    await import_fs.promises.writeFile(path, data);
  } catch (e) {
    throw new EngineFileError(`Could not write ${path} (${e.message}).`, path, {
      cause: e
    });
  }
}
function displayName(path) {
  return (0, import_path.basename)(path);
}
var import_fs, import_path;
var init_files = __esm({
  "src/engine/files.ts"() {
    "use strict";
    import_fs = require("fs");
    import_path = require("path");
    init_errors();
  }
});

// src/engine/xlsx-read.ts
var xlsx_read_exports = {};
__export(xlsx_read_exports, {
  FastReadUnsupported: () => FastReadUnsupported,
  readXlsxModel: () => readXlsxModel
});
function zipEntries(data) {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === 101010256) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) unsupported("no zip directory");
  const count2 = view.getUint16(eocd + 10, true);
  let p2 = view.getUint32(eocd + 16, true);
  if (count2 === 65535 || p2 === 4294967295) unsupported("zip64");
  const decoder = new TextDecoder();
  const entries = /* @__PURE__ */ new Map();
  for (let i = 0; i < count2; i++) {
    if (p2 + 46 > data.length || view.getUint32(p2, true) !== 33639248) unsupported("bad zip");
    const method = view.getUint16(p2 + 10, true);
    const compressedSize = view.getUint32(p2 + 20, true);
    const nameLength = view.getUint16(p2 + 28, true);
    const extraLength = view.getUint16(p2 + 30, true);
    const commentLength = view.getUint16(p2 + 32, true);
    const localOffset = view.getUint32(p2 + 42, true);
    const name = decoder.decode(data.subarray(p2 + 46, p2 + 46 + nameLength));
    entries.set(name.replace(/^\//, ""), { method, compressedSize, localOffset });
    p2 += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
function zipText(data, entries, name) {
  const e = entries.get(name);
  if (!e) return null;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (view.getUint32(e.localOffset, true) !== 67324752) unsupported("bad zip entry");
  const start = e.localOffset + 30 + view.getUint16(e.localOffset + 26, true) + view.getUint16(e.localOffset + 28, true);
  const raw = data.subarray(start, start + e.compressedSize);
  let bytes;
  if (e.method === 0) bytes = raw;
  else if (e.method === 8) bytes = (0, import_zlib.inflateRawSync)(raw);
  else return unsupported(`zip method ${e.method}`);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
}
function decodeXml(s) {
  if (s.indexOf("&") < 0) return s;
  return s.replace(
    ENTITY,
    (_, dec, hex, named) => named ? NAMED[named] : String.fromCodePoint(dec ? Number(dec) : parseInt(hex, 16))
  );
}
function attr(tag, name) {
  const re = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)')`);
  const m = re.exec(tag);
  return m ? decodeXml(m[2] ?? m[3]) : void 0;
}
function textOf(inner) {
  let out = "";
  const clean = inner.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "");
  const re = /<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g;
  for (let m = re.exec(clean); m; m = re.exec(clean)) out += decodeXml(m[1]);
  return out;
}
function sharedStrings(xml) {
  if (xml === null) return [];
  const out = [];
  const re = /<si>([\s\S]*?)<\/si>|<si\/>/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) out.push(m[1] === void 0 ? "" : textOf(m[1]));
  return out;
}
function cellFormats(xml) {
  if (xml === null) return [];
  const custom = /* @__PURE__ */ new Map();
  const numFmts = /<numFmts\b[^>]*>([\s\S]*?)<\/numFmts>/.exec(xml);
  if (numFmts) {
    for (const m of numFmts[1].matchAll(/<numFmt\b[^>]*>/g)) {
      const id = attr(m[0], "numFmtId");
      const code = attr(m[0], "formatCode");
      if (id !== void 0 && code !== void 0) custom.set(Number(id), code);
    }
  }
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml);
  if (!xfs) return [];
  const out = [];
  for (const m of xfs[1].matchAll(/<xf\b[^>]*>/g)) {
    const id = Number(attr(m[0], "numFmtId") ?? 0);
    const code = id ? custom.get(id) ?? BUILT_IN_FORMATS[id] : void 0;
    out.push(code === "General" ? void 0 : code);
  }
  return out;
}
function readSheetXml(name, xml, strings, styles) {
  if (/<tableParts\b[^>]*count="[1-9]/.test(xml) || /<tablePart\b/.test(xml)) {
    unsupported("tables");
  }
  const merged = mergedSlaves(xml);
  const values = [];
  const formulas = [];
  const arrayFormulas = [];
  const formats = [];
  const masters = /* @__PURE__ */ new Map();
  let rowCount2 = 0;
  let colCount = 0;
  const start = xml.indexOf("<sheetData");
  const end = xml.indexOf("</sheetData>");
  if (start < 0) return { name, rowCount: rowCount2, colCount, values, formulas, arrayFormulas };
  const data = xml.slice(start, end < 0 ? xml.length : end);
  const cellRe = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
  for (let m = cellRe.exec(data); m; m = cellRe.exec(data)) {
    const attrs = m[1];
    const inner = m[2];
    const ref = attr(attrs, "r");
    if (ref === void 0) unsupported("cell without address");
    const pos = parseCell(ref);
    if (!pos) return unsupported(`cell address ${ref}`);
    const { row: r, col: c } = pos;
    if (inner === void 0 || merged.size > 0 && merged.has(`${r},${c}`)) continue;
    const type = attr(attrs, "t") ?? "n";
    if (type === "d") unsupported("ISO date cell");
    let formula;
    const f = /<f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/f>)/.exec(inner);
    if (f) {
      const fAttrs = f[1];
      const text3 = f[2] === void 0 ? "" : decodeXml(f[2]);
      const shareType = attr(fAttrs, "t");
      if (shareType === "shared") {
        const si = attr(fAttrs, "si") ?? "";
        if (text3 !== "") {
          masters.set(si, { row: r, col: c, text: text3 });
          formula = text3;
        } else {
          const master = masters.get(si);
          if (!master) return unsupported("shared formula clone before its master");
          formula = shiftFormula(master.text, r - master.row, c - master.col);
        }
      } else {
        formula = text3 === "" ? void 0 : text3;
        const aref = attr(fAttrs, "ref");
        if (shareType === "array" && aref) arrayFormulas.push({ row: r, col: c, ref: aref });
      }
      if (formula !== void 0 && formula.startsWith("=")) formula = formula.slice(1);
    }
    const vm = /<v(?:\s[^>]*)?>([\s\S]*?)<\/v>|<v\/>/.exec(inner);
    const v = vm ? decodeXml(vm[1] ?? "") : void 0;
    let value = null;
    switch (type) {
      case "s":
        value = v === void 0 ? null : strings[Number(v)] ?? null;
        break;
      case "inlineStr": {
        const is = /<is>([\s\S]*?)<\/is>/.exec(inner);
        value = is ? textOf(is[1]) : null;
        break;
      }
      case "str":
        value = v ? v : null;
        break;
      case "b":
        value = v === void 0 ? null : v === "1" || v === "true";
        break;
      case "e":
        value = v === void 0 ? null : { error: v };
        break;
      default:
        value = v === void 0 || v === "" ? null : Number(v);
        if (typeof value === "number" && Number.isNaN(value)) value = v;
    }
    if (formula === void 0 && value === null) continue;
    const vals = values[r] ??= [];
    while (vals.length < c) vals.push(null);
    vals[c] = value;
    if (formula !== void 0) {
      const forms = formulas[r] ??= [];
      while (forms.length < c) forms.push(null);
      forms[c] = formula;
    }
    if (styles.length > 0) {
      const style = STYLE_ATTR.exec(attrs);
      if (style) setFormat(formats, r, c, styles[Number(style[1])]);
    }
    if (c + 1 > colCount) colCount = c + 1;
    if (r + 1 > rowCount2) rowCount2 = r + 1;
  }
  for (let r = 0; r < rowCount2; r++) {
    values[r] ??= [];
    formulas[r] ??= [];
  }
  const sheet = { name, rowCount: rowCount2, colCount, values, formulas, arrayFormulas };
  return formats.length > 0 ? { ...sheet, formats } : sheet;
}
function mergedSlaves(xml) {
  const out = /* @__PURE__ */ new Set();
  const re = /<mergeCell\b[^>]*\bref="([^"]+)"/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const range = parseRange(m[1]);
    if (!range) continue;
    for (let r = range.top; r <= range.bottom; r++) {
      for (let c = range.left; c <= range.right; c++) {
        if (r !== range.top || c !== range.left) out.add(`${r},${c}`);
      }
    }
  }
  return out;
}
function partPath(target) {
  if (target.startsWith("/")) return target.slice(1);
  const parts = ["xl"];
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== "." && seg !== "") parts.push(seg);
  }
  return parts.join("/");
}
function readXlsxModel(data) {
  const entries = zipEntries(data);
  const workbook = zipText(data, entries, "xl/workbook.xml");
  const rels = zipText(data, entries, "xl/_rels/workbook.xml.rels");
  if (workbook === null || rels === null) return unsupported("no workbook part");
  const targets = /* @__PURE__ */ new Map();
  let stylesPart = "xl/styles.xml";
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attr(m[0], "Id");
    const target = attr(m[0], "Target");
    if (id !== void 0 && target !== void 0) targets.set(id, target);
    if (target !== void 0 && /\/styles$/.test(attr(m[0], "Type") ?? "")) {
      stylesPart = partPath(target);
    }
  }
  for (const m of workbook.matchAll(/<definedName\b([^>]*)>/g)) {
    if (!(attr(m[1], "name") ?? "").toLowerCase().startsWith("_xlnm.")) unsupported("names");
  }
  const pr = /<workbookPr\b[^>]*>/.exec(workbook);
  const date1904 = pr !== null && isTrue(attr(pr[0], "date1904"));
  const strings = sharedStrings(zipText(data, entries, "xl/sharedStrings.xml"));
  const styles = cellFormats(zipText(data, entries, stylesPart));
  const sheets = [];
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = attr(m[0], "name");
    const rid = attr(m[0], "r:id");
    const target = rid === void 0 ? void 0 : targets.get(rid);
    if (name === void 0 || target === void 0 || !/worksheets\//.test(target)) {
      return unsupported("sheet part");
    }
    const xml = zipText(data, entries, partPath(target));
    if (xml === null) return unsupported("missing sheet part");
    sheets.push(readSheetXml(name, xml, strings, styles));
  }
  if (sheets.length === 0) unsupported("no sheets");
  return { sheets, tables: [], names: [], date1904 };
}
var import_zlib, FastReadUnsupported, unsupported, ENTITY, NAMED, BUILT_IN_FORMATS, STYLE_ATTR, isTrue;
var init_xlsx_read = __esm({
  "src/engine/xlsx-read.ts"() {
    "use strict";
    import_zlib = require("zlib");
    init_a1();
    init_dialect();
    init_model();
    FastReadUnsupported = class extends Error {
      constructor() {
        super(...arguments);
        this.name = "FastReadUnsupported";
      }
    };
    unsupported = (why2) => {
      throw new FastReadUnsupported(why2);
    };
    ENTITY = /&(?:#(\d+)|#x([0-9a-fA-F]+)|(amp|lt|gt|quot|apos));/g;
    NAMED = {
      amp: "&",
      lt: "<",
      gt: ">",
      quot: '"',
      apos: "'"
    };
    BUILT_IN_FORMATS = {
      0: "General",
      1: "0",
      2: "0.00",
      3: "#,##0",
      4: "#,##0.00",
      9: "0%",
      10: "0.00%",
      11: "0.00E+00",
      12: "# ?/?",
      13: "# ??/??",
      14: "mm-dd-yy",
      15: "d-mmm-yy",
      16: "d-mmm",
      17: "mmm-yy",
      18: "h:mm AM/PM",
      19: "h:mm:ss AM/PM",
      20: "h:mm",
      21: "h:mm:ss",
      22: 'm/d/yy "h":mm',
      37: "#,##0 ;(#,##0)",
      38: "#,##0 ;[Red](#,##0)",
      39: "#,##0.00 ;(#,##0.00)",
      40: "#,##0.00 ;[Red](#,##0.00)",
      45: "mm:ss",
      46: "[h]:mm:ss",
      47: "mmss.0",
      48: "##0.0E+0",
      49: "@"
    };
    STYLE_ATTR = /\ss\s*=\s*["'](\d+)["']/;
    isTrue = (v) => v === "1" || v === "true";
  }
});

// src/engine/index.ts
async function loadWorkbook(input, options = {}) {
  if (typeof input === "string") {
    const files = await Promise.resolve().then(() => (init_files(), files_exports));
    const data = await files.readWorkbookFile(input);
    return loadBytes(data, options, input);
  }
  return loadBytes(input, options, "The workbook data");
}
async function loadBytes(data, options, name) {
  const functions = options.functions ?? defaultFunctionSet();
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const model = await fastModel(bytes);
  if (model) return new Workbook(bytes, model, functions, name);
  return Workbook.fromBuffer(bytes, functions, name);
}
async function fastModel(bytes) {
  if (typeof process === "undefined" || !process.versions?.node) return void 0;
  if (bytes.length < 4 || bytes[0] !== 80 || bytes[1] !== 75) return void 0;
  try {
    const { readXlsxModel: readXlsxModel2 } = await Promise.resolve().then(() => (init_xlsx_read(), xlsx_read_exports));
    return readXlsxModel2(bytes);
  } catch {
    return void 0;
  }
}
async function saveWorkbook(workbook, path) {
  const files = await Promise.resolve().then(() => (init_files(), files_exports));
  let data;
  try {
    data = await workbook.toBuffer();
  } catch (e) {
    throw new EngineFileError(
      `Could not build the workbook for ${path} (${e.message}).`,
      path
    );
  }
  await files.writeWorkbookFile(path, data);
}
var init_engine = __esm({
  "src/engine/index.ts"() {
    "use strict";
    init_default_functions();
    init_errors();
    init_workbook();
    init_errors();
    init_workbook();
    init_model();
    init_cm_plugin();
    init_dialect();
  }
});

// src/cli/workbook.ts
function isOwnSheet(name) {
  return OWN_SHEETS.has(name.toLowerCase());
}
async function openWorkbook(path) {
  return loadWorkbook(path);
}
function fileName(path) {
  return (0, import_path2.basename)(path);
}
function dataGrids(wb) {
  const grids = [];
  for (const sheet of wb.sheetNames()) {
    if (isOwnSheet(sheet)) continue;
    const tables = wb.model.tables.filter((t) => t.sheet.toLowerCase() === sheet.toLowerCase());
    if (tables.length > 0) {
      for (const t of tables) grids.push(wb.tableGrid(t.name));
      continue;
    }
    const grid = wb.grid(sheet);
    if (grid.values.length > 0) grids.push(grid);
  }
  return grids;
}
function rowCount(grids) {
  let n = 0;
  for (const g of grids) n += Math.max(0, g.values.length - 1);
  return n;
}
var import_path2, OWN_SHEETS;
var init_workbook2 = __esm({
  "src/cli/workbook.ts"() {
    "use strict";
    import_path2 = require("path");
    init_engine();
    init_sheet_names();
    OWN_SHEETS = new Set(
      [...Object.values(REPORT_SHEET), ...Object.values(LOG_SHEET)].map((s) => s.toLowerCase())
    );
  }
});

// src/cli/recalc.ts
var recalc_exports = {};
__export(recalc_exports, {
  jsonValue: () => jsonValue,
  recalcJson: () => recalcJson,
  run: () => run
});
function jsonValue(v) {
  if (v === null || typeof v !== "object") return v;
  const message = v.message ?? ERROR_MEANING[v.error] ?? "The formula gives an error.";
  return { error: v.error, message };
}
function recalcJson(wb, path) {
  const sheets = {};
  for (const name of wb.sheetNames()) sheets[name] = {};
  for (const cell2 of wb.formulaCells()) sheets[cell2.sheet][cell2.address] = jsonValue(cell2.value);
  return { workbook: fileName(path), policy: policyVersionText(DEFAULT_POLICY), sheets };
}
function summary(cells, path, lang) {
  const byKind = /* @__PURE__ */ new Map();
  for (const c of cells) {
    const v = c.value;
    if (v === null || typeof v !== "object") continue;
    const list2 = byKind.get(v.error) ?? [];
    list2.push(c);
    byKind.set(v.error, list2);
  }
  const errors = [...byKind.values()].reduce((n, l) => n + l.length, 0);
  const spilled = cells.filter((c) => c.spilledFrom !== void 0).length;
  const lines = [
    lang === "zh" ? `${fileName(path)}\uFF1A${cells.length} \u4E2A\u516C\u5F0F\u5355\u5143\u683C\uFF08\u5176\u4E2D\u6EA2\u51FA ${spilled} \u4E2A\uFF09\uFF0C${errors} \u4E2A\u9519\u8BEF\u503C\u3002` : `${fileName(path)}: ${cells.length} formula cells (${spilled} spilled), ${errors} with an error.`
  ];
  for (const [kind, list2] of [...byKind].sort((a, b) => b[1].length - a[1].length)) {
    lines.push(`  ${kind} \xD7 ${list2.length}`);
    for (const c of list2.slice(0, SHOWN_PER_KIND)) {
      lines.push(
        `    ${c.sheet}!${c.address}  ${jsonValue(c.value).message}`
      );
    }
    if (list2.length > SHOWN_PER_KIND) {
      lines.push(
        lang === "zh" ? `    \u2026\u53E6\u6709 ${list2.length - SHOWN_PER_KIND} \u4E2A` : `    \u2026 and ${list2.length - SHOWN_PER_KIND} more`
      );
    }
  }
  return `${lines.join("\n")}
`;
}
async function run(args, io) {
  const lang = parseLang(args.values.lang, io.env);
  const path = args.positionals[0];
  const out = args.values.out;
  const progress = new Progress(io, out !== void 0 ? 3 : 2);
  try {
    progress.next(`loading ${fileName(path)}`);
    const wb = await openWorkbook(path);
    progress.next("evaluating");
    wb.evaluate();
    if (out !== void 0) {
      progress.next(`writing ${fileName(out)}`);
      await saveWorkbook(wb, out);
    }
    progress.done();
    if (args.values.json === true) io.out(`${JSON.stringify(recalcJson(wb, path))}
`);
    else io.out(summary(wb.formulaCells(), path, lang));
  } finally {
    progress.done();
  }
  return EXIT_OK;
}
var ERROR_MEANING, SHOWN_PER_KIND;
var init_recalc = __esm({
  "src/cli/recalc.ts"() {
    "use strict";
    init_engine();
    init_rules();
    init_io();
    init_workbook2();
    ERROR_MEANING = {
      "#VALUE!": "A value has the wrong type.",
      "#NUM!": "A number is outside its domain.",
      "#N/A": "The value is not available.",
      "#DIV/0!": "Division by zero.",
      "#REF!": "A reference is not valid.",
      "#NAME?": "The formula uses an unknown name or function.",
      "#NULL!": "Two ranges do not intersect.",
      "#SPILL!": "The result cannot spill into occupied cells.",
      "#CYCLE!": "The formula refers to itself (a circular reference)."
    };
    SHOWN_PER_KIND = 3;
  }
});

// src/sheets/a1.ts
function columnLetters2(col) {
  let n = col + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
function columnIndex2(letters) {
  let n = 0;
  for (let i = 0; i < letters.length; i++) {
    const c = letters.charCodeAt(i) & ~32;
    if (c < 65 || c > 90) return -1;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}
function cellAddress(row, col) {
  return `${columnLetters2(col)}${row + 1}`;
}
function rangeAddress(top, left, bottom, right) {
  const first = cellAddress(top, left);
  return top === bottom && left === right ? first : `${first}:${cellAddress(bottom, right)}`;
}
var init_a12 = __esm({
  "src/sheets/a1.ts"() {
    "use strict";
  }
});

// src/sheets/columns.ts
var APPRAISAL_KEYS, COMPUTED_KEYS, text, money, count, CELL_KINDS, COMPUTED, INPUT_KEYS;
var init_columns = __esm({
  "src/sheets/columns.ts"() {
    "use strict";
    APPRAISAL_KEYS = [
      "id",
      "name",
      "branch",
      "role",
      "deposit_growth",
      "new_deposits",
      "npl_ratio",
      "collection_rate",
      "fee_growth",
      "new_accounts",
      "months_below_base",
      "violation_points",
      "major_violation",
      "loss_amount",
      "prior_demotions",
      "monthly_income",
      "reserve_balance",
      "score",
      "outcome",
      "reserve_deduction"
    ];
    COMPUTED_KEYS = ["score", "outcome", "reserve_deduction"];
    text = { type: "text" };
    money = { type: "number", kind: "money" };
    count = { type: "number", kind: "count" };
    CELL_KINDS = {
      id: { type: "id" },
      name: text,
      branch: text,
      role: { type: "role" },
      deposit_growth: { type: "number", kind: "growth", percent: true },
      new_deposits: money,
      npl_ratio: { type: "number", kind: "rate", percent: true },
      collection_rate: { type: "number", kind: "rate", percent: true },
      fee_growth: { type: "number", kind: "growth", percent: true },
      new_accounts: count,
      months_below_base: count,
      violation_points: { type: "number", kind: "amount" },
      major_violation: { type: "boolean" },
      loss_amount: money,
      prior_demotions: count,
      monthly_income: money,
      reserve_balance: money,
      score: { type: "computed" },
      outcome: { type: "computed" },
      reserve_deduction: { type: "computed" },
      client: text,
      client_deposits: money,
      client_loans: money,
      loan: text,
      loan_amount: money,
      manager_id: { type: "id" }
    };
    COMPUTED = {
      // Art. 13: role, deposit (growth or amount by role), npl_ratio, collection_rate, fourth.
      score: {
        fn: "APPRAISAL_SCORE",
        article: "Art. 13",
        params: [
          ["role"],
          ["deposit_growth", "new_deposits"],
          ["npl_ratio"],
          ["collection_rate"],
          ["fee_growth", "new_accounts"]
        ],
        required: 5
      },
      // Art. 14: role, score, collection_rate, then the optional facts.
      outcome: {
        fn: "GRADE_OUTCOME",
        article: "Art. 14",
        params: [
          ["role"],
          ["score"],
          ["collection_rate"],
          ["months_below_base"],
          ["violation_points"],
          ["major_violation"],
          ["deposit_growth", "new_deposits"],
          ["npl_ratio"],
          ["loss_amount"],
          ["prior_demotions"]
        ],
        required: 3
      },
      // Art. 25(2): role, monthly_income, [balance].
      reserve_deduction: {
        fn: "RISK_RESERVE",
        article: "Art. 25(2)",
        params: [["role"], ["monthly_income"], ["reserve_balance"]],
        required: 2
      }
    };
    INPUT_KEYS = APPRAISAL_KEYS.slice(
      APPRAISAL_KEYS.indexOf("deposit_growth"),
      APPRAISAL_KEYS.indexOf("score")
    );
  }
});

// src/sheets/headers.ts
function foldHeader(raw) {
  if (typeof raw !== "string") return void 0;
  let folded = raw.normalize("NFKC").replace(SPACES, "").toLowerCase();
  if (folded.startsWith("*")) folded = folded.slice(1);
  if (folded === "") return void 0;
  const m = UNIT_SUFFIX.exec(folded);
  if (m !== null) {
    const unit = UNITS.get(m[1]);
    if (unit !== void 0) {
      return { folded: folded.slice(0, m.index), unit: { text: m[1], unit } };
    }
  }
  return { folded };
}
function matchHeader(raw) {
  const h = foldHeader(raw);
  if (h === void 0) return void 0;
  const key = LOOKUP2.get(h.folded);
  if (key === void 0) return void 0;
  return h.unit === void 0 ? { key } : { key, unit: h.unit };
}
function unitFits(key, unit) {
  const kind = CELL_KINDS[key];
  if (kind.type !== "number") return false;
  switch (kind.kind) {
    case "money":
      return unit === "yuan";
    case "rate":
    case "growth":
      return unit === "percent";
    case "count":
    case "months":
      return unit === "count";
    default:
      return unit === "points";
  }
}
function columnLabel(key, lang) {
  return HEADERS[key][lang][0];
}
var HEADERS, UNITS, SPACES, UNIT_SUFFIX, LOOKUP2;
var init_headers = __esm({
  "src/sheets/headers.ts"() {
    "use strict";
    init_columns();
    HEADERS = {
      id: { zh: ["\u5DE5\u53F7", "\u5458\u5DE5\u7F16\u53F7"], en: ["Employee ID", "ID"] },
      name: { zh: ["\u59D3\u540D"], en: ["Name"] },
      branch: { zh: ["\u652F\u884C", "\u673A\u6784"], en: ["Branch"] },
      role: { zh: ["\u8003\u6838\u5BF9\u8C61", "\u7EA7\u522B", "\u804C\u7EA7"], en: ["Role", "Grade"] },
      deposit_growth: { zh: ["\u65B0\u589E\u5B58\u6B3E\u65E5\u5747\u589E\u957F\u7387", "\u5B58\u6B3E\u589E\u957F\u7387"], en: ["Deposit growth"] },
      new_deposits: { zh: ["\u65B0\u589E\u5B58\u6B3E\u65E5\u5747"], en: ["New deposits"] },
      npl_ratio: { zh: ["\u4E0D\u826F\u7387", "\u8D37\u6B3E\u4E0D\u826F\u7387"], en: ["NPL ratio"] },
      collection_rate: { zh: ["\u6536\u8D37\u6536\u606F\u7387", "\u6536\u606F\u7387"], en: ["Collection rate"] },
      fee_growth: { zh: ["\u4E2D\u95F4\u6536\u5165\u589E\u957F\u7387", "\u4E2D\u95F4\u4E1A\u52A1\u6536\u5165\u589E\u957F\u7387"], en: ["Fee income growth"] },
      new_accounts: { zh: ["\u65B0\u5F00\u5BF9\u516C\u57FA\u672C\u8D26\u6237", "\u65B0\u5F00\u5BF9\u516C\u57FA\u672C\u5E10\u6237"], en: ["New basic accounts"] },
      months_below_base: { zh: ["\u8FDE\u7EED\u4F4E\u4E8E\u57FA\u6570\u6708\u6570"], en: ["Months below base"] },
      violation_points: { zh: ["\u8FDD\u89C4\u6263\u5206"], en: ["Violation points"] },
      major_violation: { zh: ["\u91CD\u5927\u8FDD\u89C4"], en: ["Major violation"] },
      loss_amount: { zh: ["\u4E8B\u6545\u635F\u5931", "\u7ECF\u6D4E\u635F\u5931"], en: ["Accident loss"] },
      prior_demotions: { zh: ["\u4E0A\u5E74\u964D\u7EA7"], en: ["Prior demotions"] },
      monthly_income: { zh: ["\u6708\u6536\u5165"], en: ["Monthly income"] },
      reserve_balance: { zh: ["\u98CE\u9669\u91D1\u4F59\u989D"], en: ["Reserve balance"] },
      score: { zh: ["\u7EFC\u5408\u5F97\u5206", "\u8003\u6838\u5F97\u5206"], en: ["Score"] },
      outcome: { zh: ["\u8003\u6838\u7ED3\u679C"], en: ["Outcome"] },
      reserve_deduction: { zh: ["\u672C\u6708\u98CE\u9669\u91D1"], en: ["Reserve deduction"] },
      client: { zh: ["\u5BA2\u6237\u540D\u79F0", "\u5BA2\u6237"], en: ["Client"] },
      client_deposits: { zh: ["\u5B58\u6B3E", "\u5B58\u6B3E\u4F59\u989D"], en: ["Deposits"] },
      client_loans: { zh: ["\u8D37\u6B3E", "\u8D37\u6B3E\u4F59\u989D"], en: ["Loans"] },
      loan: { zh: ["\u8D37\u6B3E\u7F16\u53F7", "\u501F\u636E\u53F7", "\u5408\u540C\u7F16\u53F7"], en: ["Loan", "Loan ID"] },
      loan_amount: { zh: ["\u8D37\u6B3E\u91D1\u989D", "\u5355\u7B14\u8D37\u6B3E"], en: ["Loan amount"] },
      manager_id: { zh: ["\u5BA2\u6237\u7ECF\u7406\u5DE5\u53F7", "\u7ECF\u529E\u4EBA\u5DE5\u53F7"], en: ["Manager ID"] }
    };
    UNITS = /* @__PURE__ */ new Map([
      ["\u5143", "yuan"],
      ["\u4EBA\u6C11\u5E01\u5143", "yuan"],
      ["yuan", "yuan"],
      ["cny", "yuan"],
      ["rmb", "yuan"],
      ["\xA5", "yuan"],
      ["\u4E07\u5143", "wan"],
      ["\u4E07", "wan"],
      ["%", "percent"],
      ["\u6237", "count"],
      ["\u4E2A", "count"],
      ["\u6708", "count"],
      ["\u4E2A\u6708", "count"],
      ["\u6B21", "count"],
      ["\u5206", "points"],
      ["points", "points"]
    ]);
    SPACES = /[\s\u3000_-]+/g;
    UNIT_SUFFIX = /[([【〔]([^()[\]【】〔〕]{1,6})[)\]】〕]$/;
    LOOKUP2 = (() => {
      const map = /* @__PURE__ */ new Map();
      for (const key of Object.keys(HEADERS)) {
        for (const s of [key, ...HEADERS[key].zh, ...HEADERS[key].en]) {
          const f = foldHeader(s);
          if (f !== void 0 && !map.has(f.folded)) map.set(f.folded, key);
        }
      }
      return map;
    })();
  }
});

// src/sheets/findings.ts
function countFindings(findings) {
  let errors = 0;
  let warnings = 0;
  const byRule = {};
  for (const f of findings) {
    if (f.severity === "error") errors++;
    else warnings++;
    byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
  }
  return { errors, warnings, byRule };
}
var init_findings = __esm({
  "src/sheets/findings.ts"() {
    "use strict";
  }
});

// src/sheets/tables.ts
function classify(keys) {
  if (keys.has("role")) {
    let signals = 0;
    for (const k of APPRAISAL_SIGNALS) if (keys.has(k)) signals++;
    if (signals >= 2) return "appraisal";
  }
  const linked = keys.has("manager_id") || keys.has("client");
  if (keys.has("loan_amount") && (linked || keys.has("loan"))) return "loans";
  if ((keys.has("client_deposits") || keys.has("client_loans")) && linked) return "clients";
  return void 0;
}
function matchRow(row) {
  return row.map((cell2) => matchHeader(cell2));
}
function keysOf(matches) {
  const keys = /* @__PURE__ */ new Set();
  for (const m of matches) if (m !== void 0) keys.add(m.key);
  return keys;
}
function notFound(grid) {
  const where = grid.table ? `Table ${grid.table}` : `sheet ${grid.sheet}`;
  const whereZh = grid.table ? `\u8868\u683C ${grid.table}` : `\u5DE5\u4F5C\u8868 ${grid.sheet}`;
  return {
    severity: "error",
    sheet: grid.sheet,
    address: cellAddress(grid.top, grid.left),
    row: grid.top + 1,
    column: null,
    rule: "table.not-found",
    article: "\u2014",
    message: {
      en: `No appraisal, clients or loans table found in ${where}: no row among the first ${HEADER_SCAN_ROWS} has the column headers (e.g. \u5DE5\u53F7/Employee ID, \u8003\u6838\u5BF9\u8C61/Role, \u4E0D\u826F\u7387/NPL ratio, \u6536\u8D37\u6536\u606F\u7387/Collection rate).`,
      zh: `${whereZh}\u4E2D\u672A\u627E\u5230\u8003\u6838\u8868\u3001\u5BA2\u6237\u8868\u6216\u8D37\u6B3E\u8868\uFF1A\u524D ${HEADER_SCAN_ROWS} \u884C\u4E2D\u6CA1\u6709\u5305\u542B\u5217\u6807\u9898\uFF08\u5982 \u5DE5\u53F7\u3001\u8003\u6838\u5BF9\u8C61\u3001\u4E0D\u826F\u7387\u3001\u6536\u8D37\u6536\u606F\u7387\uFF09\u7684\u884C\u3002`
    }
  };
}
function locateTable(grid) {
  const scan = grid.table ? Math.min(1, grid.values.length) : Math.min(HEADER_SCAN_ROWS, grid.values.length);
  for (let r = 0; r < scan; r++) {
    const matches = matchRow(grid.values[r]);
    const kind = classify(keysOf(matches));
    if (kind !== void 0) return build(grid, r, kind, matches);
  }
  return { findings: [notFound(grid)] };
}
function build(grid, header, kind, matches) {
  const findings = [];
  const width = grid.values[header].length;
  const letters = [];
  for (let c = 0; c < width; c++) letters.push(columnLetters2(grid.left + c));
  const sheetRow = grid.top + header + 1;
  const col = {};
  const columns = [];
  const unknownColumns = [];
  for (let c = 0; c < width; c++) {
    const raw = grid.values[header][c];
    const m = matches[c];
    const address = `${letters[c]}${sheetRow}`;
    if (m === void 0) {
      if (!isBlank(raw)) unknownColumns.push(String(raw));
      continue;
    }
    const headerText = String(raw);
    const label4 = { zh: columnLabel(m.key, "zh"), en: columnLabel(m.key, "en") };
    const first = col[m.key];
    if (first !== void 0) {
      findings.push({
        severity: "warning",
        sheet: grid.sheet,
        address,
        row: sheetRow,
        column: m.key,
        rule: "header.duplicate",
        article: "\u2014",
        message: {
          en: `Column "${headerText}" names ${label4.en} again; only column ${letters[first]} is read.`,
          zh: `\u5217\u201C${headerText}\u201D\u91CD\u590D\u8868\u793A${label4.zh}\uFF1B\u53EA\u8BFB\u53D6 ${letters[first]} \u5217\u3002`
        }
      });
      continue;
    }
    col[m.key] = c;
    columns.push({ key: m.key, header: headerText, address });
    if (m.unit !== void 0 && !unitFits(m.key, m.unit.unit)) {
      const wan = m.unit.unit === "wan";
      const isMoney = CELL_KINDS[m.key].type === "number";
      findings.push({
        severity: "warning",
        sheet: grid.sheet,
        address,
        row: sheetRow,
        column: m.key,
        rule: "header.unit",
        article: "\xA70",
        message: wan && isMoney ? {
          en: `Header "${headerText}" says \u4E07\u5143 (10,000 yuan), but values must be in yuan (POLICY \xA70): 100\u4E07\u5143 is 1000000. Values are read as yuan, never scaled.`,
          zh: `\u5217\u6807\u9898\u201C${headerText}\u201D\u7684\u5355\u4F4D\u4E3A\u4E07\u5143\uFF0C\u4F46\u91D1\u989D\u5FC5\u987B\u4EE5\u5143\u4E3A\u5355\u4F4D\uFF08\xA70\uFF09\uFF1A100\u4E07\u5143\u5E94\u586B 1000000\u3002\u6570\u503C\u6309\u5143\u8BFB\u53D6\uFF0C\u4E0D\u4F1A\u81EA\u52A8\u6362\u7B97\u3002`
        } : {
          en: `Header "${headerText}" gives the unit (${m.unit.text}), which does not fit ${label4.en}; values are read as ${describe(m.key).en}.`,
          zh: `\u5217\u6807\u9898\u201C${headerText}\u201D\u7684\u5355\u4F4D\uFF08${m.unit.text}\uFF09\u4E0E${label4.zh}\u4E0D\u7B26\uFF1B\u6570\u503C\u6309${describe(m.key).zh}\u8BFB\u53D6\u3002`
        }
      });
    }
  }
  const read = [];
  for (const k of Object.keys(col)) {
    if (CELL_KINDS[k].type !== "computed") read.push(col[k]);
  }
  const dataRows = [];
  for (let r = header + 1; r < grid.values.length; r++) {
    const row = grid.values[r];
    for (let i = 0; i < read.length; i++) {
      if (!isBlank(row[read[i]])) {
        dataRows.push(r);
        break;
      }
    }
  }
  const found = {
    kind,
    sheet: grid.sheet,
    ...grid.table !== void 0 ? { table: grid.table } : {},
    range: rangeAddress(
      grid.top + header,
      grid.left,
      grid.top + Math.max(header, grid.values.length - 1),
      grid.left + Math.max(0, width - 1)
    ),
    headerRow: sheetRow,
    columns,
    unknownColumns,
    rows: dataRows.length
  };
  return { table: { found, grid, col, dataRows, letters }, findings };
}
function describe(key) {
  const kind = CELL_KINDS[key];
  if (kind.type !== "number") return { en: "text", zh: "\u6587\u672C" };
  switch (kind.kind) {
    case "money":
      return { en: "yuan", zh: "\u5143" };
    case "rate":
    case "growth":
      return { en: "fractions (30% is 0.3)", zh: "\u5C0F\u6570\u6BD4\u7387\uFF0830% \u5373 0.3\uFF09" };
    case "count":
      return { en: "whole numbers", zh: "\u6574\u6570" };
    default:
      return { en: "numbers", zh: "\u6570\u503C" };
  }
}
var HEADER_SCAN_ROWS, APPRAISAL_SIGNALS;
var init_tables = __esm({
  "src/sheets/tables.ts"() {
    "use strict";
    init_rules();
    init_a12();
    init_columns();
    init_headers();
    HEADER_SCAN_ROWS = 20;
    APPRAISAL_SIGNALS = [
      "deposit_growth",
      "new_deposits",
      "npl_ratio",
      "collection_rate",
      "fee_growth",
      "new_accounts",
      "months_below_base",
      "violation_points",
      "monthly_income",
      "reserve_balance",
      "score",
      "outcome",
      "reserve_deduction"
    ];
  }
});

// src/sheets/formulas.ts
function formulaShape(formula, fn) {
  const m = CALL.exec(formula);
  if (m !== null && m[1].toUpperCase() === fn) {
    const args = splitCall(formula, m[0].length);
    if (args !== void 0) return { kind: "call", args };
  }
  const upper = formula.toUpperCase();
  return upper.includes(`CM.${fn}(`) || upper.includes(`_XLDUDF_CM_${fn}(`) ? { kind: "wrapped" } : { kind: "other" };
}
function splitCall(formula, start) {
  const args = [];
  let depth = 0;
  let from = start;
  for (let i = start; i < formula.length; i++) {
    const ch = formula.charCodeAt(i);
    if (ch === 34 || ch === 39) {
      const q = ch;
      i++;
      while (i < formula.length) {
        if (formula.charCodeAt(i) === q) {
          if (formula.charCodeAt(i + 1) === q) i++;
          else break;
        }
        i++;
      }
    } else if (ch === 40 || ch === 91 || ch === 123) {
      depth++;
    } else if (ch === 41 || ch === 93 || ch === 125) {
      if (depth === 0) {
        if (ch !== 41) return void 0;
        args.push(formula.slice(from, i).trim());
        return formula.slice(i + 1).trim() === "" ? args : void 0;
      }
      depth--;
    } else if (ch === 44 && depth === 0) {
      args.push(formula.slice(from, i).trim());
      from = i + 1;
    }
  }
  return void 0;
}
function rowTemplate(formula, sheetRow) {
  const row = String(sheetRow + 1);
  let at = formula.indexOf(row);
  if (at < 0) return formula;
  let out = "";
  let from = 0;
  while (at >= 0) {
    out += `${formula.slice(from, at)}\0`;
    from = at + row.length;
    at = formula.indexOf(row, from);
  }
  return out + formula.slice(from);
}
function plainCell(arg) {
  let i = 0;
  const n = arg.length;
  if (arg.charCodeAt(i) === 36) i++;
  let col = 0;
  const startLetters = i;
  while (i < n) {
    const ch = arg.charCodeAt(i) | 32;
    if (ch < 97 || ch > 122) break;
    col = col * 26 + (ch - 96);
    i++;
  }
  const letters = i - startLetters;
  if (letters < 1 || letters > 3) return void 0;
  if (arg.charCodeAt(i) === 36) i++;
  if (i === n - 1 && arg.charCodeAt(i) === 0)
    return { kind: "cell", row: THIS_ROW_MARK, col: col - 1 };
  let row = 0;
  const startDigits = i;
  while (i < n) {
    const ch = arg.charCodeAt(i);
    if (ch < 48 || ch > 57) return void 0;
    row = row * 10 + (ch - 48);
    i++;
  }
  if (i === startDigits || i - startDigits > 7) return void 0;
  return { kind: "cell", row: row - 1, col: col - 1 };
}
function argTarget(arg) {
  if (arg === "") return { kind: "omitted" };
  const plain2 = plainCell(arg);
  if (plain2 !== void 0) return plain2;
  const cell2 = CELL_REF.exec(arg);
  if (cell2 !== null) {
    const sheet = cell2[1] !== void 0 ? cell2[1].replace(/''/g, "'") : cell2[2];
    const col = columnIndex2(cell2[3]);
    const row = Number(cell2[4]) - 1;
    return sheet !== void 0 ? { kind: "cell", sheet, row, col } : { kind: "cell", row, col };
  }
  const tr = THIS_ROW.exec(arg);
  if (tr !== null) {
    const key = matchHeader(tr[1].replace(/'(.)/g, "$1"))?.key;
    return key !== void 0 ? { kind: "this-row", key } : { kind: "this-row" };
  }
  return { kind: "other" };
}
var CALL, CELL_REF, THIS_ROW, THIS_ROW_MARK;
var init_formulas = __esm({
  "src/sheets/formulas.ts"() {
    "use strict";
    init_a12();
    init_headers();
    CALL = /^\s*=?\s*(?:_xldudf_cm_|cm\.)([a-z_][a-z0-9_]*)\s*\(/i;
    CELL_REF = /^(?:(?:'((?:[^']|'')+)'|([^'!]+))!)?\$?([a-z]{1,3})\$?(\d{1,7})$/i;
    THIS_ROW = /^[^[\]]*\[(?:@\[?|\[#this row\],\s*\[)([^\]]+)\]{1,2}$/i;
    THIS_ROW_MARK = -2;
  }
});

// src/sheets/context.ts
function idKey(raw) {
  if (isBlank(raw)) return void 0;
  if (typeof raw === "number") return String(raw);
  return String(raw).trim().toUpperCase();
}
function addressOf(t, r, c) {
  return `${t.letters[c]}${t.grid.top + r + 1}`;
}
function cellFinding(ctx, t, r, key, severity, rule, article, message) {
  const c = t.col[key];
  ctx.findings.push({
    severity,
    sheet: t.grid.sheet,
    address: `${t.letters[c]}${t.grid.top + r + 1}`,
    row: t.grid.top + r + 1,
    column: key,
    rule,
    article,
    message
  });
}
function tableFinding(ctx, t, column2, severity, rule, article, message) {
  ctx.findings.push({
    severity,
    sheet: t.grid.sheet,
    address: `${t.letters[0] ?? "A"}${t.found.headerRow}`,
    row: t.found.headerRow,
    column: column2,
    rule,
    article,
    message
  });
}
function shown(raw) {
  if (raw === null || raw === void 0) return "(blank)";
  if (typeof raw === "string") return `"${raw.length > 40 ? `${raw.slice(0, 40)}\u2026` : raw}"`;
  return String(raw);
}
var init_context = __esm({
  "src/sheets/context.ts"() {
    "use strict";
    init_rules();
  }
});

// src/sheets/read-cell.ts
function numberError(raw, param, kind) {
  if (typeof raw === "number" && plainlyInDomain(raw, kind)) return void 0;
  const r = readNumber(raw, param, kind);
  return r.ok ? void 0 : r.error;
}
function booleanError(raw, param) {
  if (typeof raw === "boolean") return void 0;
  const r = readBoolean(raw, param);
  return r.ok ? void 0 : r.error;
}
var init_read_cell = __esm({
  "src/sheets/read-cell.ts"() {
    "use strict";
    init_rules();
  }
});

// src/sheets/role-inputs.ts
function inputsOf(role2, policy, reserveColumn) {
  const used = /* @__PURE__ */ new Set();
  const required = [];
  let deposit;
  let fourth;
  const appraised = role2 !== "AGENT";
  if (role2 !== "AGENT") {
    deposit = policy.score.deposit[role2].input === "amount" ? "new_deposits" : "deposit_growth";
    fourth = policy.score.fourth[role2].input === "count" ? "new_accounts" : "fee_growth";
    required.push(deposit, "npl_ratio", "collection_rate", fourth);
    used.add("violation_points").add("major_violation");
    if (role2 === "BRANCH_HEAD") used.add("loss_amount").add("prior_demotions");
    else used.add("months_below_base");
  }
  const withholds = role2 in policy.reserve.caps;
  if (withholds) {
    used.add("reserve_balance");
    if (reserveColumn) required.push("monthly_income");
  }
  for (const k of required) used.add(k);
  const unused = INPUT_KEYS.filter((k) => !used.has(k) && !ALWAYS_KEPT.has(k));
  return { required, unused, deposit, fourth, appraised, withholds };
}
function roleInputTable(policy, reserveColumn) {
  const table = {};
  for (const role2 of ROLES) table[role2] = inputsOf(role2, policy, reserveColumn);
  return table;
}
var ALWAYS_KEPT;
var init_role_inputs = __esm({
  "src/sheets/role-inputs.ts"() {
    "use strict";
    init_rules();
    init_columns();
    ALWAYS_KEPT = /* @__PURE__ */ new Set(["monthly_income"]);
  }
});

// src/sheets/check-appraisal.ts
function articleOf(key, policy) {
  switch (key) {
    case "role":
      return "\xA70";
    case "deposit_growth":
    case "new_deposits":
    case "npl_ratio":
    case "collection_rate":
    case "fee_growth":
    case "new_accounts":
    case "score":
      return policy.score.article;
    case "months_below_base":
    case "violation_points":
    case "major_violation":
    case "loss_amount":
    case "prior_demotions":
    case "outcome":
      return "Art. 14";
    case "monthly_income":
    case "reserve_balance":
    case "reserve_deduction":
      return policy.reserve.article;
    case "client_deposits":
    case "client_loans":
      return policy.tier[0]?.article ?? "Art. 12";
    case "loan_amount":
      return policy.authority.article;
    default:
      return "\u2014";
  }
}
function label2(key) {
  return { zh: columnLabel(key, "zh"), en: columnLabel(key, "en") };
}
function readerFinding(ctx, t, r, key, article, error) {
  cellFinding(
    ctx,
    t,
    r,
    key,
    "error",
    error.kind === "value" ? "value.type" : "value.domain",
    article,
    error.message
  );
}
function percentTyped(ctx, t, r, col, raw) {
  const meant = fromExcelNumber(raw).dividedBy(100).toString();
  const l = label2(col.key);
  const domain2 = col.kind.type === "number" && col.kind.kind === "rate" ? numberError(raw, col.key, col.kind.kind) : void 0;
  cellFinding(ctx, t, r, col.key, domain2 ? "error" : "warning", "rate.percent-typed", col.article, {
    en: `${domain2 ? `${domain2.message.en} ` : ""}${l.en} ${raw} looks like a percent typed as a number; rates are fractions (30% is 0.3). Did you mean ${meant}?`,
    zh: `${domain2 ? domain2.message.zh : ""}${l.zh} ${raw} \u4F3C\u4E4E\u662F\u6309\u767E\u5206\u6570\u5F55\u5165\u7684\u6570\u5B57\uFF1B\u6BD4\u7387\u5E94\u4E3A\u5C0F\u6570\uFF0830% \u5373 0.3\uFF09\u3002\u662F\u5426\u5E94\u4E3A ${meant}\uFF1F`
  });
}
function role(ctx, t, r, raw) {
  const read = readRole(raw);
  if (read.ok) return read.value;
  if (isBlank(raw)) {
    cellFinding(ctx, t, r, "role", "error", "input.missing", "\xA70", {
      en: "Role is blank; every row needs a role (POLICY \xA70).",
      zh: "\u8003\u6838\u5BF9\u8C61\u4E3A\u7A7A\uFF1B\u6BCF\u4E00\u884C\u90FD\u5FC5\u987B\u586B\u5199\u8003\u6838\u5BF9\u8C61\uFF08\xA70\uFF09\u3002"
    });
  } else {
    cellFinding(ctx, t, r, "role", "error", "role.unknown", "\xA70", read.error.message);
  }
  return void 0;
}
function checkAppraisal(ctx, t, keep) {
  const { grid, col } = t;
  const policy = ctx.policy;
  const roles = roleInputTable(policy, col.reserve_deduction !== void 0);
  const typed = [];
  for (const key of INPUT_KEYS) {
    const c = col[key];
    if (c !== void 0)
      typed.push({ key, c, kind: CELL_KINDS[key], article: articleOf(key, policy) });
  }
  const computed = COMPUTED_KEYS.filter((k) => col[k] !== void 0);
  const memo = /* @__PURE__ */ new Map();
  const ids = /* @__PURE__ */ new Map();
  const rolesSeen = /* @__PURE__ */ new Set();
  const cRole = col.role;
  const cId = col.id;
  for (const r of t.dataRows) {
    const v = grid.values[r];
    const rowRole = cRole !== void 0 ? role(ctx, t, r, v[cRole]) : void 0;
    if (rowRole !== void 0) rolesSeen.add(rowRole);
    if (cId !== void 0) {
      const raw = v[cId];
      const key = idKey(raw);
      if (key === void 0) {
        cellFinding(ctx, t, r, "id", "error", "input.missing", "\u2014", {
          en: "Employee ID is blank; clients and loans are linked to managers by it.",
          zh: "\u5DE5\u53F7\u4E3A\u7A7A\uFF1B\u5BA2\u6237\u548C\u8D37\u6B3E\u901A\u8FC7\u5DE5\u53F7\u5173\u8054\u5230\u5BA2\u6237\u7ECF\u7406\u3002"
        });
      } else {
        const first = ids.get(key);
        const here = addressOf(t, r, cId);
        if (first !== void 0) {
          cellFinding(ctx, t, r, "id", "error", "id.duplicate", "\u2014", {
            en: `Employee ID ${shown(raw)} is already used in ${first}; ids must be unique.`,
            zh: `\u5DE5\u53F7 ${shown(raw)} \u5DF2\u5728 ${first} \u4F7F\u7528\uFF1B\u5DE5\u53F7\u5FC5\u987B\u552F\u4E00\u3002`
          });
        } else {
          ids.set(key, here);
          if (!ctx.managers.has(key)) {
            ctx.managers.set(key, { role: rowRole, sheet: grid.sheet, address: here });
          }
        }
      }
    }
    for (let i = 0; i < typed.length; i++) {
      const tc = typed[i];
      const raw = v[tc.c];
      if (isBlank(raw)) continue;
      let error;
      if (tc.kind.type === "boolean") {
        error = booleanError(raw, tc.key);
      } else if (tc.kind.type === "number") {
        if (tc.kind.percent && typeof raw === "number" && raw > 1 && (tc.kind.kind === "growth" || raw <= 100)) {
          percentTyped(ctx, t, r, tc, raw);
          continue;
        }
        error = numberError(raw, tc.key, tc.kind.kind);
      }
      if (error !== void 0) readerFinding(ctx, t, r, tc.key, tc.article, error);
    }
    const inputs = rowRole !== void 0 ? roles[rowRole] : void 0;
    if (inputs !== void 0) roleChecks(ctx, t, r, inputs);
    let formulas;
    if (keep !== void 0) formulas = {};
    for (const k of computed) {
      const status = computedCheck(ctx, t, r, k, inputs, memo);
      if (formulas !== void 0) formulas[k] = status;
    }
    if (keep !== void 0) {
      keep.push(
        rowRole !== void 0 ? { r, role: rowRole, formulas: formulas ?? {} } : { r, formulas: formulas ?? {} }
      );
    }
  }
  missingColumns(ctx, t, roles, rolesSeen);
}
function roleChecks(ctx, t, r, inputs) {
  const v = t.grid.values[r];
  const col = t.col;
  for (const key of inputs.required) {
    const c = col[key];
    if (c === void 0 || !isBlank(v[c])) continue;
    const l = label2(key);
    cellFinding(ctx, t, r, key, "error", "input.missing", articleOf(key, ctx.policy), {
      en: `${l.en} is blank; this role needs it (a blank never counts as 0, POLICY \xA70).`,
      zh: `${l.zh}\u4E3A\u7A7A\uFF1B\u8BE5\u8003\u6838\u5BF9\u8C61\u5FC5\u987B\u586B\u5199\uFF08\u7A7A\u767D\u4E0D\u6309 0 \u8BA1\uFF0C\xA70\uFF09\u3002`
    });
  }
  for (const key of inputs.unused) {
    const c = col[key];
    if (c === void 0 || isBlank(v[c])) continue;
    const l = label2(key);
    cellFinding(ctx, t, r, key, "warning", "input.unused", articleOf(key, ctx.policy), {
      en: `${l.en} is given but this role does not use it; the value is ignored.`,
      zh: `\u5DF2\u586B\u5199${l.zh}\uFF0C\u4F46\u8BE5\u8003\u6838\u5BF9\u8C61\u4E0D\u4F7F\u7528\u6B64\u9879\uFF1B\u8BE5\u503C\u4E0D\u53C2\u4E0E\u8BA1\u7B97\u3002`
    });
  }
}
function computedCheck(ctx, t, r, key, inputs, memo) {
  const c = t.col[key];
  const spec = COMPUTED[key];
  const raw = t.grid.values[r][c];
  const formula = t.grid.formulas[r]?.[c] ?? null;
  if (formula === null || formula === "") {
    const l2 = label2(key);
    if (isBlank(raw)) {
      const applies2 = key === "reserve_deduction" ? inputs?.withholds !== false : inputs?.appraised !== false;
      if (applies2) {
        cellFinding(ctx, t, r, key, "warning", "formula.missing", spec.article, {
          en: `${l2.en} is empty; it should hold =CM.${spec.fn}(\u2026).`,
          zh: `${l2.zh}\u4E3A\u7A7A\uFF1B\u5E94\u586B\u5199\u516C\u5F0F =CM.${spec.fn}(\u2026)\u3002`
        });
      }
      return "blank";
    }
    cellFinding(ctx, t, r, key, "error", "formula.overwritten", spec.article, {
      en: `${l2.en} holds the typed value ${shown(raw)} instead of its formula =CM.${spec.fn}(\u2026); it will not follow the inputs.`,
      zh: `${l2.zh}\u586B\u5199\u7684\u662F\u5E38\u91CF ${shown(raw)}\uFF0C\u800C\u4E0D\u662F\u516C\u5F0F =CM.${spec.fn}(\u2026)\uFF1B\u5B83\u4E0D\u4F1A\u968F\u8F93\u5165\u53D8\u5316\u3002`
    });
    return "constant";
  }
  const status = formulaStatus(t, r, key, formula, inputs, memo);
  if (status === "own" || status === "call") return status;
  const l = label2(key);
  const wrapped = status === "wrapped";
  cellFinding(ctx, t, r, key, wrapped ? "warning" : "error", "formula.unexpected", spec.article, {
    en: wrapped ? `${l.en} wraps CM.${spec.fn} in another expression (${formula}); audit compares what it shows with the policy's value.` : `${l.en} calls something other than CM.${spec.fn}: ${formula}.`,
    zh: wrapped ? `${l.zh}\u7684\u516C\u5F0F\u5728\u5176\u4ED6\u8868\u8FBE\u5F0F\u4E2D\u8C03\u7528 CM.${spec.fn}\uFF08${formula}\uFF09\uFF1B\u7A3D\u6838\u5C06\u5176\u663E\u793A\u503C\u4E0E\u529E\u6CD5\u8BA1\u7B97\u503C\u6BD4\u8F83\u3002` : `${l.zh}\u7684\u516C\u5F0F\u672A\u8C03\u7528 CM.${spec.fn}\uFF1A${formula}\u3002`
  });
  return status;
}
function formulaStatus(t, r, key, formula, inputs, memo) {
  let byRole = memo.get(key);
  if (byRole === void 0) memo.set(key, byRole = /* @__PURE__ */ new Map());
  let byTemplate = byRole.get(inputs);
  if (byTemplate === void 0) byRole.set(inputs, byTemplate = /* @__PURE__ */ new Map());
  const template = rowTemplate(formula, t.grid.top + r);
  let entry = byTemplate.get(template);
  if (entry === void 0) {
    entry = parseTemplate(t, key, template, inputs, THIS_ROW_MARK);
    byTemplate.set(template, entry);
  }
  if (entry.shape !== "call") return entry.shape;
  const e = entry.own ? entry : parseTemplate(t, key, formula, inputs, t.grid.top + r);
  if (e.shape !== "call") return e.shape;
  if (!e.own) return "call";
  const v = t.grid.values[r];
  for (const keys of e.omitted) {
    for (const k of keys) {
      const c = t.col[k];
      if (c !== void 0 && !isBlank(v[c])) return "call";
    }
  }
  return "own";
}
function parseTemplate(t, key, formula, inputs, thisRow) {
  const spec = COMPUTED[key];
  const shape = formulaShape(formula, spec.fn);
  if (shape.kind !== "call") return { shape: shape.kind, own: false, omitted: [] };
  const args = shape.args;
  const no = { shape: "call", own: false, omitted: [] };
  if (args.length > spec.params.length) return no;
  const omitted = [];
  for (let i = 0; i < spec.params.length; i++) {
    let allowed = spec.params[i];
    if (key === "score" && inputs?.deposit !== void 0 && i === 1) allowed = [inputs.deposit];
    if (key === "score" && inputs?.fourth !== void 0 && i === 4) allowed = [inputs.fourth];
    const target = argTarget(args[i] ?? "");
    if (target.kind === "omitted") {
      if (i < spec.required) return no;
      omitted.push(allowed);
      continue;
    }
    if (target.kind === "cell") {
      if (target.sheet !== void 0 && target.sheet.toLowerCase() !== t.grid.sheet.toLowerCase()) {
        return no;
      }
      if (target.row !== thisRow) return no;
      if (!allowed.some(
        (k) => t.col[k] !== void 0 && t.grid.left + t.col[k] === target.col
      )) {
        return no;
      }
      continue;
    }
    if (target.kind === "this-row" && target.key !== void 0) {
      if (!allowed.includes(target.key) || t.col[target.key] === void 0) {
        return no;
      }
      continue;
    }
    return no;
  }
  return { shape: "call", own: true, omitted };
}
function missingColumns(ctx, t, roles, seen) {
  const need = /* @__PURE__ */ new Map();
  for (const role2 of seen) {
    for (const key of roles[role2].required) {
      if (t.col[key] !== void 0) continue;
      const list2 = need.get(key) ?? [];
      list2.push(role2);
      need.set(key, list2);
    }
  }
  for (const [key, list2] of need) {
    const l = label2(key);
    tableFinding(ctx, t, key, "error", "column.missing", articleOf(key, ctx.policy), {
      en: `The table has no ${l.en} column (${l.zh}); ${list2.join(", ")} rows need it.`,
      zh: `\u8868\u4E2D\u6CA1\u6709\u201C${l.zh}\u201D\u5217\uFF1B${list2.join("\u3001")} \u884C\u5FC5\u987B\u586B\u5199\u6B64\u9879\u3002`
    });
  }
  if (t.col.id === void 0) {
    tableFinding(ctx, t, "id", "warning", "column.missing", "\u2014", {
      en: "The table has no Employee ID column (\u5DE5\u53F7); duplicates cannot be checked and clients and loans cannot be linked to managers.",
      zh: "\u8868\u4E2D\u6CA1\u6709\u201C\u5DE5\u53F7\u201D\u5217\uFF1B\u65E0\u6CD5\u68C0\u67E5\u91CD\u590D\uFF0C\u4E5F\u65E0\u6CD5\u5C06\u5BA2\u6237\u548C\u8D37\u6B3E\u5173\u8054\u5230\u5BA2\u6237\u7ECF\u7406\u3002"
    });
  }
}
var init_check_appraisal = __esm({
  "src/sheets/check-appraisal.ts"() {
    "use strict";
    init_rules();
    init_columns();
    init_context();
    init_formulas();
    init_headers();
    init_read_cell();
    init_role_inputs();
    init_rules();
  }
});

// src/sheets/check-links.ts
function gradeRank(policy) {
  const next = policy.outcome.demotion.next;
  const memo = /* @__PURE__ */ new Map();
  const rank = (role2, depth = 0) => {
    const known = memo.get(role2);
    if (known !== void 0) return known;
    const below = next[role2];
    const value = below === void 0 || depth > 10 ? 0 : 1 + rank(below, depth + 1);
    memo.set(role2, value);
    return value;
  };
  return rank;
}
function label3(key) {
  return { zh: columnLabel(key, "zh"), en: columnLabel(key, "en") };
}
function money2(ctx, t, r, key) {
  const c = t.col[key];
  if (c === void 0) return void 0;
  const raw = t.grid.values[r][c];
  const article = articleOf(key, ctx.policy);
  if (isBlank(raw)) {
    const l = label3(key);
    cellFinding(ctx, t, r, key, "error", "input.missing", article, {
      en: `${l.en} is blank; a value is required (a blank never counts as 0, POLICY \xA70).`,
      zh: `${l.zh}\u4E3A\u7A7A\uFF0C\u5FC5\u987B\u586B\u5199\uFF08\u7A7A\u767D\u4E0D\u6309 0 \u8BA1\uFF0C\xA70\uFF09\u3002`
    });
    return void 0;
  }
  const kind = CELL_KINDS[key];
  const error = numberError(raw, key, kind.type === "number" ? kind.kind : "money");
  if (error !== void 0) {
    readerFinding(ctx, t, r, key, article, error);
    return void 0;
  }
  return raw;
}
function managerName(t, r) {
  const c = t.col.manager_id;
  return c === void 0 ? "" : String(t.grid.values[r][c] ?? "").trim();
}
function manager(ctx, t, r, article, linked) {
  const c = t.col.manager_id;
  if (c === void 0 || !linked) return void 0;
  const raw = t.grid.values[r][c];
  const key = idKey(raw);
  if (key === void 0) {
    cellFinding(ctx, t, r, "manager_id", "error", "input.missing", article, {
      en: "Manager ID is blank; every row needs its customer manager.",
      zh: "\u5BA2\u6237\u7ECF\u7406\u5DE5\u53F7\u4E3A\u7A7A\uFF1B\u6BCF\u4E00\u884C\u90FD\u5FC5\u987B\u6307\u660E\u5BA2\u6237\u7ECF\u7406\u3002"
    });
    return void 0;
  }
  const found = ctx.managers.get(key);
  if (found === void 0) {
    cellFinding(ctx, t, r, "manager_id", "error", "manager.unknown", article, {
      en: `Manager ID ${shown(raw)} is not an Employee ID of the appraisal table.`,
      zh: `\u5BA2\u6237\u7ECF\u7406\u5DE5\u53F7 ${shown(raw)} \u4E0D\u5728\u8003\u6838\u8868\u7684\u5DE5\u53F7\u4E2D\u3002`
    });
    return void 0;
  }
  return found;
}
function linkChecks(ctx, t, article) {
  if (t.col.manager_id === void 0) {
    tableFinding(ctx, t, "manager_id", "warning", "column.missing", article, {
      en: `The table has no Manager ID column (\u5BA2\u6237\u7ECF\u7406\u5DE5\u53F7); ${article} cannot be checked against the managers' grades.`,
      zh: `\u8868\u4E2D\u6CA1\u6709\u201C\u5BA2\u6237\u7ECF\u7406\u5DE5\u53F7\u201D\u5217\uFF1B\u65E0\u6CD5\u6309\u5BA2\u6237\u7ECF\u7406\u7EA7\u522B\u68C0\u67E5${article}\u3002`
    });
    return false;
  }
  if (ctx.managers.size === 0) {
    tableFinding(ctx, t, "manager_id", "warning", "table.no-appraisal", article, {
      en: `No appraisal table with Employee IDs was given, so managers' grades are unknown; ${article} is not checked.`,
      zh: `\u672A\u63D0\u4F9B\u542B\u5DE5\u53F7\u7684\u8003\u6838\u8868\uFF0C\u5BA2\u6237\u7ECF\u7406\u7EA7\u522B\u672A\u77E5\uFF1B\u672A\u68C0\u67E5${article}\u3002`
    });
    return false;
  }
  return true;
}
function checkClients(ctx, t) {
  const policy = ctx.policy;
  const article = articleOf("client_deposits", policy);
  for (const key of ["client_deposits", "client_loans"]) {
    if (t.col[key] === void 0) {
      const l = label3(key);
      tableFinding(ctx, t, key, "error", "column.missing", article, {
        en: `The table has no ${l.en} column (${l.zh}); ${article} reads both deposits and loans.`,
        zh: `\u8868\u4E2D\u6CA1\u6709\u201C${l.zh}\u201D\u5217\uFF1B${article}\u9700\u8981\u5B58\u6B3E\u548C\u8D37\u6B3E\u4E24\u9879\u3002`
      });
    }
  }
  const linked = linkChecks(ctx, t, article);
  const rank = gradeRank(policy);
  for (const r of t.dataRows) {
    const deposits = money2(ctx, t, r, "client_deposits");
    const loans = money2(ctx, t, r, "client_loans");
    const m = manager(ctx, t, r, article, linked);
    if (deposits === void 0 || loans === void 0) continue;
    const tier = clientTier(deposits, loans, policy);
    if (!tier.ok) {
      readerFinding(ctx, t, r, "client_deposits", article, tier.error);
      continue;
    }
    if (tier.value.gap) {
      const why2 = tier.explain().text;
      cellFinding(ctx, t, r, "client_deposits", "warning", "client.policy-gap", article, {
        en: `${why2.en}.`,
        zh: `${why2.zh}\u3002`
      });
    }
    if (m?.role !== void 0 && rank(m.role) < rank(tier.value.grade)) {
      const why2 = tier.explain().text;
      cellFinding(ctx, t, r, "manager_id", "error", "client.grade-too-low", article, {
        en: `This client needs a ${tier.value.grade} or higher (${why2.en}), but manager ${managerName(t, r)} (${m.sheet}!${m.address}) is ${m.role}.`,
        zh: `\u8BE5\u5BA2\u6237\u987B\u7531${LABELS[tier.value.grade].zh}\u6216\u66F4\u9AD8\u7EA7\u522B\u7BA1\u7406\uFF08${why2.zh}\uFF09\uFF0C\u4F46\u5BA2\u6237\u7ECF\u7406 ${managerName(t, r)}\uFF08${m.sheet}!${m.address}\uFF09\u4E3A${LABELS[m.role].zh}\u3002`
      });
    }
  }
}
function checkLoans(ctx, t) {
  const policy = ctx.policy;
  const article = articleOf("loan_amount", policy);
  const linked = linkChecks(ctx, t, article);
  for (const r of t.dataRows) {
    const amount = money2(ctx, t, r, "loan_amount");
    const m = manager(ctx, t, r, article, linked);
    if (amount === void 0 || m?.role === void 0) continue;
    const within = loanAuthority(m.role, amount, policy);
    if (!within.ok) {
      readerFinding(ctx, t, r, "loan_amount", article, within.error);
      continue;
    }
    if (within.value) continue;
    const why2 = within.explain().text;
    const approver = loanApprover(amount, policy);
    const who = approver.ok ? approver.value : "?";
    cellFinding(ctx, t, r, "loan_amount", "error", "loan.above-authority", article, {
      en: `${why2.en}: manager ${managerName(t, r)} (${m.sheet}!${m.address}, ${m.role}) has no authority for this loan; it needs ${who}.`,
      zh: `${why2.zh}\uFF1A\u5BA2\u6237\u7ECF\u7406 ${managerName(t, r)}\uFF08${m.sheet}!${m.address}\uFF0C${LABELS[m.role].zh}\uFF09\u65E0\u6743\u5BA1\u6279\u6B64\u7B14\u8D37\u6B3E\uFF0C\u987B\u7531${approver.ok ? LABELS[approver.value].zh : "?"}\u5BA1\u6279\u3002`
    });
  }
}
var init_check_links = __esm({
  "src/sheets/check-links.ts"() {
    "use strict";
    init_rules();
    init_check_appraisal();
    init_columns();
    init_context();
    init_headers();
    init_read_cell();
  }
});

// src/sheets/validate.ts
function validateWorkbook(grids, options = {}) {
  return validateTables(grids, options, false).report;
}
function validateTables(grids, options, keep) {
  const ctx = {
    policy: options.policy ?? DEFAULT_POLICY,
    findings: [],
    managers: /* @__PURE__ */ new Map()
  };
  const located = [];
  const notFound2 = [];
  for (const grid of grids) {
    const found = locateTable(grid);
    if (found.table !== void 0) {
      located.push(found.table);
      ctx.findings.push(...found.findings);
    } else notFound2.push(...found.findings);
  }
  if (located.length === 0) ctx.findings.push(...notFound2);
  const appraisal = [];
  for (const t of located) {
    if (t.found.kind !== "appraisal") continue;
    const rows2 = keep ? [] : void 0;
    checkAppraisal(ctx, t, rows2);
    if (rows2 !== void 0) appraisal.push({ table: t, rows: rows2 });
  }
  for (const t of located) {
    if (t.found.kind === "clients") checkClients(ctx, t);
    else if (t.found.kind === "loans") checkLoans(ctx, t);
  }
  let rows = 0;
  for (const t of located) rows += t.dataRows.length;
  const counts = { ...countFindings(ctx.findings), rows, tables: located.length };
  return {
    report: { tables: located.map((t) => t.found), findings: ctx.findings, counts },
    appraisal
  };
}
var init_validate = __esm({
  "src/sheets/validate.ts"() {
    "use strict";
    init_rules();
    init_check_appraisal();
    init_check_links();
    init_findings();
    init_tables();
  }
});

// src/sheets/audit.ts
function expectedOf(result) {
  if (!result.ok) return { value: ERROR_TEXT[result.error.kind], result };
  const v = result.value;
  const value = typeof v === "number" || typeof v === "string" ? v : v.toNumber();
  return { value, result };
}
function why(e) {
  return e.result.ok ? e.result.explain().text : e.result.error.message;
}
function exactOf(e) {
  if (!e.result.ok) return void 0;
  const v = e.result.value;
  return typeof v === "number" ? fromExcelNumber(v) : v;
}
function cellOf(v, col, k) {
  const c = col[k];
  return c === void 0 ? null : v[c] ?? null;
}
function errorShown(shownValue, text3) {
  return typeof shownValue === "string" && shownValue.trim().toUpperCase() === text3;
}
function sameNumber(shownValue, e, places) {
  if (typeof e.value === "string") return errorShown(shownValue, e.value);
  if (typeof shownValue !== "number") return false;
  if (shownValue === e.value) return true;
  const exact = Number.isFinite(shownValue) ? exactOf(e) : void 0;
  if (exact === void 0) return false;
  return roundHalfAway(fromExcelNumber(shownValue), places).equals(exact);
}
function sameOutcome(shownValue, e) {
  if (typeof shownValue !== "string" || typeof e.value !== "string") return false;
  if (e.value.startsWith("#")) return errorShown(shownValue, e.value);
  const t = shownValue.trim();
  return (OUTCOME_SPELLING.get(t) ?? OUTCOME_SPELLING.get(t.toUpperCase())) === e.value;
}
function text2(v) {
  if (v === null) return "(blank)";
  return typeof v === "string" ? v : String(v);
}
function auditWorkbook(grids, options = {}) {
  const policy = options.policy ?? DEFAULT_POLICY;
  const validated = validateTables(grids, options, true);
  const byRow = /* @__PURE__ */ new Map();
  const appraisalKeys = new Set(APPRAISAL_KEYS);
  for (const f of validated.report.findings) {
    if (f.column === null || !appraisalKeys.has(f.column)) continue;
    const k = `${f.sheet}\0${f.row}`;
    const list2 = byRow.get(k);
    if (list2 === void 0) byRow.set(k, [f]);
    else list2.push(f);
  }
  const auditFindings = [];
  const rows = [];
  let mismatches = 0;
  for (const { table, rows: infos } of validated.appraisal) {
    for (const info of infos) {
      const row = auditRow(table, info, policy, auditFindings, byRow);
      for (const c of row.cells) if (c.verdict !== "ok") mismatches++;
      rows.push(row);
    }
  }
  const findings = [...validated.report.findings, ...auditFindings];
  const counts = countFindings(findings);
  return {
    policyVersion: policyVersionText(policy),
    policyHash: policyHash(policy),
    tables: validated.report.tables,
    rows,
    findings,
    counts: {
      ...counts,
      rows: validated.report.counts.rows,
      tables: validated.report.counts.tables,
      mismatches,
      stale: counts.byRule["audit.stale"] ?? 0,
      overwritten: counts.byRule["formula.overwritten"] ?? 0,
      unexpected: counts.byRule["formula.unexpected"] ?? 0
    }
  };
}
function inputsFor(policy) {
  let t = inputCache.get(policy);
  if (t === void 0) {
    t = roleInputTable(policy, false);
    inputCache.set(policy, t);
  }
  return t;
}
function auditRow(t, info, policy, out, byRow) {
  const { grid, col } = t;
  const v = grid.values[info.r];
  const f = grid.formulas[info.r];
  const sheetRow = grid.top + info.r + 1;
  const roleRaw = cellOf(v, col, "role");
  const inputs = info.role !== void 0 ? inputsFor(policy)[info.role] : void 0;
  const depositKey = inputs?.deposit ?? (col.deposit_growth !== void 0 ? "deposit_growth" : "new_deposits");
  const fourthKey = inputs?.fourth ?? (col.fee_growth !== void 0 ? "fee_growth" : "new_accounts");
  const collectionRate = cellOf(v, col, "collection_rate");
  const nplRatio = cellOf(v, col, "npl_ratio");
  const score = appraisalScore(
    {
      role: roleRaw,
      deposit: cellOf(v, col, depositKey),
      nplRatio,
      collectionRate,
      fourth: cellOf(v, col, fourthKey)
    },
    policy
  );
  const expected = {};
  if (col.score !== void 0) expected.score = expectedOf(score);
  if (col.outcome !== void 0) {
    expected.outcome = expectedOf(
      !score.ok ? score : gradeOutcome(
        {
          role: roleRaw,
          score: score.value,
          collectionRate,
          monthsBelowBase: cellOf(v, col, "months_below_base"),
          violationPoints: cellOf(v, col, "violation_points"),
          majorViolation: cellOf(v, col, "major_violation"),
          deposit: cellOf(v, col, "deposit_growth"),
          nplRatio,
          lossAmount: cellOf(v, col, "loss_amount"),
          priorDemotions: cellOf(v, col, "prior_demotions")
        },
        policy
      )
    );
  }
  if (col.reserve_deduction !== void 0) {
    expected.reserve_deduction = expectedOf(
      riskReserve(
        roleRaw,
        cellOf(v, col, "monthly_income"),
        cellOf(v, col, "reserve_balance"),
        policy
      )
    );
  }
  const cells = [];
  const rowFindings = [...byRow.get(`${grid.sheet}\0${sheetRow}`) ?? []];
  let scoreOk = true;
  for (const key of ["score", "outcome", "reserve_deduction"]) {
    const e = expected[key];
    const c = col[key];
    if (e === void 0 || c === void 0) continue;
    const shownValue = v[c] ?? null;
    const notApplicable = !e.result.ok && e.result.error.kind === "na" && shownValue === null && !f?.[c];
    const same2 = notApplicable || (key === "outcome" ? sameOutcome(shownValue, e) : sameNumber(
      shownValue,
      e,
      key === "score" ? policy.score.totalPlaces : policy.reserve.moneyPlaces
    ));
    if (key === "score") scoreOk = same2;
    const status = info.formulas[key] ?? "blank";
    const verdict = same2 ? "ok" : status === "own" && (key !== "outcome" || scoreOk) ? "stale" : "mismatch";
    const address = `${t.letters[c]}${sheetRow}`;
    cells.push({
      key,
      address,
      expected: e.value,
      shown: shownValue,
      formula: f?.[c] ?? null,
      formulaStatus: status,
      verdict
    });
    if (verdict === "ok") continue;
    const spec = COMPUTED[key];
    const label4 = { zh: columnLabel(key, "zh"), en: columnLabel(key, "en") };
    const because = why(e);
    const finding = {
      severity: "error",
      sheet: grid.sheet,
      address,
      row: sheetRow,
      column: key,
      rule: verdict === "stale" ? "audit.stale" : "audit.mismatch",
      article: spec.article,
      message: verdict === "stale" ? {
        en: `${label4.en} shows ${text2(shownValue)} but CM.${spec.fn} on this row's inputs gives ${text2(e.value)}: the cached value is out of date; recalculate. (${because.en})`,
        zh: `${label4.zh}\u663E\u793A ${text2(shownValue)}\uFF0C\u4F46\u6309\u672C\u884C\u8F93\u5165 CM.${spec.fn} \u5E94\u4E3A ${text2(e.value)}\uFF1A\u7F13\u5B58\u503C\u5DF2\u8FC7\u671F\uFF0C\u8BF7\u91CD\u65B0\u8BA1\u7B97\u3002\uFF08${because.zh}\uFF09`
      } : {
        en: `${label4.en} shows ${text2(shownValue)}; the policy gives ${text2(e.value)}${mismatchCause(status, key, scoreOk).en}. (${because.en})`,
        zh: `${label4.zh}\u663E\u793A ${text2(shownValue)}\uFF1B\u6309\u529E\u6CD5\u5E94\u4E3A ${text2(e.value)}${mismatchCause(status, key, scoreOk).zh}\u3002\uFF08${because.zh}\uFF09`
      }
    };
    out.push(finding);
    rowFindings.push(finding);
  }
  const role2 = info.role;
  return {
    sheet: grid.sheet,
    row: sheetRow,
    id: cellOf(v, col, "id"),
    name: cellOf(v, col, "name"),
    ...role2 !== void 0 ? { role: role2 } : {},
    cells,
    findings: rowFindings
  };
}
function mismatchCause(status, key, scoreOk) {
  switch (status) {
    case "constant":
      return { en: " (a typed value, not a formula)", zh: "\uFF08\u8BE5\u5355\u5143\u683C\u4E3A\u5E38\u91CF\uFF0C\u4E0D\u662F\u516C\u5F0F\uFF09" };
    case "blank":
      return { en: " (the cell is empty)", zh: "\uFF08\u5355\u5143\u683C\u4E3A\u7A7A\uFF09" };
    case "call":
      return {
        en: "; the formula's arguments are not this row's input cells",
        zh: "\uFF1B\u516C\u5F0F\u53C2\u6570\u4E0D\u662F\u672C\u884C\u7684\u8F93\u5165\u5355\u5143\u683C"
      };
    case "own":
      return key === "outcome" && !scoreOk ? { en: "; the score it reads is itself wrong", zh: "\uFF1B\u5176\u5F15\u7528\u7684\u8003\u6838\u5F97\u5206\u672C\u8EAB\u6709\u8BEF" } : { en: "", zh: "" };
    default:
      return { en: " (the formula is not the expected call)", zh: "\uFF08\u516C\u5F0F\u4E0D\u662F\u9884\u671F\u7684\u51FD\u6570\u8C03\u7528\uFF09" };
  }
}
function auditReportRows(report, lang, options = {}) {
  const T = REPORT_TEXT;
  const c = report.counts;
  const out = [
    [T.title[lang]],
    [T.policy[lang], report.policyVersion],
    [
      T.rows[lang],
      c.rows,
      T.errors[lang],
      c.errors,
      T.warnings[lang],
      c.warnings,
      T.mismatches[lang],
      c.mismatches
    ],
    [],
    [...T.header[lang]]
  ];
  const findingLine = (f, id, name) => [
    f.row,
    f.sheet,
    f.address,
    id,
    name,
    f.column !== null ? columnLabel(f.column, lang) : "",
    null,
    null,
    null,
    T.severity[f.severity][lang],
    f.rule,
    f.article,
    f.message[lang]
  ];
  const placed = /* @__PURE__ */ new Set();
  for (const row of report.rows) {
    for (const cell2 of row.cells) {
      const onCell = row.findings.filter((f) => f.address === cell2.address);
      if (options.onlyProblems && cell2.verdict === "ok" && onCell.length === 0) continue;
      const first = onCell[0];
      out.push([
        row.row,
        row.sheet,
        cell2.address,
        row.id,
        row.name,
        columnLabel(cell2.key, lang),
        cell2.expected,
        cell2.shown,
        T.verdict[cell2.verdict][lang],
        first !== void 0 ? T.severity[first.severity][lang] : null,
        first?.rule ?? null,
        first?.article ?? null,
        first?.message[lang] ?? null
      ]);
      for (const f of onCell) placed.add(f);
      for (const f of onCell.slice(1)) out.push(findingLine(f, row.id, row.name));
    }
    for (const f of row.findings) {
      if (!placed.has(f)) {
        placed.add(f);
        out.push(findingLine(f, row.id, row.name));
      }
    }
  }
  for (const f of report.findings) if (!placed.has(f)) out.push(findingLine(f, null, null));
  return out;
}
var ERROR_TEXT, OUTCOME_SPELLING, inputCache, REPORT_TEXT;
var init_audit = __esm({
  "src/sheets/audit.ts"() {
    "use strict";
    init_rules();
    init_columns();
    init_findings();
    init_headers();
    init_role_inputs();
    init_validate();
    ERROR_TEXT = {
      value: "#VALUE!",
      num: "#NUM!",
      na: "#N/A"
    };
    OUTCOME_SPELLING = (() => {
      const map = /* @__PURE__ */ new Map();
      for (const code of OUTCOMES) {
        map.set(code, code);
        map.set(LABELS[code].zh, code);
        map.set(LABELS[code].en.toUpperCase(), code);
      }
      return map;
    })();
    inputCache = /* @__PURE__ */ new WeakMap();
    REPORT_TEXT = {
      title: { zh: "\u7A3D\u6838\u62A5\u544A", en: "Audit report" },
      policy: { zh: "\u653F\u7B56\u7248\u672C", en: "Policy" },
      rows: { zh: "\u884C\u6570", en: "Rows" },
      errors: { zh: "\u9519\u8BEF", en: "Errors" },
      warnings: { zh: "\u8B66\u544A", en: "Warnings" },
      mismatches: { zh: "\u4E0D\u4E00\u81F4", en: "Mismatches" },
      header: {
        zh: [
          "\u884C",
          "\u5DE5\u4F5C\u8868",
          "\u5355\u5143\u683C",
          "\u5DE5\u53F7",
          "\u59D3\u540D",
          "\u5217",
          "\u9884\u671F",
          "\u663E\u793A",
          "\u7ED3\u679C",
          "\u4E25\u91CD\u6027",
          "\u89C4\u5219",
          "\u6761\u6B3E",
          "\u53D1\u73B0"
        ],
        en: [
          "Row",
          "Sheet",
          "Cell",
          "ID",
          "Name",
          "Column",
          "Expected",
          "Shown",
          "Result",
          "Severity",
          "Rule",
          "Article",
          "Finding"
        ]
      },
      verdict: {
        ok: { zh: "\u4E00\u81F4", en: "OK" },
        mismatch: { zh: "\u4E0D\u4E00\u81F4", en: "Mismatch" },
        stale: { zh: "\u672A\u91CD\u7B97", en: "Stale" }
      },
      severity: { error: { zh: "\u9519\u8BEF", en: "Error" }, warning: { zh: "\u8B66\u544A", en: "Warning" } }
    };
  }
});

// src/sheets/audit-log.ts
function findingsDigest(findings) {
  const list2 = findings.map((f) => ({
    severity: f.severity,
    sheet: f.sheet,
    address: f.address,
    row: f.row,
    column: f.column,
    rule: f.rule,
    article: f.article,
    message: { en: f.message.en, zh: f.message.zh }
  })).map((f) => canonicalJson(f)).sort();
  return sha256Hex(`[${list2.join(",")}]`);
}
function recordHash(record) {
  const body = {};
  for (const k of LOG_HEADER) if (k !== "hash") body[k] = record[k];
  return sha256Hex(canonicalJson(body));
}
function appendRecord(previous, fields) {
  const base = {
    seq: previous === void 0 ? 1 : previous.seq + 1,
    when: fields.when,
    who: fields.who,
    workbook: fields.workbook,
    policyVersion: fields.policyVersion,
    policyHash: fields.policyHash,
    rows: fields.rows,
    errors: fields.errors,
    warnings: fields.warnings,
    mismatches: fields.mismatches,
    findingsDigest: fields.findingsDigest,
    prevHash: previous === void 0 ? GENESIS_HASH : previous.hash
  };
  return { ...base, hash: recordHash(base) };
}
function verifyLog(records, options = {}) {
  for (let i = 0; i < records.length; i++) {
    const rec = records[i];
    const n = i + 1;
    if (recordHash(rec) !== rec.hash) {
      return bad(i, {
        en: `record ${n} (seq ${rec.seq}) was edited: its hash does not match its content.`,
        zh: `\u7B2C ${n} \u6761\u8BB0\u5F55\uFF08\u5E8F\u53F7 ${rec.seq}\uFF09\u5DF2\u88AB\u4FEE\u6539\uFF1A\u54C8\u5E0C\u503C\u4E0E\u5185\u5BB9\u4E0D\u7B26\u3002`
      });
    }
    const prev = i === 0 ? GENESIS_HASH : records[i - 1].hash;
    if (rec.prevHash !== prev) {
      return bad(i, {
        en: i === 0 ? `record 1 (seq ${rec.seq}) does not start the chain: records before it were deleted.` : `record ${n} (seq ${rec.seq}) does not follow record ${i}: a record was deleted, inserted or moved here.`,
        zh: i === 0 ? `\u7B2C 1 \u6761\u8BB0\u5F55\uFF08\u5E8F\u53F7 ${rec.seq}\uFF09\u4E0D\u662F\u94FE\u7684\u8D77\u70B9\uFF1A\u5176\u524D\u7684\u8BB0\u5F55\u5DF2\u88AB\u5220\u9664\u3002` : `\u7B2C ${n} \u6761\u8BB0\u5F55\uFF08\u5E8F\u53F7 ${rec.seq}\uFF09\u4E0E\u7B2C ${i} \u6761\u4E0D\u8854\u63A5\uFF1A\u6B64\u5904\u6709\u8BB0\u5F55\u88AB\u5220\u9664\u3001\u63D2\u5165\u6216\u79FB\u52A8\u3002`
      });
    }
    if (rec.seq !== n) {
      return bad(i, {
        en: `record ${n} has sequence number ${rec.seq}, expected ${n}.`,
        zh: `\u7B2C ${n} \u6761\u8BB0\u5F55\u7684\u5E8F\u53F7\u4E3A ${rec.seq}\uFF0C\u5E94\u4E3A ${n}\u3002`
      });
    }
  }
  const count2 = records.length;
  if (options.expectedCount !== void 0 && count2 !== options.expectedCount) {
    return bad(Math.min(count2, options.expectedCount), countReason(count2, options.expectedCount));
  }
  if (options.expectedHead !== void 0) {
    const head = count2 === 0 ? GENESIS_HASH : records[count2 - 1].hash;
    if (head !== options.expectedHead) {
      const at = records.findIndex((r) => r.hash === options.expectedHead);
      return at >= 0 ? bad(at + 1, {
        en: `the log continues after the expected last record (${at + 1}): records were added after it.`,
        zh: `\u65E5\u5FD7\u5728\u9884\u671F\u7684\u6700\u540E\u4E00\u6761\u8BB0\u5F55\uFF08\u7B2C ${at + 1} \u6761\uFF09\u4E4B\u540E\u8FD8\u6709\u8BB0\u5F55\uFF1A\u6709\u8BB0\u5F55\u88AB\u6DFB\u52A0\u3002`
      }) : bad(count2, {
        en: `the log ends at record ${count2}, whose hash is not the expected head: the last records were deleted or rewritten.`,
        zh: `\u65E5\u5FD7\u6B62\u4E8E\u7B2C ${count2} \u6761\u8BB0\u5F55\uFF0C\u5176\u54C8\u5E0C\u503C\u4E0D\u662F\u9884\u671F\u7684\u672B\u6761\u54C8\u5E0C\uFF1A\u6700\u540E\u7684\u8BB0\u5F55\u5DF2\u88AB\u5220\u9664\u6216\u6539\u5199\u3002`
      });
    }
  }
  return { ok: true };
}
function recordsEn(n) {
  return n === 1 ? "1 record" : `${n} records`;
}
function countReason(count2, expected) {
  const held = `the log holds ${recordsEn(count2)}, ${expected} expected`;
  const heldZh = `\u65E5\u5FD7\u6709 ${count2} \u6761\u8BB0\u5F55\uFF0C\u5E94\u4E3A ${expected} \u6761`;
  if (count2 > expected) {
    return {
      en: `${held}: records were added after record ${expected}.`,
      zh: `${heldZh}\uFF1A\u7B2C ${expected} \u6761\u4E4B\u540E\u6709\u8BB0\u5F55\u88AB\u6DFB\u52A0\u3002`
    };
  }
  const first = count2 + 1;
  const missing = first === expected ? { en: `record ${first}`, zh: `\u7B2C ${first} \u6761` } : { en: `records ${first} to ${expected}`, zh: `\u7B2C ${first} \u81F3 ${expected} \u6761` };
  if (count2 === 0) {
    return {
      en: `${held}: the log sheet or all its records (${missing.en}) were deleted.`,
      zh: `${heldZh}\uFF1A\u65E5\u5FD7\u8868\u6216\u5176\u5168\u90E8\u8BB0\u5F55\uFF08${missing.zh}\uFF09\u5DF2\u88AB\u5220\u9664\u3002`
    };
  }
  return {
    en: `${held}: ${missing.en} ${first === expected ? "was" : "were"} deleted from the end.`,
    zh: `${heldZh}\uFF1A\u672B\u5C3E\u7684${missing.zh}\u8BB0\u5F55\u5DF2\u88AB\u5220\u9664\u3002`
  };
}
function bad(index, reason) {
  return { ok: false, index, reason };
}
function logToRows(records) {
  return [[...LOG_HEADER], ...records.map((r) => LOG_HEADER.map((k) => r[k]))];
}
function fold(h) {
  return typeof h === "string" ? h.replace(/[\s_]+/g, "").toLowerCase() : "";
}
function rowsFromLog(rows) {
  if (rows.length === 0) return { ok: true, records: [] };
  const header = rows[0].map(fold);
  const at = {};
  for (const k of LOG_HEADER) {
    const c = header.indexOf(k.toLowerCase());
    if (c < 0) {
      return {
        ok: false,
        index: 0,
        reason: {
          en: `the log's header row has no "${k}" column.`,
          zh: `\u65E5\u5FD7\u8868\u5934\u7F3A\u5C11\u201C${k}\u201D\u5217\u3002`
        }
      };
    }
    at[k] = c;
  }
  const records = [];
  for (let i = 1; i < rows.length; i++) {
    const row = rows[i];
    if (row.every((v) => v === null || v === "")) continue;
    const rec = {};
    for (const k of LOG_HEADER) {
      const raw = row[at[k]] ?? null;
      const value = NUMBERS.has(k) ? asInteger(raw) : asText(k, raw);
      if (value === void 0) {
        const index = records.length;
        return {
          ok: false,
          index,
          reason: {
            en: `record ${index + 1} (sheet row ${i + 1}) is malformed: "${k}" is ${raw === null ? "blank" : `"${String(raw)}"`}.`,
            zh: `\u7B2C ${index + 1} \u6761\u8BB0\u5F55\uFF08\u8868\u4E2D\u7B2C ${i + 1} \u884C\uFF09\u683C\u5F0F\u9519\u8BEF\uFF1A\u201C${k}\u201D\u4E3A${raw === null ? "\u7A7A" : `\u201C${String(raw)}\u201D`}\u3002`
          }
        };
      }
      rec[k] = value;
    }
    records.push(rec);
  }
  return { ok: true, records };
}
function asInteger(raw) {
  const n = typeof raw === "number" ? raw : typeof raw === "string" && raw.trim() !== "" ? Number(raw) : NaN;
  return Number.isSafeInteger(n) && n >= 0 ? n : void 0;
}
function asText(k, raw) {
  if (k === "policyHash" || k === "findingsDigest" || k === "prevHash" || k === "hash") {
    return typeof raw === "string" && HEX64.test(raw.trim()) ? raw.trim() : void 0;
  }
  if (k === "when") {
    if (typeof raw === "number" && Number.isFinite(raw)) {
      return new Date(Math.round((raw - EXCEL_EPOCH_DAYS) * 864e5)).toISOString();
    }
    return typeof raw === "string" && raw.trim() !== "" ? raw : void 0;
  }
  if (raw === null) return k === "who" || k === "workbook" ? "" : void 0;
  if (typeof raw === "boolean") return raw ? "TRUE" : "FALSE";
  return String(raw);
}
function auditLogFields(report, context) {
  return {
    when: context.when,
    who: context.who ?? "",
    workbook: context.workbook,
    policyVersion: report.policyVersion,
    policyHash: report.policyHash,
    rows: report.counts.rows,
    errors: report.counts.errors,
    warnings: report.counts.warnings,
    mismatches: report.counts.mismatches,
    findingsDigest: findingsDigest(report.findings)
  };
}
var GENESIS_HASH, LOG_HEADER, NUMBERS, HEX64, EXCEL_EPOCH_DAYS;
var init_audit_log = __esm({
  "src/sheets/audit-log.ts"() {
    "use strict";
    init_rules();
    GENESIS_HASH = "0".repeat(64);
    LOG_HEADER = [
      "seq",
      "when",
      "who",
      "workbook",
      "policyVersion",
      "policyHash",
      "rows",
      "errors",
      "warnings",
      "mismatches",
      "findingsDigest",
      "prevHash",
      "hash"
    ];
    NUMBERS = /* @__PURE__ */ new Set(["seq", "rows", "errors", "warnings", "mismatches"]);
    HEX64 = /^[0-9a-f]{64}$/;
    EXCEL_EPOCH_DAYS = 25569;
  }
});

// src/sheets/index.ts
var init_sheets = __esm({
  "src/sheets/index.ts"() {
    "use strict";
    init_a12();
    init_columns();
    init_headers();
    init_findings();
    init_tables();
    init_formulas();
    init_validate();
    init_audit();
    init_audit_log();
  }
});

// src/cli/findings.ts
function findingJson(f, lang) {
  return {
    severity: f.severity,
    cell: cellRef(f.sheet, f.address),
    sheet: f.sheet,
    address: f.address,
    row: f.row,
    column: f.column,
    rule: f.rule,
    article: f.article,
    message: f.message[lang]
  };
}
function cellRef(sheet, address) {
  const plain2 = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet);
  return `${plain2 ? sheet : `'${sheet.replace(/'/g, "''")}'`}!${address}`;
}
function findingLines(findings, lang) {
  const refs = findings.map((f) => cellRef(f.sheet, f.address));
  const sev = findings.map((f) => SEVERITY[f.severity][lang]);
  const w = (xs) => Math.max(0, ...xs.map(displayWidth));
  const wSev = w(sev);
  const wRef = w(refs);
  const wRule = w(findings.map((f) => f.rule));
  const wArt = w(findings.map((f) => f.article));
  return findings.map(
    (f, i) => `  ${pad(sev[i], wSev)}  ${pad(refs[i], wRef)}  ${pad(f.rule, wRule)}  ${pad(f.article, wArt)}  ${f.message[lang]}`
  );
}
function countsLine(counts, lang) {
  return lang === "zh" ? `${counts.errors} \u4E2A\u9519\u8BEF\uFF0C${counts.warnings} \u4E2A\u8B66\u544A` : `${counts.errors} ${counts.errors === 1 ? "error" : "errors"}, ${counts.warnings} ${counts.warnings === 1 ? "warning" : "warnings"}`;
}
function displayWidth(s) {
  let n = 0;
  for (const ch of s)
    n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/u.test(ch) ? 2 : 1;
  return n;
}
function pad(s, width) {
  return s + " ".repeat(Math.max(0, width - displayWidth(s)));
}
var SEVERITY;
var init_findings2 = __esm({
  "src/cli/findings.ts"() {
    "use strict";
    SEVERITY = {
      error: { zh: "\u9519\u8BEF", en: "error" },
      warning: { zh: "\u8B66\u544A", en: "warning" }
    };
  }
});

// src/cli/validate.ts
var validate_exports = {};
__export(validate_exports, {
  run: () => run2,
  tableLines: () => tableLines,
  tablesJson: () => tablesJson
});
function tablesJson(tables) {
  return tables.map((t) => ({
    kind: t.kind,
    sheet: t.sheet,
    ...t.table !== void 0 ? { table: t.table } : {},
    range: t.range,
    rows: t.rows
  }));
}
function tableLines(tables, lang) {
  const kind = {
    appraisal: { zh: "\u8003\u6838\u8868", en: "appraisal" },
    clients: { zh: "\u5BA2\u6237\u8868", en: "clients" },
    loans: { zh: "\u8D37\u6B3E\u8868", en: "loans" }
  };
  return tables.map(
    (t) => `  ${kind[t.kind][lang]}: ${t.table ?? t.sheet} ${t.sheet}!${t.range} (${t.rows} ${lang === "zh" ? "\u884C" : "rows"})`
  );
}
function summary2(path, report, lang) {
  const c = report.counts;
  const head = lang === "zh" ? `${fileName(path)}\uFF1A${c.tables} \u5F20\u8868\uFF0C${c.rows} \u884C\uFF1B${countsLine(c, lang)}\u3002` : `${fileName(path)}: ${c.tables} tables, ${c.rows} rows; ${countsLine(c, lang)}.`;
  return `${[head, ...tableLines(report.tables, lang), ...findingLines(report.findings, lang)].join("\n")}
`;
}
async function run2(args, io) {
  const lang = parseLang(args.values.lang, io.env);
  const path = args.positionals[0];
  const progress = new Progress(io, 3);
  let report;
  try {
    progress.next(`loading ${fileName(path)}`);
    const wb = await openWorkbook(path);
    progress.next("evaluating");
    wb.evaluate();
    const grids = dataGrids(wb);
    progress.next(`validating ${rowCount(grids)} rows`);
    report = validateWorkbook(grids);
  } finally {
    progress.done();
  }
  if (args.values.json === true) {
    const json = {
      workbook: fileName(path),
      policy: policyVersionText(DEFAULT_POLICY),
      lang,
      tables: tablesJson(report.tables),
      counts: report.counts,
      findings: report.findings.map((f) => findingJson(f, lang))
    };
    io.out(`${JSON.stringify(json)}
`);
  } else {
    io.out(summary2(path, report, lang));
  }
  return report.counts.errors > 0 ? EXIT_FINDINGS : EXIT_OK;
}
var init_validate2 = __esm({
  "src/cli/validate.ts"() {
    "use strict";
    init_rules();
    init_sheets();
    init_findings2();
    init_io();
    init_workbook2();
  }
});

// src/cli/audit.ts
var audit_exports = {};
__export(audit_exports, {
  osUser: () => osUser,
  run: () => run3
});
function osUser(env) {
  try {
    const name = (0, import_os.userInfo)().username;
    if (name) return name;
  } catch {
  }
  return env.USER ?? env.USERNAME ?? env.LOGNAME ?? "";
}
function readLog(wb) {
  const names = new Set(Object.values(LOG_SHEET).map((s) => s.toLowerCase()));
  const sheet = wb.sheetNames().find((s) => names.has(s.toLowerCase()));
  if (sheet === void 0) return { records: [], verdict: { ok: true } };
  const read = rowsFromLog(wb.grid(sheet).values);
  if (!read.ok) {
    throw new CliError(
      `the audit log sheet "${sheet}" cannot be read: ${read.reason.en} Restore it from a copy of the workbook.`
    );
  }
  return { sheet, records: read.records, verdict: verifyLog(read.records) };
}
async function sheetFor(wb, names, lang) {
  const wanted = new Set(Object.values(names).map((n) => n.toLowerCase()));
  const existing = wb.sheetNames().find((s) => wanted.has(s.toLowerCase()));
  if (existing !== void 0) return existing;
  await wb.addSheet(names[lang]);
  return names[lang];
}
async function writeSheets(wb, report, records, lang) {
  const rows = auditReportRows(report, lang);
  const reportName = await sheetFor(wb, REPORT_SHEET, lang);
  await wb.setRows(reportName, rows);
  const logName = await sheetFor(wb, LOG_SHEET, lang);
  await wb.setRows(logName, logToRows(records));
  await wb.protectSheet(logName);
  const excel = await wb.excelWorkbook();
  const reportWs = excel.getWorksheet(reportName);
  if (reportWs !== void 0) {
    reportWs.getRow(1).font = { bold: true, size: 14 };
    const headerAt = rows.findIndex((r, i) => i > 0 && r.length > 8) + 1;
    if (headerAt > 0) reportWs.getRow(headerAt).font = { bold: true };
    for (let c = 1; c <= 13; c++) {
      reportWs.getColumn(c).width = c === 13 ? 80 : c === 7 || c === 8 ? 14 : 12;
    }
  }
  const logWs = excel.getWorksheet(logName);
  if (logWs !== void 0) {
    logWs.getRow(1).font = { bold: true };
    for (let c = 1; c <= 13; c++) {
      logWs.getColumn(c).width = c >= 11 ? 66 : c === 2 || c === 5 ? 26 : 12;
    }
  }
}
function summary3(path, report, record, log, out, lang) {
  const c = report.counts;
  const zh = lang === "zh";
  const lines = [
    zh ? `${fileName(path)}\uFF1A\u7A3D\u6838 ${c.rows} \u884C\uFF08${c.tables} \u5F20\u8868\uFF09\uFF1B${c.mismatches} \u5904\u4E0D\u4E00\u81F4\uFF08\u5176\u4E2D\u672A\u91CD\u7B97 ${c.stale} \u5904\uFF09\uFF0C${countsLine(c, lang)}\u3002` : `${fileName(path)}: audited ${c.rows} rows in ${c.tables} tables; ${c.mismatches} ${c.mismatches === 1 ? "mismatch" : "mismatches"} (${c.stale} stale), ${countsLine(c, lang)}.`,
    `${zh ? "\u653F\u7B56" : "Policy"}: ${report.policyVersion}`,
    ...tableLines(report.tables, lang),
    ...findingLines(report.findings, lang)
  ];
  if (record !== null) {
    lines.push(
      zh ? `\u7A3D\u6838\u8BB0\u5F55 #${record.seq}\uFF08${record.who || "\u672A\u77E5\u7528\u6237"}\uFF0C${record.when}\uFF09\u54C8\u5E0C ${record.hash}` : `Audit record #${record.seq} (${record.who || "unknown user"}, ${record.when}) hash ${record.hash}`
    );
  }
  if (!log.verdict.ok) {
    lines.push(
      zh ? `\u8B66\u544A\uFF1A\u5DF2\u6709\u7A3D\u6838\u65E5\u5FD7\u7684\u54C8\u5E0C\u94FE\u5DF2\u65AD\u5F00\uFF1A${log.verdict.reason.zh}\u672A\u8FFD\u52A0\u65B0\u8BB0\u5F55\uFF1B\u8BF7\u4ECE\u5DE5\u4F5C\u7C3F\u526F\u672C\u6062\u590D\u65E5\u5FD7\u3002` : `Warning: the existing audit log's hash chain is broken: ${log.verdict.reason.en} No record was appended; restore the log from a copy of the workbook.`
    );
  }
  lines.push(
    out !== void 0 ? zh ? `\u62A5\u544A\u548C\u65E5\u5FD7\u5DF2\u5199\u5165 ${out}\u3002` : `Report and log written to ${out}.` : zh ? "\u672A\u6307\u5B9A -o\uFF1A\u8BB0\u5F55\u672A\u5199\u5165\u4EFB\u4F55\u5DE5\u4F5C\u7C3F\u3002" : "No -o given: the record was not written to a workbook."
  );
  return `${lines.join("\n")}
`;
}
async function run3(args, io) {
  const lang = parseLang(args.values.lang, io.env);
  const path = args.positionals[0];
  const out = args.values.out;
  const who = args.values.user ?? osUser(io.env);
  const progress = new Progress(io, out !== void 0 ? 4 : 3);
  let report;
  let log;
  let record;
  try {
    progress.next(`loading ${fileName(path)}`);
    const wb = await openWorkbook(path);
    progress.next("evaluating");
    wb.evaluate();
    const grids = dataGrids(wb);
    progress.next(`auditing ${rowCount(grids)} rows`);
    report = auditWorkbook(grids);
    log = readLog(wb);
    const previous = log.records[log.records.length - 1];
    record = log.verdict.ok ? appendRecord(
      previous,
      auditLogFields(report, { when: (/* @__PURE__ */ new Date()).toISOString(), who, workbook: fileName(path) })
    ) : null;
    if (out !== void 0) {
      progress.next(`writing ${fileName(out)}`);
      await writeSheets(wb, report, record ? [...log.records, record] : log.records, lang);
      await saveWorkbook(wb, out);
    }
  } finally {
    progress.done();
  }
  if (args.values.json === true) {
    const json = {
      workbook: fileName(path),
      policy: report.policyVersion,
      policyHash: report.policyHash,
      lang,
      tables: tablesJson(report.tables),
      counts: report.counts,
      findings: report.findings.map((f) => findingJson(f, lang)),
      record,
      log: {
        records: log.records.length + (record ? 1 : 0),
        previousChainIntact: log.verdict.ok,
        ...log.verdict.ok ? {} : { problem: log.verdict.reason[lang] }
      },
      output: out ?? null
    };
    io.out(`${JSON.stringify(json)}
`);
  } else {
    io.out(summary3(path, report, record, log, out, lang));
  }
  return report.counts.errors > 0 || !log.verdict.ok ? EXIT_FINDINGS : EXIT_OK;
}
var import_os;
var init_audit2 = __esm({
  "src/cli/audit.ts"() {
    "use strict";
    import_os = require("os");
    init_engine();
    init_sheets();
    init_findings2();
    init_io();
    init_validate2();
    init_workbook2();
  }
});

// src/cli/build.ts
function column(key, lang, format, width) {
  const header = HEADERS[key][lang][0] ?? columnLabel(key, lang);
  return {
    key,
    header,
    ...format !== void 0 ? { format } : {},
    ...width !== void 0 ? { width } : {}
  };
}
function roleChoices(lang) {
  const zh = ROLES.map((r) => ROLE_SPELLINGS[r][0]);
  return lang === "zh" ? [...zh, ...ROLES] : [...ROLES, ...zh];
}
function roleText(role2, lang) {
  return lang === "zh" ? ROLE_SPELLINGS[role2][0] : role2;
}
function expand(formula, address) {
  return formula.replace(/\{([a-z_]+)\}/g, (_, key) => address(key));
}
function addTable(excel, def) {
  const ws = excel.addWorksheet(def.sheet, { views: [{ state: "frozen", ySplit: 1 }] });
  const colOf = new Map(def.columns.map((c, i) => [c.key, i]));
  const rows = def.rows.map((row, i) => {
    const sheetRow = i + 2;
    const address = (key) => {
      const c = colOf.get(key);
      if (c === void 0) throw new Error(`Table ${def.name} has no column ${key}.`);
      return `${columnLetters2(c)}${sheetRow}`;
    };
    return def.columns.map((c) => {
      const v = row[c.key] ?? null;
      if (typeof v === "string" && v.startsWith("=")) {
        return { formula: toSavedFormula(expand(v, address)) };
      }
      return v;
    });
  });
  ws.addTable({
    name: def.name,
    ref: "A1",
    headerRow: true,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: def.columns.map((c) => ({ name: c.header, filterButton: true })),
    rows
  });
  def.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width ?? Math.max(10, Math.min(24, c.header.length * 2 + 4));
    const fmt = c.format !== void 0 ? NUMBER_FORMATS[c.format] : void 0;
    if (fmt !== void 0) {
      for (let r = 2; r <= def.rows.length + 1; r++) ws.getCell(r, i + 1).numFmt = fmt;
    }
  });
}
function addRoleDropDown(excel, def, options) {
  const ws = excel.getWorksheet(def.sheet);
  const roleCol = def.columns.findIndex((c) => c.key === def.roleColumn);
  if (ws === void 0 || roleCol < 0) return;
  const letters = columnLetters2(roleCol);
  const last = Math.max(def.rows.length + 1, options.validationRows ?? 500);
  const zh = options.lang === "zh";
  const validations = ws.dataValidations;
  validations.add(`${letters}2:${letters}${last}`, {
    type: "list",
    allowBlank: true,
    formulae: [`"${roleChoices(options.lang).join(",")}"`],
    showErrorMessage: true,
    errorStyle: "warning",
    errorTitle: zh ? "\u8003\u6838\u5BF9\u8C61" : "Role",
    error: zh ? "\u4E0D\u662F\u53EF\u63A5\u53D7\u7684\u8003\u6838\u5BF9\u8C61\uFF08\xA70\uFF09\uFF1A\u652F\u884C\u884C\u957F\u3001\u9AD8\u7EA7\u5BA2\u6237\u7ECF\u7406\u3001\u4E2D\u7EA7\u5BA2\u6237\u7ECF\u7406\u3001\u521D\u7EA7\u5BA2\u6237\u7ECF\u7406\u3001\u4E1A\u52A1\u4EE3\u529E\u5458\u6216\u5176\u82F1\u6587\u4EE3\u7801\u3002" : "Not an accepted role (POLICY \xA70): BRANCH_HEAD, SENIOR, MID, JUNIOR, AGENT or their Chinese names."
  });
}
async function buildWorkbook(tables, options) {
  const excel = new import_exceljs2.default.Workbook();
  excel.creator = "cm-appraisal";
  excel.lastModifiedBy = "cm-appraisal";
  const created = options.created ?? /* @__PURE__ */ new Date();
  excel.created = created;
  excel.modified = created;
  for (const t of tables) addTable(excel, t);
  const bytes = new Uint8Array(await excel.xlsx.writeBuffer());
  const wb = await loadWorkbook(bytes);
  const saved = await wb.excelWorkbook();
  for (const t of tables) if (t.roleColumn !== void 0) addRoleDropDown(saved, t, options);
  wb.evaluate();
  return wb;
}
var import_exceljs2, NUMBER_FORMATS;
var init_build = __esm({
  "src/cli/build.ts"() {
    "use strict";
    import_exceljs2 = __toESM(require("exceljs"));
    init_engine();
    init_rules();
    init_sheets();
    NUMBER_FORMATS = {
      percent: "0.00%",
      yuan: '"\xA5"#,##0.00',
      count: "0",
      score: "0.00",
      text: void 0
    };
  }
});

// src/cli/appraisal-tables.ts
function appraisalColumns(lang, helpers = []) {
  return [
    column("id", lang, "text", 10),
    column("name", lang, "text", 10),
    column("branch", lang, "text", 12),
    column("role", lang, "text", 16),
    column("deposit_growth", lang, "percent"),
    column("new_deposits", lang, "yuan", 16),
    ...helpers,
    column("npl_ratio", lang, "percent"),
    column("collection_rate", lang, "percent"),
    column("fee_growth", lang, "percent"),
    column("new_accounts", lang, "count"),
    column("months_below_base", lang, "count"),
    column("violation_points", lang, "count"),
    column("major_violation", lang, "text"),
    column("loss_amount", lang, "yuan"),
    column("prior_demotions", lang, "count"),
    column("monthly_income", lang, "yuan"),
    column("reserve_balance", lang, "yuan"),
    column("score", lang, "score"),
    column("outcome", lang, "text", 12),
    column("reserve_deduction", lang, "yuan")
  ];
}
function scoreFormula(role2) {
  const deposit = role2 === "JUNIOR" ? "new_deposits" : "deposit_growth";
  const fourth = role2 === "BRANCH_HEAD" ? "fee_growth" : "new_accounts";
  return `=CM.APPRAISAL_SCORE({role},{${deposit}},{npl_ratio},{collection_rate},{${fourth}})`;
}
function computedCells(role2) {
  return {
    score: scoreFormula(role2),
    outcome: OUTCOME_FORMULA,
    reserve_deduction: RESERVE_FORMULA
  };
}
function clientColumns(lang) {
  return [
    column("client", lang, "text", 22),
    column("client_deposits", lang, "yuan", 18),
    column("client_loans", lang, "yuan", 18),
    column("manager_id", lang, "text", 14),
    { key: "required_grade", header: lang === "zh" ? "\u6240\u9700\u7EA7\u522B" : "Required grade", width: 14 }
  ];
}
function loanColumns(lang) {
  return [
    column("loan", lang, "text", 14),
    column("client", lang, "text", 22),
    column("loan_amount", lang, "yuan", 18),
    column("manager_id", lang, "text", 14),
    { key: "approver", header: lang === "zh" ? "\u5BA1\u6279\u7EA7\u522B" : "Approver", width: 14 }
  ];
}
function appraisalRow(p2, lang) {
  return {
    id: p2.id,
    name: p2.name,
    branch: p2.branch,
    role: roleText(p2.role, lang),
    ...p2.inputs,
    ...computedCells(p2.role)
  };
}
function templateTables(lang) {
  const zh = lang === "zh";
  const branch = zh ? "\u8425\u4E1A\u90E8" : "Head office";
  const people = [
    {
      id: "E001",
      name: zh ? "\u738B\u884C\u957F" : "Wang",
      branch,
      role: "BRANCH_HEAD",
      inputs: {
        deposit_growth: 0.325,
        npl_ratio: 8e-3,
        collection_rate: 0.996,
        fee_growth: 0.22,
        violation_points: 0,
        major_violation: false,
        loss_amount: 0,
        prior_demotions: 0,
        monthly_income: 32e3
      }
    },
    {
      id: "E002",
      name: zh ? "\u674E\u9AD8\u7EA7" : "Li",
      branch,
      role: "SENIOR",
      inputs: {
        deposit_growth: 0.34,
        npl_ratio: 0,
        collection_rate: 0.997,
        new_accounts: 8,
        months_below_base: 0,
        violation_points: 0,
        major_violation: false,
        monthly_income: 18e3,
        reserve_balance: 12e3
      }
    },
    {
      id: "E003",
      name: zh ? "\u5F20\u4E2D\u7EA7" : "Zhang",
      branch,
      role: "MID",
      inputs: {
        deposit_growth: 0.3,
        npl_ratio: 0.01,
        collection_rate: 0.995,
        new_accounts: 7,
        months_below_base: 0,
        violation_points: 0,
        major_violation: false,
        monthly_income: 12e3,
        reserve_balance: 4e3
      }
    },
    {
      id: "E004",
      name: zh ? "\u5218\u521D\u7EA7" : "Liu",
      branch,
      role: "JUNIOR",
      inputs: {
        new_deposits: 115e4,
        npl_ratio: 0.015,
        collection_rate: 1,
        new_accounts: 3,
        months_below_base: 0,
        violation_points: 0,
        major_violation: false,
        monthly_income: 8e3,
        reserve_balance: 4e3
      }
    },
    {
      id: "E005",
      name: zh ? "\u9648\u4EE3\u529E" : "Chen",
      branch,
      role: "AGENT",
      inputs: { monthly_income: 5e3 }
    }
  ];
  const names = SHEET_NAMES[lang];
  return [
    {
      sheet: names.appraisal,
      name: "Appraisal",
      columns: appraisalColumns(lang),
      rows: people.map((p2) => appraisalRow(p2, lang)),
      roleColumn: "role"
    },
    {
      sheet: names.clients,
      name: "Clients",
      columns: clientColumns(lang),
      rows: [
        ["E002", zh ? "\u534E\u4E1C\u673A\u68B0\u6709\u9650\u516C\u53F8" : "East Machinery Ltd", 9e6, 2e6],
        ["E003", zh ? "\u57CE\u5357\u5546\u8D38\u6709\u9650\u516C\u53F8" : "South Trading Ltd", 55e5, 1e6],
        ["E004", zh ? "\u65B0\u82D1\u793E\u533A\u8D85\u5E02" : "Garden Grocery", 8e5, 3e5]
      ].map(([manager_id, client, client_deposits, client_loans]) => ({
        client,
        client_deposits,
        client_loans,
        manager_id,
        required_grade: CLIENT_TIER_FORMULA
      }))
    },
    {
      sheet: names.loans,
      name: "Loans",
      columns: loanColumns(lang),
      rows: [
        ["L001", "E001", zh ? "\u534E\u4E1C\u673A\u68B0\u6709\u9650\u516C\u53F8" : "East Machinery Ltd", 8e6],
        ["L002", "E002", zh ? "\u534E\u4E1C\u673A\u68B0\u6709\u9650\u516C\u53F8" : "East Machinery Ltd", 45e5],
        ["L003", "E003", zh ? "\u57CE\u5357\u5546\u8D38\u6709\u9650\u516C\u53F8" : "South Trading Ltd", 25e5],
        ["L004", "E004", zh ? "\u65B0\u82D1\u793E\u533A\u8D85\u5E02" : "Garden Grocery", 6e5]
      ].map(([loan, manager_id, client, loan_amount]) => ({
        loan,
        client,
        loan_amount,
        manager_id,
        approver: LOAN_APPROVER_FORMULA
      }))
    }
  ];
}
var SHEET_NAMES, OUTCOME_FORMULA, RESERVE_FORMULA, CLIENT_TIER_FORMULA, LOAN_APPROVER_FORMULA;
var init_appraisal_tables = __esm({
  "src/cli/appraisal-tables.ts"() {
    "use strict";
    init_build();
    SHEET_NAMES = {
      zh: { appraisal: "\u8003\u6838\u8868", clients: "\u5BA2\u6237\u8868", loans: "\u8D37\u6B3E\u8868" },
      en: { appraisal: "Appraisal", clients: "Clients", loans: "Loans" }
    };
    OUTCOME_FORMULA = "=CM.GRADE_OUTCOME({role},{score},{collection_rate},{months_below_base},{violation_points},{major_violation},{deposit_growth},{npl_ratio},{loss_amount},{prior_demotions})";
    RESERVE_FORMULA = "=CM.RISK_RESERVE({role},{monthly_income},{reserve_balance})";
    CLIENT_TIER_FORMULA = "=CM.CLIENT_TIER({client_deposits},{client_loans})";
    LOAN_APPROVER_FORMULA = "=CM.LOAN_APPROVER({loan_amount})";
  }
});

// src/cli/template.ts
var template_exports = {};
__export(template_exports, {
  run: () => run4
});
async function run4(args, io) {
  const lang = parseLang(args.values.lang, io.env);
  const out = args.values.out ?? (lang === "zh" ? "\u8003\u6838\u6A21\u677F.xlsx" : "appraisal-template.xlsx");
  const wb = await buildWorkbook(templateTables(lang), { lang });
  await saveWorkbook(wb, out);
  io.out(lang === "zh" ? `\u5DF2\u5199\u5165 ${out}\u3002
` : `Wrote ${out}.
`);
  return EXIT_OK;
}
var init_template = __esm({
  "src/cli/template.ts"() {
    "use strict";
    init_engine();
    init_appraisal_tables();
    init_build();
    init_io();
  }
});

// src/cli/functions.ts
var functions_exports2 = {};
__export(functions_exports2, {
  functionReference: () => functionReference,
  run: () => run5
});
function functionReference(table, lang) {
  const zh = lang === "zh";
  const blocks = table.map((fn) => {
    const signature = fn.params.map(
      (p2) => p2.optional ? `[${p2.name}${p2.defaultText ? ` = ${p2.defaultText}` : ""}]` : p2.name
    ).join(", ");
    const lines = [
      `CM.${fn.name}(${signature})${fn.article ? `  \u2014 ${fn.article}` : ""}`,
      `  ${fn.help[lang]}`
    ];
    for (const p2 of fn.params) {
      const tags = [];
      if (p2.kind === "range") tags.push(zh ? "\u4E00\u884C\u6216\u4E00\u5217" : "a row or column");
      if (p2.optional) {
        tags.push(zh ? "\u53EF\u9009" : "optional");
        if (p2.defaultText) tags.push(`${zh ? "\u9ED8\u8BA4" : "default"} ${p2.defaultText}`);
      }
      const tag = tags.length > 0 ? ` (${tags.join(zh ? "\uFF0C" : ", ")})` : "";
      lines.push(`    ${p2.name}${tag}: ${p2.help[lang]}`);
    }
    lines.push(`  ${zh ? "\u8FD4\u56DE" : "Returns"}: ${fn.result.help[lang]}`);
    lines.push(`  ${zh ? "\u793A\u4F8B" : "Example"}: ${fn.example.formula} \u2192 ${fn.example.result}`);
    return lines.join("\n");
  });
  const head = zh ? `${table.length} \u4E2A CM \u51FD\u6570\uFF08\u5728\u5355\u5143\u683C\u4E2D\u8F93\u5165 =CM.\u540D\u79F0(\u2026)\uFF09\uFF1A` : `${table.length} CM functions (type =CM.NAME(\u2026) in a cell):`;
  return `${head}

${blocks.join("\n\n")}
`;
}
async function run5(args, io) {
  const lang = parseLang(args.values.lang, io.env);
  io.out(functionReference(FUNCTION_TABLE, lang));
  return EXIT_OK;
}
var init_functions2 = __esm({
  "src/cli/functions.ts"() {
    "use strict";
    init_functions();
    init_io();
  }
});

// package.json
var require_package = __commonJS({
  "package.json"(exports2, module2) {
    module2.exports = {
      name: "cm-appraisal",
      version: "0.1.0",
      description: "Excel add-in, headless engine and command line that turn a bank's customer-manager appraisal policy into validated workbook calculations.",
      license: "GPL-3.0-or-later",
      private: true,
      bin: {
        "cm-appraisal": "bin/cm-appraisal.js"
      },
      engines: {
        node: ">=20"
      },
      config: {
        app_to_debug: "excel",
        app_type_to_debug: "desktop",
        dev_server_port: 3e3
      },
      scripts: {
        start: "tsx scripts/start.ts",
        stop: "tsx scripts/stop.ts",
        build: "tsx scripts/build.ts",
        "build:dev": "webpack --mode development",
        "dev-server": "webpack serve --mode development",
        validate: "tsx scripts/validate-manifest.ts",
        lint: "eslint . && prettier --check .",
        "lint:fix": "eslint . --fix && prettier --write .",
        typecheck: "tsc --noEmit",
        test: "jest",
        bench: "tsx bench/run.ts",
        icons: "tsx scripts/make-icons.ts",
        sample: "tsx scripts/make-sample.ts",
        "gen:functions": "tsx scripts/gen-functions.ts"
      },
      dependencies: {
        "@fluentui/react-components": "^9.74.11",
        "@noble/hashes": "^1.8.0",
        "decimal.js": "^10.6.0",
        exceljs: "^4.4.0",
        hyperformula: "^3.5.0",
        react: "^19.3.1",
        "react-dom": "^19.3.1",
        saxes: "^6.0.0",
        tsx: "^4.23.15"
      },
      devDependencies: {
        "@eslint/js": "^9.39.5",
        "@microsoft/office-js": "^1.1.110",
        "@testing-library/dom": "^10.4.2",
        "@testing-library/jest-dom": "^6.9.1",
        "@testing-library/react": "^16.3.3",
        "@testing-library/user-event": "^14.6.13",
        "@types/custom-functions-runtime": "^1.6.13",
        "@types/jest": "^30.0.0",
        "@types/node": "^20.19.43",
        "@types/office-js": "^1.0.612",
        "@types/office-runtime": "^1.0.40",
        "@types/react": "^19.3.3",
        "@types/react-dom": "^19.3.0",
        ajv: "^8.20.0",
        "copy-webpack-plugin": "^14.0.0",
        "custom-functions-metadata": "^2.2.3",
        "custom-functions-metadata-plugin": "^2.1.10",
        eslint: "^9.39.5",
        "eslint-plugin-react-hooks": "^7.1.1",
        "fast-check": "^4.11.0",
        "fast-xml-parser": "^5.12.1",
        "html-webpack-plugin": "^5.6.8",
        jest: "^30.5.2",
        "jest-environment-jsdom": "^30.5.2",
        "office-addin-cli": "^3.0.0",
        "office-addin-debugging": "^7.0.0",
        "office-addin-dev-certs": "^3.0.0",
        "office-addin-manifest": "^3.0.0",
        "playwright-core": "^1.65.1",
        prettier: "^3.10.1",
        "ts-jest": "^29.4.15",
        "ts-loader": "^9.6.2",
        typescript: "^5.9.3",
        "typescript-eslint": "^8.74.0",
        webpack: "^5.113.0",
        "webpack-cli": "^6.0.1",
        "webpack-dev-server": "^5.2.7"
      }
    };
  }
});

// src/cli/main.ts
var main_exports = {};
__export(main_exports, {
  COMMANDS: () => COMMANDS,
  main: () => main,
  mainHelp: () => mainHelp
});
module.exports = __toCommonJS(main_exports);

// src/cli/command.ts
var import_util = require("util");
init_io();
var COMMON_OPTIONS = {
  help: { type: "boolean", short: "h", help: { en: "Show this help.", zh: "\u663E\u793A\u672C\u5E2E\u52A9\u3002" } },
  debug: {
    type: "boolean",
    help: {
      en: "Print the stack trace of an unexpected error.",
      zh: "\u51FA\u73B0\u610F\u5916\u9519\u8BEF\u65F6\u6253\u5370\u8C03\u7528\u6808\u3002"
    }
  }
};
var LANG_OPTION = {
  type: "string",
  value: "zh|en",
  help: {
    en: "Language of messages (default: zh when LC_ALL, LC_MESSAGES or LANG starts with zh, else en).",
    zh: "\u6D88\u606F\u8BED\u8A00\uFF08\u9ED8\u8BA4\uFF1ALC_ALL\u3001LC_MESSAGES \u6216 LANG \u4EE5 zh \u5F00\u5934\u65F6\u4E3A\u4E2D\u6587\uFF0C\u5426\u5219\u4E3A\u82F1\u6587\uFF09\u3002"
  }
};
var JSON_OPTION = {
  type: "boolean",
  help: {
    en: "Print one JSON object on stdout instead of the summary.",
    zh: "\u5728\u6807\u51C6\u8F93\u51FA\u6253\u5370\u4E00\u4E2A JSON \u5BF9\u8C61\uFF0C\u4EE3\u66FF\u6458\u8981\u3002"
  }
};
var OUT_OPTION = {
  type: "string",
  short: "o",
  value: "out.xlsx",
  help: { en: "Write the resulting workbook to this file.", zh: "\u5C06\u7ED3\u679C\u5DE5\u4F5C\u7C3F\u5199\u5165\u6B64\u6587\u4EF6\u3002" }
};
function parseCommandArgs(command, argv) {
  const options = {};
  for (const [name2, o] of Object.entries({ ...COMMON_OPTIONS, ...command.options })) {
    options[name2] = o.short !== void 0 ? { type: o.type, short: o.short } : { type: o.type };
  }
  let parsed2;
  try {
    parsed2 = (0, import_util.parseArgs)({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new CliError(firstSentence(e.message), command.name);
  }
  const values = parsed2.values;
  const positionals = parsed2.positionals;
  if (values.help === true) return { positionals, values };
  const { min, max, name } = command.positionals;
  if (positionals.length < min) {
    throw new CliError(`${command.name} needs ${name}.`, command.name);
  }
  if (positionals.length > max) {
    throw new CliError(
      `${command.name} takes ${max === 0 ? "no arguments" : `only ${name}`}; unexpected "${positionals[max]}".`,
      command.name
    );
  }
  return { positionals, values };
}
function firstSentence(message) {
  const line = message.split("\n")[0].trim();
  const cut = line.indexOf(". ");
  return cut > 0 ? line.slice(0, cut + 1) : line;
}
function commandHelp(command, lang) {
  const lines = [
    `${lang === "zh" ? "\u7528\u6CD5" : "Usage"}: cm-appraisal ${command.name} ${command.usage}`.trimEnd(),
    "",
    command.summary[lang],
    "",
    lang === "zh" ? "\u9009\u9879\uFF1A" : "Options:"
  ];
  const all = { ...command.options, ...COMMON_OPTIONS };
  const left = Object.entries(all).map(([name, o]) => {
    const flag = `${o.short !== void 0 ? `-${o.short}, ` : "    "}--${name}`;
    return o.value !== void 0 ? `${flag} <${o.value}>` : flag;
  });
  const width = Math.max(...left.map((s) => s.length)) + 2;
  Object.values(all).forEach((o, i) => lines.push(`  ${left[i].padEnd(width)}${o.help[lang]}`));
  if (command.details !== void 0) lines.push("", command.details[lang]);
  return `${lines.join("\n")}
`;
}

// src/cli/commands.ts
init_sheet_names();
var COMMANDS = [
  {
    name: "recalc",
    brief: {
      en: "Recalculate every formula and report the values (-o writes the workbook).",
      zh: "\u91CD\u65B0\u8BA1\u7B97\u6240\u6709\u516C\u5F0F\u5E76\u62A5\u544A\u7ED3\u679C\uFF08-o \u5199\u51FA\u5DE5\u4F5C\u7C3F\uFF09\u3002"
    },
    usage: "<in.xlsx> [-o out.xlsx] [--json]",
    summary: {
      en: "Recalculate every formula, the CM functions included, and report the values.",
      zh: "\u91CD\u65B0\u8BA1\u7B97\u6240\u6709\u516C\u5F0F\uFF08\u5305\u62EC CM \u51FD\u6570\uFF09\u5E76\u62A5\u544A\u7ED3\u679C\u3002"
    },
    details: {
      en: 'With --json: {"workbook", "policy", "sheets": {sheet: {address: value}}} for every formula\ncell, spilled cells included; an error is {"error": "#VALUE!", "message": "\u2026"}.\nExit codes: 0 done; 2 the file cannot be read or written.',
      zh: '\u4F7F\u7528 --json \u65F6\u8F93\u51FA {"workbook", "policy", "sheets": {\u5DE5\u4F5C\u8868: {\u5355\u5143\u683C: \u503C}}}\uFF0C\u5305\u62EC\u6240\u6709\u516C\u5F0F\u5355\u5143\u683C\n\uFF08\u542B\u6EA2\u51FA\u5355\u5143\u683C\uFF09\uFF1B\u9519\u8BEF\u503C\u4E3A {"error": "#VALUE!", "message": "\u2026"}\u3002\n\u9000\u51FA\u7801\uFF1A0 \u5B8C\u6210\uFF1B2 \u65E0\u6CD5\u8BFB\u53D6\u6216\u5199\u5165\u6587\u4EF6\u3002'
    },
    options: { out: OUT_OPTION, json: JSON_OPTION, lang: LANG_OPTION },
    positionals: { min: 1, max: 1, name: "one workbook (in.xlsx)" },
    load: () => Promise.resolve().then(() => (init_recalc(), recalc_exports))
  },
  {
    name: "validate",
    brief: {
      en: "Check the appraisal, clients and loans tables against the policy.",
      zh: "\u6309\u529E\u6CD5\u68C0\u67E5\u8003\u6838\u8868\u3001\u5BA2\u6237\u8868\u548C\u8D37\u6B3E\u8868\u3002"
    },
    usage: "<in.xlsx> [--json] [--lang zh|en]",
    summary: {
      en: "Check the appraisal, clients and loans tables: types, domains, inputs each role needs,\nrates typed as percents, duplicate IDs, unknown roles, overwritten formulas, client grades\n(Art. 12) and loan authority (Art. 25(3)). The workbook is not changed.",
      zh: "\u68C0\u67E5\u8003\u6838\u8868\u3001\u5BA2\u6237\u8868\u548C\u8D37\u6B3E\u8868\uFF1A\u7C7B\u578B\u4E0E\u53D6\u503C\u8303\u56F4\u3001\u5404\u8003\u6838\u5BF9\u8C61\u5FC5\u586B\u9879\u3001\u8BEF\u586B\u4E3A\u767E\u5206\u6570\u7684\u6BD4\u7387\u3001\u91CD\u590D\u5DE5\u53F7\u3001\n\u672A\u77E5\u8003\u6838\u5BF9\u8C61\u3001\u88AB\u8986\u76D6\u7684\u516C\u5F0F\u3001\u5BA2\u6237\u5206\u7EA7\uFF08\u7B2C\u5341\u4E8C\u6761\uFF09\u548C\u8D37\u6B3E\u5BA1\u6279\u6743\u9650\uFF08\u7B2C\u4E8C\u5341\u4E94\u6761\uFF09\u3002\u4E0D\u4FEE\u6539\u5DE5\u4F5C\u7C3F\u3002"
    },
    details: {
      en: "Exit codes: 0 no error-severity findings (warnings allowed); 1 errors found;\n2 the file cannot be read.",
      zh: "\u9000\u51FA\u7801\uFF1A0 \u6CA1\u6709\u9519\u8BEF\u7EA7\u53D1\u73B0\uFF08\u53EF\u6709\u8B66\u544A\uFF09\uFF1B1 \u53D1\u73B0\u9519\u8BEF\uFF1B2 \u65E0\u6CD5\u8BFB\u53D6\u6587\u4EF6\u3002"
    },
    options: { json: JSON_OPTION, lang: LANG_OPTION },
    positionals: { min: 1, max: 1, name: "one workbook (in.xlsx)" },
    load: () => Promise.resolve().then(() => (init_validate2(), validate_exports))
  },
  {
    name: "audit",
    brief: {
      en: "Recompute every row, compare, write a report and a hash-chained log record.",
      zh: "\u9010\u884C\u91CD\u7B97\u6BD4\u8F83\uFF0C\u5199\u51FA\u7A3D\u6838\u62A5\u544A\u548C\u54C8\u5E0C\u94FE\u65E5\u5FD7\u8BB0\u5F55\u3002"
    },
    usage: "<in.xlsx> [-o out.xlsx] [--json] [--lang zh|en] [--user name]",
    summary: {
      en: "Recalculate, recompute every appraisal row with the policy (Art. 13, 14, 25(2)) and\ncompare with what the sheet shows; with -o, write the report sheet and append a hash-chained\nrecord to the audit log sheet of the output workbook.",
      zh: "\u91CD\u65B0\u8BA1\u7B97\uFF0C\u6309\u529E\u6CD5\uFF08\u7B2C\u5341\u4E09\u3001\u5341\u56DB\u3001\u4E8C\u5341\u4E94\u6761\uFF09\u9010\u884C\u91CD\u7B97\u5E76\u4E0E\u8868\u4E2D\u663E\u793A\u503C\u6BD4\u8F83\uFF1B\u4F7F\u7528 -o \u65F6\u5728\u8F93\u51FA\n\u5DE5\u4F5C\u7C3F\u4E2D\u5199\u5165\u7A3D\u6838\u62A5\u544A\u8868\uFF0C\u5E76\u5728\u7A3D\u6838\u65E5\u5FD7\u8868\u4E2D\u8FFD\u52A0\u4E00\u6761\u54C8\u5E0C\u94FE\u8BB0\u5F55\u3002"
    },
    details: {
      en: `Sheets written: "${REPORT_SHEET.en}" / "${REPORT_SHEET.zh}" (replaced) and "${LOG_SHEET.en}" / "${LOG_SHEET.zh}"
(the input's log is read, verified and continued; the sheet is protected against casual edits).
Exit codes: 0 no error-severity findings and an intact log; 1 errors found or the existing
log's chain is broken; 2 the file cannot be read or written, or the log cannot be read.`,
      zh: `\u5199\u5165\u7684\u5DE5\u4F5C\u8868\uFF1A\u201C${REPORT_SHEET.zh}\u201D\uFF08\u66FF\u6362\uFF09\u548C\u201C${LOG_SHEET.zh}\u201D\uFF08\u8BFB\u53D6\u3001\u6821\u9A8C\u5E76\u5EF6\u7EED\u8F93\u5165\u6587\u4EF6\u4E2D\u7684\u65E5\u5FD7\uFF1B
\u8BE5\u8868\u8BBE\u6709\u4FDD\u62A4\u4EE5\u9632\u8BEF\u6539\uFF09\u3002
\u9000\u51FA\u7801\uFF1A0 \u6CA1\u6709\u9519\u8BEF\u7EA7\u53D1\u73B0\u4E14\u65E5\u5FD7\u5B8C\u6574\uFF1B1 \u53D1\u73B0\u9519\u8BEF\u6216\u5DF2\u6709\u65E5\u5FD7\u7684\u54C8\u5E0C\u94FE\u65AD\u5F00\uFF1B2 \u65E0\u6CD5\u8BFB\u53D6\u6216\u5199\u5165\u6587\u4EF6\uFF0C
\u6216\u65E0\u6CD5\u8BFB\u53D6\u65E5\u5FD7\u3002`
    },
    options: {
      out: OUT_OPTION,
      json: JSON_OPTION,
      lang: LANG_OPTION,
      user: {
        type: "string",
        value: "name",
        help: {
          en: "Who runs the audit, for the log (default: the OS user's name).",
          zh: "\u7A3D\u6838\u4EBA\uFF0C\u8BB0\u5165\u65E5\u5FD7\uFF08\u9ED8\u8BA4\uFF1A\u64CD\u4F5C\u7CFB\u7EDF\u7528\u6237\u540D\uFF09\u3002"
        }
      }
    },
    positionals: { min: 1, max: 1, name: "one workbook (in.xlsx)" },
    load: () => Promise.resolve().then(() => (init_audit2(), audit_exports))
  },
  {
    name: "template",
    brief: { en: "Write a new appraisal workbook to fill in.", zh: "\u751F\u6210\u65B0\u7684\u8003\u6838\u5DE5\u4F5C\u7C3F\u6A21\u677F\u3002" },
    usage: "[-o file.xlsx] [--lang zh|en]",
    summary: {
      en: "Write a new appraisal workbook: appraisal, clients and loans sheets as Excel Tables with\nthe SHEETS.md headers, one example row per role, a role drop-down, number formats and the CM\nformulas (with cached values, so it also opens with values in LibreOffice).",
      zh: "\u751F\u6210\u65B0\u7684\u8003\u6838\u5DE5\u4F5C\u7C3F\uFF1A\u8003\u6838\u8868\u3001\u5BA2\u6237\u8868\u548C\u8D37\u6B3E\u8868\uFF08Excel \u8868\u683C\uFF09\uFF0C\u4F7F\u7528 SHEETS.md \u7684\u5217\u6807\u9898\uFF0C\u6BCF\u79CD\u8003\u6838\n\u5BF9\u8C61\u4E00\u884C\u793A\u4F8B\uFF0C\u8003\u6838\u5BF9\u8C61\u4E0B\u62C9\u5217\u8868\u3001\u6570\u5B57\u683C\u5F0F\u548C CM \u516C\u5F0F\uFF08\u542B\u7F13\u5B58\u503C\uFF0C\u5728 LibreOffice \u4E2D\u6253\u5F00\u4E5F\u6709\u7ED3\u679C\uFF09\u3002"
    },
    details: {
      en: "Default file: appraisal-template.xlsx (\u8003\u6838\u6A21\u677F.xlsx with --lang zh). Exit codes: 0 written;\n2 the file cannot be written.",
      zh: "\u9ED8\u8BA4\u6587\u4EF6\uFF1A\u8003\u6838\u6A21\u677F.xlsx\uFF08--lang en \u65F6\u4E3A appraisal-template.xlsx\uFF09\u3002\u9000\u51FA\u7801\uFF1A0 \u5DF2\u5199\u5165\uFF1B2 \u65E0\u6CD5\u5199\u5165\u3002"
    },
    options: {
      out: {
        type: "string",
        short: "o",
        value: "file.xlsx",
        help: { en: "Where to write the workbook.", zh: "\u5DE5\u4F5C\u7C3F\u7684\u4FDD\u5B58\u8DEF\u5F84\u3002" }
      },
      lang: LANG_OPTION
    },
    positionals: { min: 0, max: 0, name: "no arguments" },
    load: () => Promise.resolve().then(() => (init_template(), template_exports))
  },
  {
    name: "functions",
    brief: { en: "Print the reference of the CM functions.", zh: "\u6253\u5370 CM \u51FD\u6570\u53C2\u8003\u3002" },
    usage: "[--lang zh|en]",
    summary: {
      en: "Print the reference of the CM functions: parameters, defaults, examples.",
      zh: "\u6253\u5370 CM \u51FD\u6570\u53C2\u8003\uFF1A\u53C2\u6570\u3001\u9ED8\u8BA4\u503C\u548C\u793A\u4F8B\u3002"
    },
    options: { lang: LANG_OPTION },
    positionals: { min: 0, max: 0, name: "no arguments" },
    load: () => Promise.resolve().then(() => (init_functions2(), functions_exports2))
  }
];

// src/cli/main.ts
init_io();
function version() {
  return require_package().version;
}
function mainHelp(io, lang = defaultLang(io.env)) {
  const zh = lang === "zh";
  const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 2;
  const lines = [
    `${zh ? "\u7528\u6CD5" : "Usage"}: cm-appraisal <command> [options]`,
    "",
    zh ? "\u5BA2\u6237\u7ECF\u7406\u8003\u6838\uFF1A\u6309\u300A\u5546\u4E1A\u94F6\u884C\u5BA2\u6237\u7ECF\u7406\u8003\u6838\u7BA1\u7406\u529E\u6CD5\u300B\u91CD\u7B97\u3001\u6821\u9A8C\u548C\u7A3D\u6838\u8003\u6838\u5DE5\u4F5C\u7C3F\u3002" : "Customer-manager appraisal: recalculate, validate and audit appraisal workbooks under the bank's policy.",
    "",
    zh ? "\u547D\u4EE4\uFF1A" : "Commands:",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}${c.brief[lang]}`),
    "",
    zh ? "\u201Ccm-appraisal <\u547D\u4EE4> --help\u201D \u663E\u793A\u547D\u4EE4\u7684\u9009\u9879\u3002--version \u663E\u793A\u7248\u672C\u3002" : 'Run "cm-appraisal <command> --help" for its options; --version prints the version.',
    zh ? "\u9000\u51FA\u7801\uFF1A0 \u5B8C\u6210\u4E14\u65E0\u9519\u8BEF\uFF1B1 \u5DE5\u4F5C\u7C3F\u6709\u9519\u8BEF\u7EA7\u53D1\u73B0\uFF1B2 \u65E0\u6CD5\u8FD0\u884C\uFF08\u7528\u6CD5\u9519\u8BEF\u3001\u65E0\u6CD5\u8BFB\u5199\u6587\u4EF6\uFF09\u3002" : "Exit codes: 0 done, nothing wrong; 1 the workbook has error-severity findings;\n2 could not run (usage error, unreadable or unwritable file)."
  ];
  return `${lines.join("\n")}
`;
}
async function main(argv, io = processIo()) {
  const debug = argv.includes("--debug");
  let command;
  try {
    const [first, ...rest] = argv;
    if (first === void 0) {
      io.err(mainHelp(io));
      return EXIT_FAILURE;
    }
    if (first === "--help" || first === "-h" || first === "help") {
      io.out(mainHelp(io));
      return EXIT_OK;
    }
    if (first === "--version" || first === "-v") {
      io.out(`${version()}
`);
      return EXIT_OK;
    }
    command = COMMANDS.find((c) => c.name === first);
    if (command === void 0) {
      throw new CliError(
        first.startsWith("-") ? `unknown option "${first}" (give a command first).` : `unknown command "${first}".`,
        ""
      );
    }
    const args = parseCommandArgs(command, rest);
    if (args.values.help === true) {
      const lang = args.values.lang;
      io.out(commandHelp(command, lang === "zh" || lang === "en" ? lang : defaultLang(io.env)));
      return EXIT_OK;
    }
    const { run: run6 } = await command.load();
    return await run6(args, io);
  } catch (e) {
    io.err(`cm-appraisal: ${oneLine(describe2(e))}
`);
    if (e instanceof CliError && e.usageOf !== void 0) {
      io.err(
        e.usageOf === "" ? 'Run "cm-appraisal --help" for the commands.\n' : `Run "cm-appraisal ${e.usageOf} --help" for its usage.
`
      );
    }
    if (debug && e instanceof Error && e.stack) io.err(`${e.stack}
`);
    return EXIT_FAILURE;
  }
}
function describe2(e) {
  if (e instanceof CliError || e instanceof Error && e.name === "EngineFileError") {
    return e.message;
  }
  if (e instanceof Error) {
    const code = e.code;
    return `unexpected error${code ? ` (${code})` : ""}: ${e.message} (run with --debug for details)`;
  }
  return `unexpected error: ${String(e)}`;
}
function oneLine(s) {
  return s.replace(/\s*\n\s*/g, " ").trim();
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  COMMANDS,
  main,
  mainHelp
});
