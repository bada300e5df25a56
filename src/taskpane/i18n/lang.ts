/** Which language to show, from Office's display language. React-free: the ribbon uses it too. */
import type { Lang } from '../../rules';

/** zh, zh-CN, zh-TW, zh-Hans… → Chinese; anything else (or nothing) → English. */
export function langOf(displayLanguage: string | null | undefined): Lang {
  return displayLanguage && /^zh\b/i.test(displayLanguage.trim()) ? 'zh' : 'en';
}
