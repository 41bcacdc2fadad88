import { beforeAll, describe, expect, it } from 'vitest';
import { wasteItems } from '../../src/data/waste-items/index.ts';
import { buildSearchIndex } from '../../src/lib/waste/index-builder.ts';
import type { CompactIndex } from '../../src/lib/waste/index-format.ts';
import {
  TIER,
  normalise,
  prepareIndex,
  searchItems,
  type WasteSearchIndex,
} from '../../src/lib/waste/search.ts';
import { withinDistance } from '../../src/lib/waste/typo.ts';

let index: WasteSearchIndex;
beforeAll(() => {
  // Through JSON, as the browser gets it.
  index = prepareIndex(JSON.parse(JSON.stringify(buildSearchIndex(wasteItems))) as CompactIndex);
});

const top = (query: string) => searchItems(index, query).results[0];
const names = (query: string, limit = 8) =>
  searchItems(index, query, limit).results.map((r) => r.entry.nameZh);

/** A small hand-made index, so ranking can be checked tier by tier. */
function tinyIndex(): WasteSearchIndex {
  return prepareIndex(
    buildSearchIndex([
      { name_zh: '塑料瓶', name_en: 'Plastic bottle', aliases: ['矿泉瓶'], category: 'recyclable' },
      { name_zh: '瓶盖', name_en: 'Bottle cap', aliases: [], category: 'recyclable' },
      { name_zh: '苹果核', name_en: 'Apple core', aliases: [], category: 'kitchen' },
      { name_zh: '漂白水', name_en: 'Bleach', aliases: ['bottled bleach'], category: 'hazardous' },
      { name_zh: '旧瓶子', name_en: 'Old jar', aliases: [], category: 'recyclable' },
    ]),
  );
}

describe('search by Chinese characters', () => {
  it('finds an exact name first', () => {
    expect(top('纸尿裤')).toMatchObject({ tier: TIER.exact, entry: { nameZh: '纸尿裤', category: 'other' } });
  });

  it('finds names that start with or contain the characters', () => {
    expect(names('电池', 20)).toEqual(expect.arrayContaining(['充电电池', '纽扣电池', '普通干电池']));
    expect(names('瓶', 30)).toEqual(expect.arrayContaining(['塑料瓶', '啤酒瓶', '玻璃瓶']));
  });
});

describe('search by pinyin', () => {
  it('matches full pinyin', () => {
    expect(top('zhiniaoku')).toMatchObject({ tier: TIER.pinyin, entry: { nameZh: '纸尿裤' } });
    expect(top('da gu tou')?.entry.nameZh).toBe('大骨头');
  });

  it('matches pinyin initials', () => {
    expect(names('dgt')).toContain('大骨头');
    expect(names('kqp')).toContain('塑料瓶');
  });

  it('matches a half-typed syllable', () => {
    expect(names('zhiniao')).toContain('纸尿裤');
  });

  it('matches pinyin typed with ü as v or with tone marks', () => {
    expect(normalise('lǜ')).toBe('lv');
    expect(names('kuàngquánpíng')).toContain('塑料瓶');
  });
});

describe('search by English', () => {
  it('matches a name case-insensitively', () => {
    expect(top('PLASTIC BOTTLE')).toMatchObject({ tier: TIER.exact, entry: { nameZh: '塑料瓶' } });
  });

  it('matches any word of a name', () => {
    expect(names('battery', 20)).toEqual(expect.arrayContaining(['充电电池', '普通干电池', '锂电池']));
  });

  it('ignores hyphens and spaces', () => {
    expect(top('tshirt')?.entry.nameZh).toBe('T恤');
    expect(top('t-shirt')?.entry.nameZh).toBe('T恤');
  });
});

describe('search by alias', () => {
  it('finds an item by a colloquial Chinese name', () => {
    expect(top('尿不湿')).toMatchObject({ tier: TIER.alias, entry: { nameZh: '纸尿裤' } });
  });

  it('finds an item by the pinyin of an alias', () => {
    expect(top('niaobushi')?.entry.nameZh).toBe('纸尿裤');
    expect(top('nbs')?.entry.nameZh).toBe('纸尿裤');
  });

  it('finds an item by an English alias', () => {
    expect(top('diaper')?.entry.nameZh).toBe('纸尿裤');
  });
});

describe('typo tolerance', () => {
  it('forgives one typo in a short English word', () => {
    expect(top('batery')).toMatchObject({ tier: TIER.fuzzy });
    expect(names('batery')).toContain('充电电池');
    expect(top('medcine')?.entry.nameEn).toMatch(/medicine/i);
  });

  it('forgives two typos in a long word', () => {
    expect(names('refrigerater')).toContain('冰箱');
  });

  it('forgives swapped letters', () => {
    expect(names('diapre')).toContain('纸尿裤');
  });

  it('forgives front/back nasal mix-ups in pinyin', () => {
    expect(names('kuaiquanping')).toContain('塑料瓶');
    expect(names('binxiang')).toContain('冰箱');
  });

  it('does not guess on very short queries', () => {
    expect(searchItems(index, 'xq').results.every((r) => r.tier !== TIER.fuzzy)).toBe(true);
  });

  it('finds nothing for nonsense', () => {
    expect(searchItems(index, 'zzzzzz').total).toBe(0);
    expect(searchItems(index, '   ').total).toBe(0);
  });

  it('bounds the edit distance', () => {
    expect(withinDistance('batery', 'battery', 2)).toBe(1);
    expect(withinDistance('plastik', 'plastic bottle', 1)).toBe(1);
    expect(withinDistance('cat', 'dog', 1)).toBe(2);
    expect(withinDistance('abcd', 'badc', 2)).toBe(2);
  });
});

describe('ranking', () => {
  it('orders exact > prefix > pinyin > alias > contains > typo', () => {
    const tiny = tinyIndex();
    const tiers = (query: string) => searchItems(tiny, query).results.map((r) => [r.entry.nameZh, r.tier]);
    // "bottle": prefix of 瓶盖's English name, a word of 塑料瓶's, inside 漂白水's alias.
    expect(tiers('bottle')).toEqual([
      ['瓶盖', TIER.prefix],
      ['塑料瓶', TIER.prefix],
      ['漂白水', TIER.alias],
    ]);
    // "ping": pinyin of 瓶盖 (first syllable) before 苹果核 (same), then later syllables, then the alias 矿泉瓶.
    expect(tiers('pinggai')[0]).toEqual(['瓶盖', TIER.pinyin]);
    expect(tiers('kqp')).toEqual([['塑料瓶', TIER.alias]]);
    expect(tiers('瓶盖')[0]).toEqual(['瓶盖', TIER.exact]);
    expect(tiers('瓶')).toEqual([
      ['瓶盖', TIER.prefix],
      ['塑料瓶', TIER.prefix],
      ['旧瓶子', TIER.prefix],
    ]);
    expect(tiers('botle')).toEqual(
      expect.arrayContaining([
        ['瓶盖', TIER.fuzzy],
        ['塑料瓶', TIER.fuzzy],
      ]),
    );
  });

  it('puts a name match before an alias match on the full list', () => {
    const results = searchItems(index, 'nappy').results;
    expect(results[0]?.entry.nameZh).toBe('纸尿裤');
    const tiers = searchItems(index, 'pingguo').results.map((r) => r.tier);
    expect(tiers).toEqual([...tiers].sort((a, b) => a - b));
  });

  it('reports the total and caps the results', () => {
    const outcome = searchItems(index, 'b', 8);
    expect(outcome.results).toHaveLength(8);
    expect(outcome.total).toBeGreaterThan(8);
  });
});
