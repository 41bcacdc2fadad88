/**
 * Large-text mode (适老化): a class on <html> that raises the base font size, remembered in localStorage on
 * this device. The pre-paint script in PrePaint.astro applies it before the first paint; chrome.ts toggles it.
 */
export const largeTextClass = 'large-text';
export const largeTextStorageKey = 'qingshan:large-text';
