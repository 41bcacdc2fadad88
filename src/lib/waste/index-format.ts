/**
 * The compact search index shipped to the browser (/data/waste-index.json). Kept apart from the builder so the
 * browser bundle imports only these types and the decoder, never pinyin-pro.
 *
 * Shape, chosen to stay small after gzip:
 * - `p`: the reading of every Chinese character used, grouped by syllable: `"zhi纸只 ping瓶平"`;
 * - `o`: pinyin of the few names or aliases whose reading in context differs from their characters' usual
 *   readings (e.g. 银行卡 → `yin hang ka`), as syllables joined by spaces;
 * - `t`: disposal tips as `[zh, en]` pairs, each stored once and referenced by position;
 * - `i`: items as `[name_zh, name_en, category, tip, aliases]`, `category` indexing WASTE_CATEGORIES and
 *   `tip` indexing `t` (-1 for none).
 * All readings are pinyin-pro's output at build time: the builder checks that decoding gives back exactly
 * pinyin-pro's syllables for every name and alias.
 */
export const INDEX_VERSION = 1;

export type CompactItem = [nameZh: string, nameEn: string, category: number, tip: number, aliases: string[]];

export interface CompactIndex {
  v: typeof INDEX_VERSION;
  p: string;
  o: Record<string, string>;
  t: [zh: string, en: string][];
  i: CompactItem[];
}

const HAN = /\p{Script=Han}/u;

/** Decodes `p` into a character → syllable map. */
export function decodeReadings(packed: string): Map<string, string> {
  const readings = new Map<string, string>();
  for (const group of packed.split(' ')) {
    const syllable = /^[a-z]+/.exec(group)?.[0] ?? '';
    for (const char of group.slice(syllable.length)) readings.set(char, syllable);
  }
  return readings;
}

/**
 * Pinyin syllables of a name from the character readings, with the same tokenising as the build-time
 * pinyinSyllables(): Latin letters and digits kept as lowercase tokens, other symbols dropped.
 */
export function syllablesFromReadings(
  text: string,
  readings: ReadonlyMap<string, string>,
  overrides: Readonly<Record<string, string>>,
): string[] {
  const override = overrides[text];
  if (override !== undefined) return override.split(' ');
  const syllables: string[] = [];
  let run = '';
  const flush = () => {
    for (const token of run.toLowerCase().split(/[^a-z0-9]+/)) if (token) syllables.push(token);
    run = '';
  };
  for (const char of text) {
    if (HAN.test(char)) {
      flush();
      const reading = readings.get(char);
      if (reading) syllables.push(reading);
    } else {
      run += char;
    }
  }
  flush();
  return syllables;
}
