/**
 * The auditor's name, asked once by the task pane and remembered on this machine
 * (localStorage, shared by the task pane and the ribbon command in the shared runtime). The
 * audit log never records an empty `who` (issue 11; SHEETS.md "Audit").
 */
export const AUDITOR_KEY = 'cm-appraisal.auditor';

function store(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    // Storage blocked (privacy settings): the name is asked again next time.
    return undefined;
  }
}

/** The remembered name, or '' when none is. */
export function loadAuditor(): string {
  try {
    return store()?.getItem(AUDITOR_KEY)?.trim() ?? '';
  } catch {
    return '';
  }
}

/** Remembers the name (trimmed); an empty name is not stored. */
export function saveAuditor(name: string): void {
  const n = name.trim();
  if (n === '') return;
  try {
    store()?.setItem(AUDITOR_KEY, n);
  } catch {
    // Not remembered; the audit still records it.
  }
}
