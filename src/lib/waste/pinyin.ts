/**
 * Build-time pinyin for item names and aliases, from the pinyin-pro library (never typed by hand).
 * Only the index builder and the build use this module: pinyin-pro's dictionary must not reach the browser.
 */
import { pinyin } from 'pinyin-pro';

/**
 * Toneless pinyin syllables of a name, lowercase, ü written as `v` (as on a pinyin keyboard).
 * Runs of Latin letters or digits in the name are kept as one lowercase token.
 * @example pinyinSyllables('快圈瓶') // ['kuai', 'quan', 'ping']
 * @example pinyinSyllables('U盘') // ['u', 'pan']
 */
export function pinyinSyllables(text: string): string[] {
  const tokens = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true });
  return tokens
    .flatMap((token) => token.toLowerCase().split(/[^a-z0-9]+/))
    .filter((token) => token.length > 0);
}

/** Full pinyin without tones or spaces: `快圈瓶` → `kuaiquanping`. */
export function fullPinyin(text: string): string {
  return pinyinSyllables(text).join('');
}

/** Pinyin initials, one letter per syllable: `快圈瓶` → `kqp`. */
export function pinyinInitials(text: string): string {
  return pinyinSyllables(text)
    .map((syllable) => syllable[0])
    .join('');
}

/** Whether a string contains Chinese characters (and so needs pinyin keys). */
export function hasHan(text: string): boolean {
  return /\p{Script=Han}/u.test(text);
}
