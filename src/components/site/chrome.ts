/**
 * Behaviour of the site chrome, loaded as one small module on every page:
 * the narrow-screen menu button, the large-text toggle and the language switch (which keeps query and hash).
 * Everything works without it too: the menu is then always open and the toggle is hidden.
 */
import { largeTextClass, largeTextStorageKey } from './large-text.ts';

const root = document.documentElement;

const menuButton = document.querySelector<HTMLButtonElement>('[data-menu-button]');
const menu = document.getElementById(menuButton?.getAttribute('aria-controls') ?? '');
if (menuButton && menu) {
  const setOpen = (open: boolean) => {
    menuButton.setAttribute('aria-expanded', String(open));
    menu.toggleAttribute('data-open', open);
  };
  menuButton.addEventListener('click', () => setOpen(menuButton.getAttribute('aria-expanded') !== 'true'));
  // Escape closes the open menu from the button or any link in it, and puts focus back on the button.
  menuButton.parentElement?.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && menuButton.getAttribute('aria-expanded') === 'true') {
      setOpen(false);
      menuButton.focus();
    }
  });
}

const toggle = document.querySelector<HTMLButtonElement>('[data-large-text-toggle]');
if (toggle) {
  const show = () => toggle.setAttribute('aria-pressed', String(root.classList.contains(largeTextClass)));
  show();
  toggle.addEventListener('click', () => {
    const on = root.classList.toggle(largeTextClass);
    try {
      localStorage.setItem(largeTextStorageKey, on ? '1' : '0');
    } catch {
      // Not remembered when storage is blocked; it still applies to this page.
    }
    show();
  });
}

// The switch links to the same page in the other language; carry over what the server cannot know.
for (const link of document.querySelectorAll<HTMLAnchorElement>('[data-lang-switch]')) {
  link.addEventListener('click', () => {
    link.search = location.search;
    link.hash = location.hash;
  });
}
