/**
 * The site's main navigation: one list, used by the header (and anything else that needs the site's sections).
 * Paths are locale-free; pass them through `localePath` when rendering.
 */
import type { MessageKey } from '../../i18n/index.ts';

export interface NavItem {
  /** Locale-free path with a trailing slash, e.g. `/news/`. */
  path: string;
  label: MessageKey;
}

export const mainNav: readonly NavItem[] = [
  { path: '/', label: 'nav.home' },
  { path: '/campaign/', label: 'nav.campaign' },
  { path: '/news/', label: 'nav.news' },
  { path: '/guide/', label: 'nav.guide' },
  { path: '/report/', label: 'nav.report' },
  { path: '/reports/', label: 'nav.reports' },
  { path: '/events/', label: 'nav.events' },
];

/**
 * Whether a nav item is the current section of a locale-free path: the home item only on the home page,
 * the others on their own page and every page below it (an article is within News).
 * @example isCurrentSection('/', '/news/2024/') // false
 */
export function isCurrentSection(itemPath: string, pagePath: string): boolean {
  return itemPath === '/' ? pagePath === '/' : pagePath.startsWith(itemPath);
}
