/**
 * The site's own content: both languages carry the same articles and the same plan structure, so the language
 * switch always finds the translation and anchors such as /campaign/#goal-3 work in both.
 * (The full schemas are enforced by Astro when it builds; this checks what the schemas cannot: the pairing.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const newsDir = 'src/content/news';
const frontMatter = (text: string, field: string) => text.match(new RegExp(`^${field}: *(.+)$`, 'm'))?.[1];

function articles(locale: string) {
  return readdirSync(`${newsDir}/${locale}`)
    .filter((name) => name.endsWith('.md'))
    .map((name) => {
      const text = readFileSync(`${newsDir}/${locale}/${name}`, 'utf8');
      return { name, locale: frontMatter(text, 'locale'), key: frontMatter(text, 'translationKey') };
    });
}

describe('news articles', () => {
  const zh = articles('zh-cn');
  const en = articles('en');

  it('has at least six articles in each language', () => {
    expect(zh.length).toBeGreaterThanOrEqual(6);
    expect(en.length).toBeGreaterThanOrEqual(6);
  });

  it('keeps each article in the folder of its locale', () => {
    expect(zh.filter((a) => a.locale !== 'zh-cn').map((a) => a.name)).toEqual([]);
    expect(en.filter((a) => a.locale !== 'en').map((a) => a.name)).toEqual([]);
  });

  it('has every article in both languages, linked by translationKey', () => {
    expect(zh.map((a) => a.key).sort()).toEqual(en.map((a) => a.key).sort());
  });
});

describe('campaign plan', () => {
  const ids = (locale: string) =>
    [...readFileSync(`src/content/campaign/${locale}.yaml`, 'utf8').matchAll(/^\s*-?\s*id: *(\S+)/gm)].map(
      (m) => m[1],
    );

  it('has the same sections and items, with the same anchors, in both languages', () => {
    expect(ids('zh-cn')).toEqual(ids('en'));
  });

  it('covers the six goals, six priorities and four measures of the plan', () => {
    const all = ids('zh-cn');
    expect(all.filter((id) => id?.startsWith('goal-'))).toHaveLength(6);
    expect(all.filter((id) => id?.startsWith('priority-'))).toHaveLength(6);
    expect(all.filter((id) => id?.startsWith('measure-'))).toHaveLength(4);
  });
});
