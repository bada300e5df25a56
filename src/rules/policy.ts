/**
 * The bank's policy as data: 《商业银行客户经理考核管理办法》, read as POLICY.md fixes it.
 * Boundaries follow PRC Civil Code Art. 1259 (以上/以下/以内 include the number; 超过/不满/低于
 * exclude it). Every number the rules use is here, once.
 */
import type { LinearItem, Policy, ProportionalItem } from './policy-types';

const growthDeposit: LinearItem = {
  kind: 'linear',
  input: 'growth',
  article: 'Art. 13',
  source: '全年新增存款日均增长30%，每增加或减少1%则增加或减少2分',
  base: '40',
  target: '0.30',
  step: '0.01',
  stepOfTarget: false,
  pointsPerStep: '2',
  min: '0',
  max: '60',
};

const accounts = (target: string): ProportionalItem => ({
  kind: 'proportional',
  input: 'count',
  article: 'Art. 13',
  source: `新开对公基本帐户${target}户`,
  points: '10',
  target,
});

export const DEFAULT_POLICY: Policy = {
  id: 'cm-appraisal',
  name: {
    zh: '商业银行客户经理考核管理办法',
    en: 'Measures for the appraisal and management of customer managers',
  },
  version: '1.0.0',
  options: { whole_steps: false, all_or_nothing: false },
  score: {
    article: 'Art. 13',
    deposit: {
      BRANCH_HEAD: growthDeposit,
      SENIOR: growthDeposit,
      MID: growthDeposit,
      // Reading (JUNIOR): the target is an amount, so "1%" is 1% of it (10,000 yuan).
      JUNIOR: {
        ...growthDeposit,
        input: 'amount',
        source: '全年新增存款日均100万元，每增加或减少1%则增加或减少2分',
        target: '1000000',
        step: '0.01',
        stepOfTarget: true,
      },
    },
    npl: {
      kind: 'bands',
      input: 'rate',
      article: 'Art. 13',
      source: '不良率为0得30分，1%以下减10分，1%—5%减20分，5%以上该项不得分',
      // Hit policy FIRST: at exactly 1% the band 1%以下 wins; at 5% the band 1%—5% wins.
      bands: [
        {
          lo: '0',
          loIncluded: true,
          hi: '0',
          hiIncluded: true,
          value: '30',
          article: 'Art. 13',
          source: '不良率为0',
        },
        {
          lo: '0',
          loIncluded: true,
          hi: '0.01',
          hiIncluded: true,
          value: '20',
          article: 'Art. 13',
          source: '1%以下减10分',
        },
        {
          lo: '0.01',
          loIncluded: true,
          hi: '0.05',
          hiIncluded: true,
          value: '10',
          article: 'Art. 13',
          source: '1%—5%减20分',
        },
        {
          lo: '0.05',
          loIncluded: true,
          hi: '1',
          hiIncluded: true,
          value: '0',
          article: 'Art. 13',
          source: '5%以上该项不得分',
        },
      ],
    },
    collection: {
      kind: 'linear',
      input: 'rate',
      article: 'Art. 13',
      source: '收贷收息率99.5%，每增加或减少0.1%则增加或减少2分',
      base: '20',
      target: '0.995',
      step: '0.001',
      stepOfTarget: false,
      pointsPerStep: '2',
      min: '0',
      max: '30',
    },
    fourth: {
      BRANCH_HEAD: {
        kind: 'linear',
        input: 'growth',
        article: 'Art. 13',
        source: '中间收入增长20%，每增加或减少2%则增加或减少1分',
        base: '10',
        target: '0.20',
        step: '0.02',
        stepOfTarget: false,
        pointsPerStep: '1',
        min: '0',
        max: '15',
      },
      SENIOR: accounts('10'),
      MID: accounts('7'),
      JUNIOR: accounts('5'),
    },
    totalPlaces: 2,
    totalRange: {
      BRANCH_HEAD: { min: '0', max: '135' },
      SENIOR: { min: '0', max: '130' },
      MID: { min: '0', max: '130' },
      JUNIOR: { min: '0', max: '130' },
    },
  },
  outcome: {
    majorViolation: { article: 'Art. 14(3)', source: '严重违规违纪造成重大经济损失' },
    violationPoints: {
      op: '>=',
      value: '15',
      article: 'Art. 14(3)',
      source: '行为规范扣分15分(含)以上',
    },
    accidentLoss: {
      op: '>=',
      value: '10000',
      article: 'Art. 14(1)2',
      source: '重大安全、责任事故造成经济损失万元以上',
    },
    managerTerminateScore: {
      op: '<=',
      value: '70',
      article: 'Art. 14(2)',
      source: '考核得分70分以下',
    },
    branchHeadRepeat: { op: '>=', value: '1', article: 'Art. 14(1)1', source: '连续2年降级' },
    branchHeadScore: { op: '<=', value: '90', article: 'Art. 14(1)1', source: '考核得分90分以下' },
    branchHeadNpl: { op: '>', value: '0.10', article: 'Art. 14(1)1', source: '不良率超过10%' },
    branchHeadDepositCompletion: {
      op: '<=',
      value: '0.9',
      article: 'Art. 14(1)1',
      source: '存款完成90%以下',
    },
    branchHeadCollectionCompletion: {
      op: '<=',
      value: '0.9',
      article: 'Art. 14(1)1',
      source: '收贷收息完成90%以下',
    },
    managerScore: { op: '<=', value: '85', article: 'Art. 14(2)', source: '考核得分85分以下' },
    managerCollectionRate: {
      op: '<',
      value: '0.99',
      article: 'Art. 14(2)',
      source: '收贷收息率低于99%',
    },
    managerMonthsBelowBase: {
      op: '>=',
      value: '3',
      article: 'Art. 14(2)',
      source: '连续3个月低于基数存款的90%',
    },
    belowBaseRatio: { op: '<', value: '0.9', article: 'Art. 14(2)', source: '低于基数存款的90%' },
    demotion: {
      article: 'Art. 9(2), Art. 24',
      source: '降级聘用',
      next: { BRANCH_HEAD: 'SENIOR', SENIOR: 'MID', MID: 'JUNIOR', JUNIOR: 'AGENT' },
    },
  },
  collectionDuty: {
    overall: { op: '<', value: '0.995', article: 'Art. 25(1)', source: '贷款收息率须达到99.5%' },
    newLoans: { op: '<', value: '1', article: 'Art. 25(1)', source: '当年新发放贷款收息率100%' },
  },
  reserve: {
    article: 'Art. 25(2)',
    source: '每月从收入中提取20%作为个人风险金',
    rate: '0.2',
    caps: { SENIOR: '20000', MID: '10000', JUNIOR: '5000' },
    moneyPlaces: 2,
    refund: { article: 'Art. 25(2)', source: '离职或调岗半年后退还', afterMonths: '6' },
  },
  authority: {
    article: 'Art. 25(3)',
    source: '单笔贷款权限',
    limits: [
      { role: 'JUNIOR', max: '1000000', source: '初级客户经理100万元以下' },
      { role: 'MID', max: '3000000', source: '中级客户经理300万元以下' },
      { role: 'SENIOR', max: '5000000', source: '高级客户经理500万元以下' },
    ],
    above: 'BRANCH_HEAD',
  },
  tier: [
    {
      grade: 'SENIOR',
      match: 'any',
      conditions: [
        { field: 'deposits', op: '>=', value: '8000000' },
        { field: 'loans', op: '>=', value: '10000000' },
      ],
      gap: false,
      article: 'Art. 12',
      source: '存款800万元以上或贷款1000万元以上',
    },
    {
      grade: 'MID',
      match: 'any',
      conditions: [
        { field: 'deposits', op: '>=', value: '5000000' },
        { field: 'loans', op: '>', value: '3000000' },
      ],
      gap: false,
      article: 'Art. 12',
      source: '存款500万元—800万元或贷款300—1000万元以内',
    },
    {
      grade: 'MID',
      match: 'all',
      conditions: [
        { field: 'deposits', op: '>', value: '3000000' },
        { field: 'deposits', op: '<', value: '5000000' },
      ],
      gap: true,
      article: 'Art. 12',
      source: '存款300万元—500万元：办法未规定，由上一级管理',
    },
    {
      grade: 'JUNIOR',
      match: 'all',
      conditions: [
        { field: 'deposits', op: '<=', value: '3000000' },
        { field: 'loans', op: '<=', value: '3000000' },
      ],
      gap: false,
      article: 'Art. 12',
      source: '存款300万元以下且贷款300万元以下',
    },
  ],
  promotion: {
    article: 'Art. 21',
    source: '业务代办员业绩突出的可聘为客户经理',
    windows: [
      { maxMonths: '6', minDeposits: '8000000', source: '半年内日均存款不低于800万元' },
      { maxMonths: '12', minDeposits: '6000000', source: '一年内日均存款600万元以上' },
    ],
  },
  qualification: {
    article: 'Art. 9–11',
    source: '资格考试未通过但累计日均存款300万元以上的暂聘为初级客户经理',
    provisionalDeposits: {
      op: '>=',
      value: '3000000',
      article: 'Art. 10',
      source: '累计日均存款300万元以上',
    },
  },
};
