/**
 * Item search over the compact index, in the browser (the guide's search island) and in tests and benchmarks.
 * No dependencies beyond the index decoder, so it stays small in the page bundle.
 *
 * Ranking, best first: exact name > name prefix > pinyin (full or initials) > alias > name contains > typo
 * (bounded edit distance, English or pinyin). Within a tier: closer match, then shorter name, then list order.
 */
import { WASTE_CATEGORIES, type WasteCategory } from './categories.ts';
import { decodeReadings, syllablesFromReadings, type CompactIndex } from './index-format.ts';
import { withinDistance } from './typo.ts';

/** Match tiers, lower is better. */
export const TIER = { exact: 0, prefix: 1, pinyin: 2, alias: 3, contains: 4, fuzzy: 5 } as const;
export type Tier = (typeof TIER)[keyof typeof TIER];

interface Keys {
  /** Normalised text (lowercase, single spaces). */
  text: string;
  /** Text without spaces, so "tshirt" finds "T-shirt". */
  compact: string;
  /** English words, for word-prefix and typo matching. */
  words: string[];
  /** Full pinyin ("kuaiquanping"), '' for non-Chinese text. */
  pinyin: string;
  /** Where each syllable starts in `pinyin`. */
  starts: number[];
  /** Pinyin initials ("kqp"). */
  initials: string;
}

export interface WasteEntry {
  id: number;
  nameZh: string;
  nameEn: string;
  category: WasteCategory;
  tipZh?: string;
  tipEn?: string;
  aliases: string[];
  zh: Keys;
  en: Keys;
  aliasKeys: Keys[];
}

export interface WasteSearchIndex {
  entries: WasteEntry[];
}

export interface SearchResult {
  entry: WasteEntry;
  tier: Tier;
  /** Order within the tier, lower is better. */
  rank: number;
}

export interface SearchOutcome {
  /** Best matches, at most `limit`. */
  results: SearchResult[];
  /** Number of matching items, before the limit. */
  total: number;
}

const HAN = /\p{Script=Han}/u;

/**
 * Lowercases, folds full-width forms, writes ü as v, drops accents (typed tone marks) and turns punctuation
 * into single spaces.
 * @example normalise('  Plastic-Bottle ') // 'plastic bottle'
 */
export function normalise(text: string): string {
  return (
    text
      .normalize('NFKC')
      .toLowerCase()
      .normalize('NFD')
      // ü, with or without a tone mark (ǜ), is v on a pinyin keyboard; other accents are tone marks: dropped.
      .replace(/u\u0308/g, 'v')
      .replace(/[\u0300-\u036f]/g, '')
      .normalize('NFC')
      .replace(/[']/g, '')
      .replace(/[\s\-_/,.·、，。()（）&+]+/g, ' ')
      .trim()
  );
}

function keysFor(text: string, syllables: string[] | null): Keys {
  const normal = normalise(text);
  const starts: number[] = [];
  let pinyin = '';
  let initials = '';
  for (const syllable of syllables ?? []) {
    starts.push(pinyin.length);
    pinyin += syllable;
    initials += syllable[0];
  }
  return {
    text: normal,
    compact: normal.replace(/ /g, ''),
    words: normal.split(' '),
    pinyin,
    starts,
    initials,
  };
}

/** Decodes the compact index and prepares every search key once, when the index is loaded. */
export function prepareIndex(index: CompactIndex): WasteSearchIndex {
  const readings = decodeReadings(index.p);
  const pinyinOf = (text: string) => (HAN.test(text) ? syllablesFromReadings(text, readings, index.o) : null);
  const entries = index.i.map(([nameZh, nameEn, category, tip, aliases], id): WasteEntry => {
    const tipPair = index.t[tip];
    return {
      id,
      nameZh,
      nameEn,
      category: WASTE_CATEGORIES[category] ?? 'other',
      tipZh: tipPair?.[0],
      tipEn: tipPair?.[1],
      aliases,
      zh: keysFor(nameZh, pinyinOf(nameZh)),
      en: keysFor(nameEn, null),
      aliasKeys: aliases.map((alias) => keysFor(alias, pinyinOf(alias))),
    };
  });
  return { entries };
}

/** 0 exact, 1 prefix, 2 word prefix or prefix without spaces, -1 no match. */
function textMatch(keys: Keys, q: string, qCompact: string): number {
  if (keys.text === q) return 0;
  if (keys.text.startsWith(q)) return 1;
  if (keys.words.length > 1 && keys.words.some((word) => word.startsWith(q))) return 2;
  if (qCompact.length > 1 && keys.compact.startsWith(qCompact)) return 2;
  return -1;
}

/** 0 full pinyin prefix, 1 initials prefix, 2 full pinyin from a later syllable, 3 initials inside; -1 none. */
function pinyinMatch(keys: Keys, qp: string): number {
  if (!keys.pinyin) return -1;
  if (keys.pinyin.startsWith(qp)) return 0;
  if (keys.initials.startsWith(qp)) return 1;
  for (let k = 1; k < keys.starts.length; k++) {
    if (keys.pinyin.startsWith(qp, keys.starts[k])) return 2;
  }
  if (qp.length > 1 && keys.initials.includes(qp)) return 3;
  return -1;
}

function aliasMatch(entry: WasteEntry, q: string, qCompact: string, qp: string | null): number {
  let best = -1;
  for (const keys of entry.aliasKeys) {
    let rank = textMatch(keys, q, qCompact);
    if (rank < 0 && qp) {
      const p = pinyinMatch(keys, qp);
      if (p >= 0) rank = 3 + p;
    }
    if (rank < 0 && q.length > 1 && keys.text.includes(q)) rank = 7;
    if (rank >= 0 && (best < 0 || rank < best)) best = rank;
    if (best === 0) break;
  }
  return best;
}

/** Largest number of typos forgiven for an English query of this length. */
function typoBudget(length: number): number {
  if (length < 4) return 0;
  return length <= 6 ? 1 : 2;
}

/**
 * Typo match against English names and aliases and, for a pinyin-like query, against full pinyin too: that
 * forgives the common front/back nasal mix-ups (an/ang, in/ing) as well as slips of the finger.
 */
function fuzzyMatch(entry: WasteEntry, q: string, qp: string | null, budget: number): number {
  let best = budget + 1;
  const consider = (query: string, target: string) => {
    if (best === 0 || !target) return;
    const distance = withinDistance(query, target, best - 1);
    if (distance < best) best = distance;
  };
  consider(q, entry.en.text);
  for (const word of entry.en.words) consider(q, word);
  if (qp) consider(qp, entry.zh.pinyin);
  for (const keys of entry.aliasKeys) {
    if (keys.pinyin) {
      if (qp) consider(qp, keys.pinyin);
      continue;
    }
    consider(q, keys.text);
    for (const word of keys.words) consider(q, word);
  }
  return best <= budget ? best : -1;
}

/** Exact, prefix, pinyin, alias and contains matches; typos are tried separately, only when these are few. */
function matchEntry(entry: WasteEntry, q: string, qCompact: string, qp: string | null) {
  const zh = textMatch(entry.zh, q, qCompact);
  const en = textMatch(entry.en, q, qCompact);
  if (zh === 0 || en === 0) return { tier: TIER.exact, rank: 0 };
  if (zh > 0 || en > 0) return { tier: TIER.prefix, rank: Math.min(...[zh, en].filter((r) => r > 0)) };
  // Chinese compounds put the head noun last (塑料瓶, 啤酒瓶), so for a Chinese query a name that contains it
  // ranks with the prefixes, after them.
  if (!qp && HAN.test(q) && entry.zh.text.includes(q)) return { tier: TIER.prefix, rank: 3 };
  if (qp) {
    const p = pinyinMatch(entry.zh, qp);
    if (p >= 0) return { tier: TIER.pinyin, rank: p };
  }
  const alias = aliasMatch(entry, q, qCompact, qp);
  if (alias >= 0) return { tier: TIER.alias, rank: alias };
  if (q.length > 1 && (entry.en.text.includes(q) || entry.zh.text.includes(q))) {
    return { tier: TIER.contains, rank: 0 };
  }
  return null;
}

/**
 * Finds the items matching what a resident typed: Chinese characters, full pinyin ("kuaiquanping"),
 * pinyin initials ("kqp"), English (typos forgiven) or any alias.
 * @example searchItems(index, 'niaobushi').results[0]?.entry.nameZh // '纸尿裤'
 */
export function searchItems(index: WasteSearchIndex, query: string, limit = 8): SearchOutcome {
  const q = normalise(query);
  if (!q) return { results: [], total: 0 };
  const qCompact = q.replace(/ /g, '');
  const latin = !HAN.test(q);
  // Pinyin is matched without spaces or digits: "kuai quan ping" and "kuaiquanping" are the same query.
  const qp = latin && /^[a-z]+$/.test(qCompact) ? qCompact : null;
  const budget = latin ? typoBudget(qCompact.length) : 0;

  const results: SearchResult[] = [];
  const unmatched: WasteEntry[] = [];
  for (const entry of index.entries) {
    const match = matchEntry(entry, q, qCompact, qp);
    if (match) results.push({ entry, tier: match.tier, rank: match.rank });
    else unmatched.push(entry);
  }
  // Typo matches only fill a short list: with enough real matches they would only add noise.
  if (budget > 0 && results.length < limit) {
    for (const entry of unmatched) {
      const distance = fuzzyMatch(entry, q, qp, budget);
      if (distance >= 0) results.push({ entry, tier: TIER.fuzzy, rank: distance });
    }
  }
  results.sort(
    (a, b) =>
      a.tier - b.tier ||
      a.rank - b.rank ||
      (latin && a.tier !== TIER.pinyin
        ? a.entry.en.text.length - b.entry.en.text.length
        : a.entry.nameZh.length - b.entry.nameZh.length) ||
      a.entry.id - b.entry.id,
  );
  return { results: results.slice(0, limit), total: results.length };
}
