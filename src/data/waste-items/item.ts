/** Helpers that keep the item files to one short line per item. */
import type { WasteItem } from './schema.ts';

/** An item as written in a category file; the category comes from the file it is in. */
export type RawWasteItem = Omit<WasteItem, 'category'>;

export interface Tip {
  tip_zh: string;
  tip_en: string;
}

/** A disposal tip in both languages; tips shared by many items are declared once per file. */
export function tip(zh: string, en: string): Tip {
  return { tip_zh: zh, tip_en: en };
}

/**
 * One item: Chinese name, English name, colloquial aliases in either language, optional tip.
 * @example item('纸尿裤', 'Disposable nappy', ['尿不湿', 'diaper'], NAPPY_TIP)
 */
export function item(name_zh: string, name_en: string, aliases: string[] = [], itemTip?: Tip): RawWasteItem {
  return { name_zh, name_en, aliases, ...itemTip };
}
