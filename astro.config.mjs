// @ts-check
import { defineConfig } from 'astro/config';
import preact from '@astrojs/preact';
import react from '@astrojs/react';
import sitemap from '@astrojs/sitemap';

// Public URL of the production site; canonical links, sitemap and feeds are built from it.
const site = process.env.PUBLIC_SITE_URL ?? 'https://chuangwei.qingshan.example';

export default defineConfig({
  site,
  output: 'static',
  // Parallel work (and the lead's helpers) can build into separate folders without clobbering dist/.
  outDir: process.env.ASTRO_OUT_DIR ?? './dist',
  trailingSlash: 'always',
  build: { format: 'directory' },
  i18n: {
    locales: ['zh-cn', 'en'],
    defaultLocale: 'zh-cn',
    routing: { prefixDefaultLocale: false },
  },
  integrations: [
    // Two JSX renderers need disjoint globs: Preact for public islands, React only for the staff console.
    // Astro matches islands by absolute path, hence the leading **/.
    preact({ include: ['**/src/components/!(console)/**/*.tsx', '**/src/components/*.tsx'] }),
    react({ include: ['**/src/components/console/**/*.tsx'] }),
    sitemap({
      i18n: { defaultLocale: 'zh-cn', locales: { 'zh-cn': 'zh-CN', en: 'en' } },
      // noindex pages stay out of the sitemap: the staff console, and the one-page-for-every-code report and
      // cancel pages (their own browser tests run axe on them in every state).
      filter: (page) =>
        !['/console/', '/reports/view/', '/events/cancel/'].some((path) => page.includes(path)),
    }),
  ],
  server: { host: '127.0.0.1', port: 4321 },
});
