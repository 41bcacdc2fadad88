import { describe, expect, it } from 'vitest';
import { wasteItems, itemsInCategory } from '../../src/data/waste-items/index.ts';
import { MIN_ITEM_COUNT, wasteItemListSchema, wasteItemSchema } from '../../src/data/waste-items/schema.ts';
import { categoryGuides } from '../../src/data/waste-items/categories.ts';
import { WASTE_CATEGORIES } from '../../src/lib/waste/categories.ts';

const valid = { name_zh: '纸尿裤', name_en: 'Disposable nappy', aliases: ['尿不湿'], category: 'other' };

describe('waste item data', () => {
  it(`has at least ${MIN_ITEM_COUNT} items`, () => {
    expect(wasteItems.length).toBeGreaterThanOrEqual(MIN_ITEM_COUNT);
  });

  it('gives every item a known category and both names', () => {
    for (const item of wasteItems) {
      expect(WASTE_CATEGORIES).toContain(item.category);
      expect(item.name_zh).toMatch(/\p{Script=Han}/u);
      expect(item.name_en).toMatch(/^[A-Za-z0-9]/);
    }
  });

  it('has items in every category', () => {
    for (const category of WASTE_CATEGORIES) expect(itemsInCategory(category).length).toBeGreaterThan(30);
  });

  it('never uses one name or alias for two items', () => {
    const seen = new Map<string, string>();
    for (const item of wasteItems) {
      for (const name of new Set([item.name_zh, item.name_en, ...item.aliases].map((n) => n.toLowerCase()))) {
        expect(seen.get(name), `"${name}" in ${item.name_zh}`).toBeUndefined();
        seen.set(name, item.name_zh);
      }
    }
  });

  it('gives a tip in both languages or in neither', () => {
    for (const item of wasteItems) expect(item.tip_zh === undefined).toBe(item.tip_en === undefined);
  });

  it('follows the mainstream city rules for the items residents get wrong most', () => {
    const categoryOf = (zh: string) => wasteItems.find((item) => item.name_zh === zh)?.category;
    expect(categoryOf('大骨头')).toBe('other');
    expect(categoryOf('鸡骨头')).toBe('kitchen');
    expect(categoryOf('过期药品')).toBe('hazardous');
    expect(categoryOf('纸尿裤')).toBe('other');
    expect(categoryOf('普通干电池')).toBe('other');
    expect(categoryOf('充电电池')).toBe('hazardous');
    expect(categoryOf('榴莲壳')).toBe('other');
    expect(categoryOf('虾壳')).toBe('kitchen');
    expect(categoryOf('餐巾纸')).toBe('other');
    expect(categoryOf('塑料瓶')).toBe('recyclable');
  });

  it('has guidance in both languages for every category', () => {
    for (const category of WASTE_CATEGORIES) {
      const guide = categoryGuides[category];
      for (const list of [guide.belongs, guide.notBelongs, guide.howTo, guide.mistakes]) {
        expect(list.zh.length).toBeGreaterThanOrEqual(4);
        expect(list.en.length).toBe(list.zh.length);
      }
    }
  });
});

describe('waste item schema', () => {
  it('accepts a complete item', () => {
    expect(wasteItemSchema.safeParse(valid).success).toBe(true);
  });

  it('rejects an item without an English name', () => {
    expect(wasteItemSchema.safeParse({ ...valid, name_en: '' }).success).toBe(false);
  });

  it('rejects an unknown category', () => {
    expect(wasteItemSchema.safeParse({ ...valid, category: 'wet' }).success).toBe(false);
  });

  it('rejects a tip in one language only', () => {
    expect(wasteItemSchema.safeParse({ ...valid, tip_zh: '卷起包好后投放。' }).success).toBe(false);
  });

  it('rejects a list where an alias names a second item', () => {
    const list = [...wasteItems, { ...valid, name_zh: '尿片包', name_en: 'Nappy pack', aliases: ['尿不湿'] }];
    const result = wasteItemListSchema.safeParse(list);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain('尿不湿');
  });

  it('rejects a list that repeats a Chinese name', () => {
    const list = [...wasteItems, { ...valid, name_en: 'Another nappy', aliases: [] }];
    expect(wasteItemListSchema.safeParse(list).success).toBe(false);
  });

  it('rejects a list that is too short', () => {
    expect(wasteItemListSchema.safeParse(wasteItems.slice(0, MIN_ITEM_COUNT - 1)).success).toBe(false);
  });
});
