/**
 * What every console screen needs: the words, the locale, who is signed in, reference data (categories,
 * districts, departments, holidays) and links within the console.
 */
import { createContext, useContext } from 'react';
import type { Locale } from '../../i18n/index.ts';
import type { ReportStatus } from '../../lib/supabase/reports.ts';
import type { NamedCode, ReferenceData, StaffIdentity } from '../../lib/supabase/console.ts';
import { dynamicKey, type Messages, type Translate } from './messages.ts';

/** Words and links: available on every screen, signed in or not. */
export interface WordsContextValue {
  locale: Locale;
  t: Translate;
  messages: Messages;
  /** The console's root path in this locale, e.g. '/en/console/'. */
  basePath: string;
}

/** Everything a signed-in staff screen needs. */
export interface ConsoleContextValue extends WordsContextValue {
  identity: StaffIdentity;
  reference: ReferenceData;
}

export const WordsContext = createContext<WordsContextValue | null>(null);
export const ConsoleContext = createContext<ConsoleContextValue | null>(null);

export function useWords(): WordsContextValue {
  const value = useContext(WordsContext);
  if (!value) throw new Error('useWords outside the console');
  return value;
}

export function useConsole(): ConsoleContextValue {
  const value = useContext(ConsoleContext);
  if (!value) throw new Error('useConsole outside the console');
  return value;
}

/** The name of a category, district or department in the page's language (the code when unknown). */
export function nameIn(locale: Locale, list: readonly NamedCode[], code: string | null): string {
  if (!code) return '';
  const item = list.find((x) => x.code === code);
  return item ? (locale === 'en' ? item.name_en : item.name_zh) : code;
}

export function statusLabel(t: Translate, messages: Messages, status: ReportStatus): string {
  return t(dynamicKey(messages, `console.status.${status}`, 'console.status.unknown'));
}

/** The text for an error key from the database or Auth, e.g. 'illegal_transition'. */
export function errorText(t: Translate, messages: Messages, key: string): string {
  return t(dynamicKey(messages, `console.error.${key}`, 'console.error.unknown'));
}

/** A console link: consoleHref('/console/', 'report/', { code }) → '/console/report/?code=…'. */
export function consoleHref(basePath: string, page: string, params?: Record<string, string>): string {
  const query = params ? new URLSearchParams(params).toString() : '';
  return `${basePath}${page}${query ? `?${query}` : ''}`;
}
