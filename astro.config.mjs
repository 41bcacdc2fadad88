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
    preact({ include: ['src/components/!(console)/**/*.tsx', 'src/components/*.tsx'] }),
    react({ include: ['src/components/console/**/*.tsx'] }),
    sitemap({
      i18n: { defaultLocale: 'zh-cn', locales: { 'zh-cn': 'zh-CN', en: 'en' } },
      // Staff pages are noindex and stay out of the sitemap.
      filter: (page) => !page.includes('/console/'),
    }),
  ],
  server: { host: '127.0.0.1', port: 4321 },
});
