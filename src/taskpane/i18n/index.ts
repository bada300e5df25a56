/**
 * The task pane's languages: Chinese and English, chosen from Office's display language and
 * switchable in the pane. Views read their strings with useStrings().
 */
import { createContext, useContext } from 'react';
import type { Lang } from '../../rules';
import { en } from './en';
import type { Strings } from './strings';
import { zh } from './zh';

export type { Strings, ScoreItemKey } from './strings';

export const DICTIONARIES: Readonly<Record<Lang, Strings>> = { en, zh };

export { langOf } from './lang';

export interface LangContextValue {
  readonly lang: Lang;
  readonly t: Strings;
}

export const LangContext = createContext<LangContextValue>({ lang: 'en', t: en });

export function useStrings(): LangContextValue {
  return useContext(LangContext);
}
