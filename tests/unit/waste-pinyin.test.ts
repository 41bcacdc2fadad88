import { describe, expect, it } from 'vitest';
import { fullPinyin, pinyinInitials, pinyinSyllables } from '../../src/lib/waste/pinyin.ts';
import { buildSearchIndex } from '../../src/lib/waste/index-builder.ts';
import { decodeReadings, syllablesFromReadings } from '../../src/lib/waste/index-format.ts';
import { wasteItems } from '../../src/data/waste-items/index.ts';

describe('pinyin from pinyin-pro', () => {
  it('gives full pinyin without tones', () => {
    expect(fullPinyin('矿泉瓶')).toBe('kuangquanping');
    expect(fullPinyin('纸尿裤')).toBe('zhiniaoku');
  });

  it('gives initials', () => {
    expect(pinyinInitials('矿泉瓶')).toBe('kqp');
    expect(pinyinInitials('尿不湿')).toBe('nbs');
  });

  it('reads characters in context', () => {
    expect(pinyinSyllables('银行卡')).toEqual(['yin', 'hang', 'ka']);
  });

  it('writes ü as v and keeps Latin letters and digits', () => {
    expect(pinyinSyllables('绿豆')).toEqual(['lv', 'dou']);
    expect(pinyinSyllables('U盘')).toEqual(['u', 'pan']);
    expect(pinyinSyllables('84消毒液')).toEqual(['84', 'xiao', 'du', 'ye']);
  });
});

describe('pinyin in the compact index', () => {
  const index = buildSearchIndex(wasteItems);
  const readings = decodeReadings(index.p);

  it('decodes to exactly pinyin-pro output for every name and alias', () => {
    const strings = wasteItems
      .flatMap((item) => [item.name_zh, ...item.aliases])
      .filter((s) => /\p{Script=Han}/u.test(s));
    expect(strings.length).toBeGreaterThan(1000);
    for (const text of strings) {
      expect(syllablesFromReadings(text, readings, index.o), text).toEqual(pinyinSyllables(text));
    }
  });

  it('stores context readings that differ from the usual ones as overrides', () => {
    expect(index.o['银行卡']).toBe('yin hang ka');
  });
});
