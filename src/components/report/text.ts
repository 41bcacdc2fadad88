/**
 * The form's words: the page passes the `report.*` entries of its dictionary as a prop, and this small
 * translator fills in `{{name}}` values and picks `_one` / `_other` plural forms (Intl.PluralRules), as
 * i18next does at build time — so the island never ships i18next or the other language.
 */
import type { MessageKey } from '../../i18n/index.ts';

export type Messages = Record<string, string>;
export type Vars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: Vars) => string;

export function translator(lang: string, messages: Messages): Translate {
  const plural = new Intl.PluralRules(lang);
  return (key, vars) => {
    const count = vars?.count;
    const text =
      (typeof count === 'number' ? messages[`${key}_${plural.select(count)}`] : undefined) ??
      messages[key] ??
      messages[`${key}_other`] ??
      key;
    return vars ? text.replace(/\{\{(\w+)\}\}/g, (m, name: string) => String(vars[name] ?? m)) : text;
  };
}
