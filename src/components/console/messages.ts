/**
 * The console's words. The Astro page picks the `console.*` entries of the page's locale from the one i18n helper
 * at build time and passes them to the island, so the browser gets only these strings, not i18next and both
 * whole dictionaries. Placeholders use the dictionaries' {{name}} syntax.
 */
import type { MessageKey } from '../../i18n/index.ts';

/** i18next plural pairs (key_one, key_other) are used by their base key with a count. */
type PluralBase<K> = K extends `${infer Base}_other` ? Base : never;
export type ConsoleKey = Extract<MessageKey | PluralBase<MessageKey>, `console.${string}`>;
export type Messages = Readonly<Record<string, string>>;
export type Translate = (key: ConsoleKey, vars?: Record<string, string | number>) => string;

export function translator(messages: Messages): Translate {
  return (key, vars) => {
    const count = vars?.count;
    const plural = count === undefined ? undefined : messages[`${key}_${count === 1 ? 'one' : 'other'}`];
    const text = plural ?? messages[key] ?? key;
    return vars ? text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(vars[name] ?? '')) : text;
  };
}

/** A key built from data (a status, an error key), checked against the dictionary at run time. */
export function dynamicKey(messages: Messages, key: string, fallback: ConsoleKey): ConsoleKey {
  return key in messages ? (key as ConsoleKey) : fallback;
}
