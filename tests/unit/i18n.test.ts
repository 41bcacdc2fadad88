/**
 * The two dictionaries must carry exactly the same keys, none empty, with the same {{placeholders}};
 * and every key the code asks for by name must exist.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import zhCN from '../../src/i18n/zh-CN.json';
import en from '../../src/i18n/en.json';

const dictionaries: Record<string, Record<string, string>> = { 'zh-CN': zhCN, en };

const placeholders = (value: string) => [...value.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|astro)$/.test(name) ? [path] : [];
  });
}

/**
 * Keys named literally in the source: `t(locale, 'a.b')` and `t('a.b')` (from useTranslations) anywhere, plus
 * string literals with the site foundation's prefixes (keys kept in typed lists such as the navigation). Other
 * features' literals are left alone: a string like 'report.x' might be something else there.
 */
function keysUsedInSource(): Map<string, string> {
  const prefixes = new Set([
    'site',
    'nav',
    'home',
    'news',
    'campaign',
    'a11yStatement',
    'notFound',
    'footer',
    'largeText',
    'lang',
  ]);
  const used = new Map<string, string>();
  const callPattern = /\bt\(\s*(?:[\w$.]+\s*,\s*)?['"`]([A-Za-z][\w-]*(?:\.[\w-]+)+)['"`]/g;
  const literalPattern = /['"`]([A-Za-z][\w-]*(?:\.[\w-]+)+)['"`]/g;
  for (const file of sourceFiles('src')) {
    // Comments may quote keys as examples; only code counts.
    const text = readFileSync(file, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/(^|[^:])\/\/.*$/gm, '$1');
    for (const [, key] of text.matchAll(callPattern)) if (key) used.set(key, file);
    for (const [, key] of text.matchAll(literalPattern)) {
      if (
        key &&
        prefixes.has(key.split('.')[0] ?? '') &&
        !/\.(ts|tsx|astro|js|json|css|xml|png|svg)$/.test(key)
      ) {
        used.set(key, file);
      }
    }
  }
  return used;
}

describe('i18n dictionaries', () => {
  it('have exactly the same keys in zh-CN and English', () => {
    const zhKeys = Object.keys(zhCN).sort();
    const enKeys = Object.keys(en).sort();
    expect(
      zhKeys.filter((k) => !enKeys.includes(k)),
      'in zh-CN but missing from en',
    ).toEqual([]);
    expect(
      enKeys.filter((k) => !zhKeys.includes(k)),
      'in en but missing from zh-CN',
    ).toEqual([]);
  });

  it.each(Object.keys(dictionaries))('has no empty strings in %s', (name) => {
    const empty = Object.entries(dictionaries[name] ?? {})
      .filter(([, value]) => typeof value !== 'string' || value.trim() === '')
      .map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it('uses the same {{placeholders}} in both languages', () => {
    const mismatched = Object.keys(zhCN).filter((key) => {
      const other = (en as Record<string, string>)[key];
      return (
        other !== undefined &&
        placeholders(zhCN[key as keyof typeof zhCN]).join() !== placeholders(other).join()
      );
    });
    expect(mismatched).toEqual([]);
  });

  it('contains every key the source code asks for by name', () => {
    const missing = [...keysUsedInSource()]
      // A plural is asked for by its base key (`t('x', { count })`) and stored as `x_one` / `x_other`.
      .filter(([key]) => !(key in zhCN) && !(`${key}_other` in zhCN))
      .map(([key, file]) => `${key} (${file})`);
    expect(missing).toEqual([]);
  });
});
