/**
 * The five roles of POLICY §0 and every spelling a workbook may use for them.
 */

export const ROLES = ['BRANCH_HEAD', 'SENIOR', 'MID', 'JUNIOR', 'AGENT'] as const;
export type Role = (typeof ROLES)[number];

/** The three customer-manager grades of Art. 13 and Art. 14(2). */
export type ManagerGrade = 'SENIOR' | 'MID' | 'JUNIOR';

export function isManagerGrade(role: Role): role is ManagerGrade {
  return role === 'SENIOR' || role === 'MID' || role === 'JUNIOR';
}

/** Chinese spellings accepted for each role (POLICY §0), the canonical name first. */
export const ROLE_SPELLINGS: Readonly<Record<Role, readonly string[]>> = {
  BRANCH_HEAD: ['支行行长', '行长', '营业部总经理'],
  SENIOR: ['高级客户经理', '高级'],
  MID: ['中级客户经理', '中级'],
  JUNIOR: ['初级客户经理', '初级'],
  AGENT: ['业务代办员', '代办员'],
};

const LOOKUP: ReadonlyMap<string, Role> = (() => {
  const map = new Map<string, Role>();
  for (const role of ROLES) {
    map.set(role, role);
    for (const spelling of ROLE_SPELLINGS[role]) map.set(spelling, role);
  }
  return map;
})();

/** The role a text names, or undefined. Codes in any letter case; spaces around are ignored. */
export function roleFromText(text: string): Role | undefined {
  const direct = LOOKUP.get(text);
  if (direct !== undefined) return direct;
  const cleaned = text.replace(/[\s\u3000]+/g, '');
  return LOOKUP.get(cleaned) ?? LOOKUP.get(cleaned.toUpperCase());
}

/** The accepted values, for error messages. */
export const ROLE_CHOICES_EN = `${ROLES.join(', ')} or ${ROLES.map((r) => ROLE_SPELLINGS[r][0]).join(', ')}`;
export const ROLE_CHOICES_ZH = ROLES.map((r) => `${ROLE_SPELLINGS[r].join('/')}(${r})`).join('、');
