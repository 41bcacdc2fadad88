/**
 * Text for the clean-day islands. Islands get only the dictionary entries they need, picked at build time
 * (islandText, in the Astro frontmatter), and translate with this small function instead of bundling i18next.
 */

export type Messages = Record<string, string>;
export type Translate = (key: string, vars?: Record<string, string | number>) => string;

/** A translator over picked messages: `{{name}}` placeholders, and `_one`/`_other` plurals chosen by `count`. */
export function translator(lang: string, messages: Messages): Translate {
  const plurals = new Intl.PluralRules(lang);
  return (key, vars = {}) => {
    let text = messages[key];
    if (text === undefined && typeof vars.count === 'number') {
      text = messages[`${key}_${plurals.select(vars.count)}`] ?? messages[`${key}_other`];
    }
    if (text === undefined) return key;
    return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(vars[name] ?? ''));
  };
}
