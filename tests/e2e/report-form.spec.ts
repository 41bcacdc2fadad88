/**
 * The report form in a real browser against the real stack, in both languages: a report with a photo from
 * start to tracking code (checked in the database and in the stored file: no EXIF, no GPS, at most 2048 px),
 * every validation error (summary and inline), the draft surviving a reload, choosing the place with the
 * keyboard on the map, and a report made with the keyboard alone. Axe checks every state on the way.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import exifr from 'exifr';
import {
  categoryName,
  districtName,
  expectNoAxeViolations,
  formPath,
  hideReports,
  jpegMarkers,
  jpegSize,
  locales,
  marker,
  newVisitor,
  openForm,
  sql,
  stack,
  tabTo,
  text,
} from './report-form-support.ts';

const FILE = 'e2e-form';
const photo = 'tests/fixtures/photo-gps.jpg';

test.describe.configure({ mode: 'parallel' });
test.afterAll(() => hideReports());

for (const locale of locales) {
  test(`${locale}: a report with a photo, from start to tracking code, stored without photo metadata`, async ({
    browser,
  }) => {
    const { context, page } = await newVisitor(browser);
    const tag = marker(FILE);
    const description = `${tag} 地铁站出口的垃圾桶已经满了，袋子堆在地上 / bin overflowing at the exit`;
    await openForm(page, locale);
    await expectNoAxeViolations(page); // the empty form

    await page.getByRole('radio', { name: await categoryName(locale, 'overflowing_bin') }).check();
    await page.getByLabel(text(locale, 'report.description.label')).fill(description);
    await page.getByLabel(text(locale, 'report.photos.add')).setInputFiles(photo);
    await expect(page.getByText(text(locale, 'report.photos.hasLocation'))).toBeVisible();
    await expect(page.getByRole('img', { name: text(locale, 'report.photos.alt', { n: 1 }) })).toBeVisible();
    await page.getByRole('button', { name: text(locale, 'report.location.usePhoto', { n: 1 }) }).click();
    await expect(page.getByText(/22\.54120° N, 114\.06230° E/)).toBeVisible();
    await page.getByLabel(text(locale, 'report.address.label')).fill('南湖区地铁站 B 出口');
    await page.getByLabel(text(locale, 'report.contact.label')).fill('138 0013 8000');
    await page.getByRole('button', { name: text(locale, 'report.submit') }).click();

    const heading = page.getByRole('heading', { name: text(locale, 'report.sent.title') });
    await expect(heading).toBeFocused();
    const code = (await page.locator('#rf-code').textContent()) ?? '';
    expect(code).toMatch(/^QS-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    await expect(page.getByRole('link', { name: text(locale, 'report.sent.link') })).toHaveAttribute(
      'href',
      `${locale === 'en' ? '/en' : ''}/reports/view/?code=${code}`,
    );
    await expectNoAxeViolations(page); // sent

    // Stored as sent: the report, its photo row, the district from the point, the contact kept private.
    const [report] = await sql<{
      id: string;
      category_code: string;
      description: string;
      address: string;
      district_code: string;
      contact_phone: string;
      lng: number;
      lat: number;
      reporter_token_hash: string;
    }>(
      `select id, category_code, description, address, district_code, contact_phone, reporter_token_hash,
              st_x(location::geometry) as lng, st_y(location::geometry) as lat
       from public.reports where tracking_code = $1`,
      [code],
    );
    expect(report).toMatchObject({
      category_code: 'overflowing_bin',
      description,
      address: '南湖区地铁站 B 出口',
      district_code: 'nanhu',
      contact_phone: '13800138000',
    });
    expect(report!.lng).toBeCloseTo(114.0623, 4);
    expect(report!.lat).toBeCloseTo(22.5412, 4);
    const photos = await sql<{ storage_path: string; kind: string }>(
      'select storage_path, kind from public.report_photos where report_id = $1',
      [report!.id],
    );
    expect(photos).toHaveLength(1);
    expect(photos[0]).toMatchObject({ kind: 'before' });

    // The stored file: a JPEG with no EXIF (so no GPS), no APPn/COM segment but JFIF, at most 2048 px.
    const bytes = fs.readFileSync(path.join(stack.storageDir, 'report-photos', photos[0]!.storage_path));
    const everythingButJfif = {
      tiff: true,
      exif: true,
      gps: true,
      interop: true,
      ifd1: true,
      makerNote: true,
      userComment: true,
      xmp: true,
      icc: true,
      iptc: true,
      jfif: false,
      ihdr: false,
    } as const;
    expect(await exifr.parse(bytes, everythingButJfif)).toBeUndefined();
    expect(await exifr.gps(bytes)).toBeUndefined();
    // What is left is the JFIF header the encoder writes: version and pixel density, nothing about the photo.
    expect(Object.keys((await exifr.parse(bytes, true)) ?? {}).sort()).toEqual(
      [
        'JFIFVersion',
        'ResolutionUnit',
        'ThumbnailHeight',
        'ThumbnailWidth',
        'XResolution',
        'YResolution',
      ].sort(),
    );
    expect(jpegMarkers(bytes).filter((m) => (m > 0xe0 && m <= 0xef) || m === 0xfe)).toEqual([]);
    expect(jpegSize(bytes)).toEqual({ width: 2048, height: 1365 });

    // This device keeps the report with its reporter token, whose sha256 is what the database holds.
    const mine = await page.evaluate(() => JSON.parse(localStorage.getItem('qingshan.myReports.v1') ?? '[]'));
    expect(mine).toEqual([expect.objectContaining({ trackingCode: code })]);
    const token = mine[0].reporterToken as string;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(createHash('sha256').update(token).digest('hex')).toBe(report!.reporter_token_hash);

    // Copy, and start again with an empty form.
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByRole('button', { name: text(locale, 'report.sent.copy') }).click();
    await expect(page.getByText(text(locale, 'report.sent.copied'))).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
    await page.getByRole('button', { name: text(locale, 'report.send.another') }).click();
    await expect(page.getByLabel(text(locale, 'report.description.label'))).toHaveValue('');
    await context.close();
  });

  test(`${locale}: every validation error shows in the summary and at its field`, async ({ browser }) => {
    const { context, page } = await newVisitor(browser, { geo: { lng: 116.397, lat: 39.909 } }); // Beijing
    await openForm(page, locale);
    const submit = page.getByRole('button', { name: text(locale, 'report.submit') });
    const summary = page.locator('.rf-error-summary');
    const expectErrors = async (keys: string[]) => {
      await expect(summary).toBeFocused();
      await expect(summary.getByRole('heading')).toHaveText(text(locale, 'report.errorSummary.title'));
      await expect(summary.getByRole('listitem')).toHaveText(keys.map((k) => text(locale, k)));
      for (const k of keys) {
        await expect(page.locator('.rf-error').filter({ hasText: text(locale, k) })).toHaveCount(1);
      }
      await expect(page).toHaveTitle(new RegExp(`^${text(locale, 'report.errorSummary.titlePrefix')}`));
    };

    // Nothing filled in.
    await submit.click();
    await expectErrors([
      'report.error.category.required',
      'report.error.description.required',
      'report.error.location.required',
    ]);
    await expectNoAxeViolations(page); // errors
    await summary.getByRole('link', { name: text(locale, 'report.error.description.required') }).click();
    await expect(page.getByLabel(text(locale, 'report.description.label'))).toBeFocused();
    await summary.getByRole('link', { name: text(locale, 'report.error.location.required') }).click();
    await expect(page.getByLabel(text(locale, 'report.district.label'))).toBeFocused();
    await summary.getByRole('link', { name: text(locale, 'report.error.category.required') }).click();
    await expect(page.getByRole('radio').first()).toBeFocused();

    // Too short, a district without a place, a contact that is neither a phone nor an email.
    await page.getByRole('radio', { name: await categoryName(locale, 'pests') }).check();
    await page.getByLabel(text(locale, 'report.description.label')).fill('有老鼠');
    await page.getByLabel(text(locale, 'report.district.label')).selectOption('gaoxin');
    await page.getByLabel(text(locale, 'report.contact.label')).fill('12345');
    await submit.click();
    await expectErrors([
      'report.error.description.tooShort',
      'report.error.address.required',
      'report.error.contact.invalid',
    ]);
    await expect(page.getByLabel(text(locale, 'report.description.label'))).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    // Nothing typed was lost.
    await expect(page.getByLabel(text(locale, 'report.description.label'))).toHaveValue('有老鼠');
    await expect(page.getByLabel(text(locale, 'report.contact.label'))).toHaveValue('12345');

    // Too long, both of them; and the counter says by how much.
    await page.getByLabel(text(locale, 'report.description.label')).fill('脏'.repeat(2001));
    await expect(page.getByText(text(locale, 'report.description.tooMany_one', { n: 1 }))).toBeVisible();
    await page.getByLabel(text(locale, 'report.address.labelRequired')).fill('路'.repeat(201));
    await page.getByLabel(text(locale, 'report.contact.label')).fill('');
    await submit.click();
    await expectErrors(['report.error.description.tooLong', 'report.error.address.tooLong']);

    // A place outside the city (this browser is in Beijing).
    await page
      .getByLabel(text(locale, 'report.description.label'))
      .fill('公园门口有很多老鼠洞，晚上老鼠到处跑');
    await page.getByLabel(text(locale, 'report.address.labelRequired')).fill('');
    await page.getByRole('button', { name: text(locale, 'report.location.useMine') }).click();
    await expect(page.getByText(text(locale, 'report.location.outside'), { exact: false })).toBeVisible();
    await submit.click();
    await expectErrors(['report.error.location.invalid']);

    // A file that is not a photo: said at once, next to the field.
    await page.getByLabel(text(locale, 'report.photos.add')).setInputFiles({
      name: 'notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('not a picture'),
    });
    await expect(page.locator('#rf-photos-error')).toHaveText(
      `${text(locale, 'report.errorSummary.prefix')} ${text(locale, 'report.error.photos.type')}`,
    );
    // A HEIC photo this browser cannot convert (Chromium cannot): said plainly, with what to do instead.
    const heic = Buffer.concat([
      Buffer.from([0, 0, 0, 24]),
      Buffer.from('ftypheic\0\0\0\0mif1heic', 'latin1'),
      Buffer.alloc(64),
    ]);
    await page.getByLabel(text(locale, 'report.photos.add')).setInputFiles({
      name: 'IMG_0001.HEIC',
      mimeType: 'image/heic',
      buffer: heic,
    });
    await expect(page.locator('#rf-photos-error')).toHaveText(
      `${text(locale, 'report.errorSummary.prefix')} ${text(locale, 'report.error.photos.heic')}`,
    );
    await expect(page.locator('.rf-photo')).toHaveCount(0);
    // Four photos at once: three are taken, the fourth is refused with a reason.
    const small = 'tests/fixtures/photo-rotated.jpg';
    await page.getByLabel(text(locale, 'report.photos.add')).setInputFiles([small, small, small, small]);
    await expect(page.locator('#rf-photos-error')).toHaveText(
      `${text(locale, 'report.errorSummary.prefix')} ${text(locale, 'report.error.photos.tooMany')}`,
    );
    await expect(page.locator('.rf-photo')).toHaveCount(3);
    await expect(page.getByText(text(locale, 'report.photos.full', { max: 3 }))).toBeVisible();
    await context.close();
  });

  test(`${locale}: the draft survives a reload, photo included, and ?category= preselects`, async ({
    browser,
  }) => {
    const { context, page } = await newVisitor(browser);
    await openForm(page, locale, '?category=dirty_toilet');
    await expect(page.getByRole('radio', { name: await categoryName(locale, 'dirty_toilet') })).toBeChecked();
    await page.getByLabel(text(locale, 'report.description.label')).fill('公厕没有洗手液，地面很滑');
    await page.getByLabel(text(locale, 'report.photos.add')).setInputFiles(photo);
    await expect(page.getByText(text(locale, 'report.photos.hasLocation'))).toBeVisible();
    await page.getByLabel(text(locale, 'report.district.label')).selectOption('xicheng');
    await page.getByLabel(text(locale, 'report.address.labelRequired')).fill('西城公园北门公厕');
    await page.reload();
    await expect(page.getByLabel(text(locale, 'report.description.label'))).toHaveValue(
      '公厕没有洗手液，地面很滑',
    );
    await expect(page.getByRole('radio', { name: await categoryName(locale, 'dirty_toilet') })).toBeChecked();
    await expect(page.getByLabel(text(locale, 'report.district.label'))).toHaveValue('xicheng');
    await expect(page.getByLabel(text(locale, 'report.address.labelRequired'))).toHaveValue(
      '西城公园北门公厕',
    );
    await expect(page.getByRole('img', { name: text(locale, 'report.photos.alt', { n: 1 }) })).toBeVisible();
    await expect(
      page.getByText(
        text(locale, 'report.location.atDistrict', { district: await districtName(locale, 'xicheng') }),
      ),
    ).toBeVisible();
    await context.close();
  });
}

test('en: the map loads only when needed, and the keyboard moves its pin', async ({ browser }) => {
  const { context, page } = await newVisitor(browser);
  const mapChunks: string[] = [];
  page.on('request', (r) => {
    if (/\/_astro\/(pin-map|leaflet)[^/]*\.(js|css)$/.test(r.url())) mapChunks.push(r.url());
  });
  await page.setViewportSize({ width: 1280, height: 700 });
  await openForm(page, 'en');
  expect(mapChunks).toEqual([]); // not in view, not asked for: no Leaflet code or stylesheet yet

  await page.getByRole('heading', { name: text('en', 'report.map.title') }).scrollIntoViewIfNeeded();
  const map = page.getByRole('application', { name: text('en', 'report.map.label') });
  await expect(map).toBeVisible();
  await expect(page.getByRole('group', { name: text('en', 'report.map.nudge') })).toBeVisible();
  expect(mapChunks.some((u) => u.endsWith('.css'))).toBe(true);
  expect(mapChunks.some((u) => u.endsWith('.js'))).toBe(true);
  await expectNoAxeViolations(page); // map open

  await map.focus();
  await page.keyboard.press('ArrowUp');
  const status = page.locator('.rf-location-status');
  await expect(status).toContainText('The pin on the map');
  const first = await status.textContent();
  await page.keyboard.press('Shift+ArrowRight');
  await expect(status).not.toHaveText(first ?? '');
  const second = await status.textContent();
  await page.getByRole('button', { name: text('en', 'report.map.south') }).press('Enter');
  await expect(status).not.toHaveText(second ?? '');
  // The pin on the map sits where the status says.
  await expect(page.locator('.rf-pin')).toHaveCount(1);
  await context.close();
});

test('en: photos are moved and removed with buttons, focus follows, and each shows its upload progress', async ({
  browser,
}) => {
  const { context, page } = await newVisitor(browser);
  const tag = marker(FILE);
  await openForm(page, 'en');
  await page.getByRole('radio', { name: await categoryName('en', 'illegal_dumping') }).check();
  await page
    .getByLabel(text('en', 'report.description.label'))
    .fill(`${tag} Old sofas and tiles dumped by the river path`);
  await page
    .getByLabel(text('en', 'report.photos.add'))
    .setInputFiles([photo, 'tests/fixtures/photo-rotated.jpg']);
  const items = page.locator('.rf-photo');
  await expect(items).toHaveCount(2);
  await expect(
    page.getByRole('button', { name: text('en', 'report.photos.remove', { n: 2 }) }),
  ).toBeVisible();
  const sizes = async () =>
    await items.locator('img').evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).naturalWidth));
  await expect.poll(sizes).toEqual([2048, 200]);
  await expectNoAxeViolations(page); // photos added

  // Move the second up: it is first now, and focus stays with it (on its "move down" button).
  await page.getByRole('button', { name: text('en', 'report.photos.moveUp', { n: 2 }) }).click();
  await expect.poll(sizes).toEqual([200, 2048]);
  await expect(
    page.getByRole('button', { name: text('en', 'report.photos.moveDown', { n: 1 }) }),
  ).toBeFocused();
  // A third photo, then remove it: focus goes back to the picker.
  await page
    .getByLabel(text('en', 'report.photos.addAnother'))
    .setInputFiles('tests/fixtures/photo-rotated.jpg');
  await expect(items).toHaveCount(3);
  await expect(page.getByText(text('en', 'report.photos.full', { max: 3 }))).toBeVisible();
  await page.getByRole('button', { name: text('en', 'report.photos.remove', { n: 3 }) }).click();
  await expect(items).toHaveCount(2);
  await expect(page.getByLabel(text('en', 'report.photos.addAnother'))).toBeFocused();

  await page.getByLabel(text('en', 'report.district.label')).selectOption('dongcheng');
  await page
    .getByLabel(text('en', 'report.address.labelRequired'))
    .fill('Riverside path behind No. 12 Qingshan Road');

  // A slow upload: a progress bar per photo while sending.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: 40 * 1024,
  });
  await page.getByRole('button', { name: text('en', 'report.submit') }).click();
  await expect(page.getByRole('heading', { name: text('en', 'report.send.sendingTitle') })).toBeVisible();
  await expect(page.getByRole('progressbar', { name: /^Photo 1: \d+% uploaded$/ })).toBeVisible();
  await expect(page.getByRole('progressbar', { name: /^Photo 2: \d+% uploaded$/ })).toBeVisible();
  await expectNoAxeViolations(page); // sending
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });
  await expect(page.getByRole('heading', { name: text('en', 'report.sent.title') })).toBeVisible();

  // Stored in the order chosen: the small portrait photo first.
  const code = await page.locator('#rf-code').textContent();
  const stored = await sql<{ storage_path: string; sort_order: number }>(
    `select p.storage_path, p.sort_order from public.report_photos p join public.reports r on r.id = p.report_id
     where r.tracking_code = $1 order by p.sort_order`,
    [code],
  );
  expect(
    stored.map((p) =>
      jpegSize(fs.readFileSync(path.join(stack.storageDir, 'report-photos', p.storage_path))),
    ),
  ).toEqual([
    { width: 200, height: 400 },
    { width: 2048, height: 1365 },
  ]);
  await context.close();
});

for (const locale of locales) {
  const viaMap = locale === 'en';
  test(`${locale}: a report made with the keyboard alone (${viaMap ? 'place on the map' : 'photo, and the district instead of the map'})`, async ({
    browser,
  }) => {
    const { context, page } = await newVisitor(browser);
    const tag = marker(FILE);
    await openForm(page, locale);
    await page.locator('body').focus();

    // Category: Tab into the radio group, Space to choose, arrow to the second choice.
    await tabTo(page, page.getByRole('radio').first());
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('radio').nth(1)).toBeChecked();

    await tabTo(page, page.getByLabel(text(locale, 'report.description.label')));
    await page.keyboard.type(`${tag} 小区门口垃圾堆了三天没人清运，味道很大`);

    if (!viaMap) {
      // Photo: the file chooser opens from the keyboard.
      await tabTo(page, page.getByLabel(text(locale, 'report.photos.add')));
      const chooser = page.waitForEvent('filechooser');
      await page.keyboard.press('Space');
      await (await chooser).setFiles(photo);
      await expect(page.getByText(text(locale, 'report.photos.hasLocation'))).toBeVisible();

      // Place without the map: the district, then the address.
      const district = page.getByLabel(text(locale, 'report.district.label'));
      await tabTo(page, district);
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await expect(district).toHaveValue('xicheng');
      await tabTo(page, page.getByLabel(text(locale, 'report.address.labelRequired')));
      await page.keyboard.type('西城区幸福路 18 号小区东门');
    } else {
      // Place on the map: Tab to it (it loads as the section comes into view), arrows put and move the pin.
      const map = page.getByRole('application', { name: text(locale, 'report.map.label') });
      await tabTo(page, page.getByRole('button', { name: text(locale, 'report.location.useMine') }));
      await expect(map).toBeVisible();
      await tabTo(page, map);
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('Shift+ArrowLeft');
      await expect(page.locator('.rf-location-status')).toContainText('The pin on the map');
    }
    await tabTo(page, page.getByRole('button', { name: text(locale, 'report.submit') }));
    await page.keyboard.press('Enter');

    await expect(page.getByRole('heading', { name: text(locale, 'report.sent.title') })).toBeFocused();
    const code = await page.locator('#rf-code').textContent();
    const [row] = await sql<{
      district_code: string;
      address: string | null;
      category_code: string;
      photos: number;
    }>(
      `select district_code, address, category_code,
              (select count(*)::int from public.report_photos p where p.report_id = r.id) as photos
       from public.reports r where tracking_code = $1`,
      [code],
    );
    expect(row).toMatchObject(
      viaMap
        ? { category_code: 'garbage_pile', address: null, photos: 0 }
        : {
            district_code: 'xicheng',
            address: '西城区幸福路 18 号小区东门',
            category_code: 'garbage_pile',
            photos: 1,
          },
    );
    // Reading on with the keyboard reaches the report's page.
    await tabTo(page, page.getByRole('link', { name: text(locale, 'report.sent.link') }));
    await context.close();
  });
}

test('without JavaScript: a plain message and the hotline, not a form that cannot work', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  for (const locale of locales) {
    await page.goto(formPath(locale));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(text(locale, 'report.page.title'));
    await expect(page.getByRole('heading', { name: text(locale, 'report.noscript.title') })).toBeVisible();
    // (Playwright's text matching skips <noscript>, so the notice is found by its class.)
    await expect(page.locator('.rf-noscript__hotline')).toHaveText(text(locale, 'report.noscript.hotline'));
    await expect(page.locator('.rf-noscript__hotline')).toBeVisible();
    await expect(page.getByText(text(locale, 'report.privacy.contact'))).toBeVisible();
    await expect(page.getByText(text(locale, 'report.form.loading'))).toBeHidden();
    // (No axe here: it runs as a script, which this browser refuses.)
  }
  await context.close();
});
