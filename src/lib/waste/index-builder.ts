/**
 * Builds the compact search index from the validated item list, at build time (format in index-format.ts).
 * Pinyin comes from pinyin-pro here, so the browser never needs a pinyin dictionary.
 */
import type { WasteItem } from '../../data/waste-items/schema.ts';
import { WASTE_CATEGORIES } from './categories.ts';
import {
  INDEX_VERSION,
  decodeReadings,
  syllablesFromReadings,
  type CompactIndex,
  type CompactItem,
} from './index-format.ts';
import { hasHan, pinyinSyllables } from './pinyin.ts';

const HAN_CHAR = /\p{Script=Han}/u;

/** Every Chinese name and alias, the strings that need pinyin keys. */
function chineseStrings(items: readonly WasteItem[]): string[] {
  return items.flatMap((item) => [item.name_zh, ...item.aliases]).filter(hasHan);
}

/**
 * The usual reading of each character (its most frequent syllable across all names), packed by syllable,
 * plus overrides for the strings whose contextual pinyin differs from their characters' usual readings.
 */
function packReadings(strings: readonly string[]): Pick<CompactIndex, 'p' | 'o'> {
  const votes = new Map<string, Map<string, number>>();
  for (const text of strings) {
    const chars = [...text].filter((char) => HAN_CHAR.test(char));
    const syllables = pinyinSyllables(chars.join(''));
    if (syllables.length !== chars.length) continue;
    chars.forEach((char, k) => {
      const tally = votes.get(char) ?? new Map<string, number>();
      const syllable = syllables[k] as string;
      tally.set(syllable, (tally.get(syllable) ?? 0) + 1);
      votes.set(char, tally);
    });
  }
  const bySyllable = new Map<string, string>();
  for (const [char, tally] of votes) {
    const [usual] = [...tally].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] as [string, number];
    bySyllable.set(usual, (bySyllable.get(usual) ?? '') + char);
  }
  const p = [...bySyllable]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([syllable, chars]) => syllable + chars)
    .join(' ');

  const readings = decodeReadings(p);
  const o: Record<string, string> = {};
  for (const text of strings) {
    const exact = pinyinSyllables(text);
    if (syllablesFromReadings(text, readings, {}).join(' ') !== exact.join(' ')) o[text] = exact.join(' ');
  }
  return { p, o };
}

/** @example buildSearchIndex(wasteItems).i[0] // ['报纸', 'Newspaper', 0, 0, ['旧报纸', 'newspapers']] */
export function buildSearchIndex(items: readonly WasteItem[]): CompactIndex {
  const tips: [string, string][] = [];
  const tipIndex = new Map<string, number>();

  const compactItems = items.map((item): CompactItem => {
    let tip = -1;
    if (item.tip_zh !== undefined && item.tip_en !== undefined) {
      const key = `${item.tip_zh}\u0000${item.tip_en}`;
      tip = tipIndex.get(key) ?? tips.push([item.tip_zh, item.tip_en]) - 1;
      tipIndex.set(key, tip);
    }
    return [item.name_zh, item.name_en, WASTE_CATEGORIES.indexOf(item.category), tip, item.aliases];
  });

  return { v: INDEX_VERSION, ...packReadings(chineseStrings(items)), t: tips, i: compactItems };
}
