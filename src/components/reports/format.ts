/**
 * Message lookup inside the report islands. Islands get their strings as a prop (see messages.ts) instead of
 * importing the i18n module, which would ship both whole dictionaries to the browser.
 * Templates use i18next's syntax: {{name}} placeholders. Plurals: name the `_other` key and pass `count`;
 * the form for the count (`_one`, …) is picked when the dictionary has it.
 */
export type Messages = Readonly<Record<string, string>>;
export type MessageVars = Record<string, string | number>;
export type Translate = (key: string, vars?: MessageVars) => string;

export function translator(lang: string, messages: Messages): Translate {
  const rules = new Intl.PluralRules(lang);
  return (key, vars = {}) => {
    const count = vars.count;
    const form =
      typeof count === 'number' && key.endsWith('_other')
        ? messages[`${key.slice(0, -'_other'.length)}_${rules.select(count)}`]
        : undefined;
    const template = form ?? messages[key] ?? key;
    return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
      name in vars ? String(vars[name]) : whole,
    );
  };
}

/** A number in the page's language (grouping as the locale writes it). */
export function formatNumber(lang: string, value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(lang, options).format(value);
}
