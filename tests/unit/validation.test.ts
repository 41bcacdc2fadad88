import { describe, expect, it } from 'vitest';
import en from '../../src/i18n/en.json';
import zhCN from '../../src/i18n/zh-CN.json';
import {
  ADDRESS_MAX,
  DESCRIPTION_MAX,
  DESCRIPTION_MIN,
  PHOTO_BYTES_MAX,
  charLength,
  parseContact,
  serverProblem,
  toDraft,
  validateReport,
  SERVICE_RADIUS_M,
  type ReportFormValues,
  type ValidationContext,
} from '../../src/lib/report/validation.ts';

const valid: ReportFormValues = {
  category: 'overflowing_bin',
  description: '垃圾桶满了，垃圾掉在地上',
  photos: [{ type: 'image/jpeg', size: 800_000 }],
  location: { lng: 120.38, lat: 36.07, source: 'map' },
  district: '',
  address: '',
  contact: '',
};
const errorsOf = (change: Partial<ReportFormValues>, context?: ValidationContext) =>
  validateReport({ ...valid, ...change }, context);

describe('a valid report', () => {
  it('has no errors', () => {
    expect(validateReport(valid)).toEqual({});
  });
});

describe('category', () => {
  it('is required', () => {
    expect(errorsOf({ category: '' })).toEqual({ category: 'report.error.category.required' });
  });
  it('must be one of the active categories when they are known', () => {
    const active = ['overflowing_bin', 'pests'];
    expect(errorsOf({ category: 'retired_category' }, { categories: active })).toEqual({
      category: 'report.error.category.invalid',
    });
    expect(errorsOf({ category: 'pests' }, { categories: active })).toEqual({});
  });
});

describe('description', () => {
  const text = (n: number, ch = '字') => ch.repeat(n);
  it('is required, and whitespace alone is empty', () => {
    expect(errorsOf({ description: '' }).description).toBe('report.error.description.required');
    expect(errorsOf({ description: ' \n\t　' }).description).toBe('report.error.description.required');
  });
  it(`needs at least ${DESCRIPTION_MIN} characters: 9 is too short, 10 is enough`, () => {
    expect(errorsOf({ description: text(9) }).description).toBe('report.error.description.tooShort');
    expect(errorsOf({ description: text(10) }).description).toBeUndefined();
  });
  it(`allows at most ${DESCRIPTION_MAX} characters: 2000 is fine, 2001 too long`, () => {
    expect(errorsOf({ description: text(2000) }).description).toBeUndefined();
    expect(errorsOf({ description: text(2001) }).description).toBe('report.error.description.tooLong');
  });
  it('does not count surrounding whitespace', () => {
    expect(errorsOf({ description: `   ${text(9)}   ` }).description).toBe(
      'report.error.description.tooShort',
    );
    expect(errorsOf({ description: `\n${text(2000)}\n` }).description).toBeUndefined();
  });
  it('counts code points as char_length does: an emoji is one character, not two', () => {
    expect(charLength('🗑️')).toBe(2); // bin + variation selector: two code points, as in PostgreSQL
    expect(charLength('😀')).toBe(1);
    expect('😀'.length).toBe(2);
    expect(errorsOf({ description: text(9, '😀') }).description).toBe('report.error.description.tooShort');
    expect(errorsOf({ description: text(10, '😀') }).description).toBeUndefined();
    expect(errorsOf({ description: text(2000, '😀') }).description).toBeUndefined();
    expect(errorsOf({ description: text(2001, '😀') }).description).toBe('report.error.description.tooLong');
  });
});

describe('photos', () => {
  const jpeg = { type: 'image/jpeg', size: 1000 };
  it('are optional', () => {
    expect(errorsOf({ photos: [] })).toEqual({});
  });
  it('are at most 3', () => {
    expect(errorsOf({ photos: [jpeg, jpeg, jpeg] }).photos).toBeUndefined();
    expect(errorsOf({ photos: [jpeg, jpeg, jpeg, jpeg] }).photos).toBe('report.error.photos.tooMany');
  });
  it('are JPEG, PNG or WebP, like the storage bucket', () => {
    for (const type of ['image/jpeg', 'image/png', 'image/webp'])
      expect(errorsOf({ photos: [{ type, size: 1 }] })).toEqual({});
    for (const type of ['image/heic', 'image/gif', 'application/pdf', '']) {
      expect(errorsOf({ photos: [jpeg, { type, size: 1 }] }).photos).toBe('report.error.photos.type');
    }
  });
  it('are at most 10 MB each: exactly 10 MB is fine, one byte more is not', () => {
    expect(PHOTO_BYTES_MAX).toBe(10 * 1024 * 1024);
    expect(errorsOf({ photos: [{ type: 'image/jpeg', size: PHOTO_BYTES_MAX }] }).photos).toBeUndefined();
    expect(errorsOf({ photos: [{ type: 'image/jpeg', size: PHOTO_BYTES_MAX + 1 }] }).photos).toBe(
      'report.error.photos.tooBig',
    );
  });
});

describe('location', () => {
  it('is required', () => {
    expect(errorsOf({ location: null }).location).toBe('report.error.location.required');
  });
  it('accepts the edges of the coordinate ranges and refuses beyond them', () => {
    const at = (lng: number, lat: number) => errorsOf({ location: { lng, lat, source: 'map' } }).location;
    expect(at(180, 90)).toBeUndefined();
    expect(at(-180, -90)).toBeUndefined();
    expect(at(180.0001, 0)).toBe('report.error.location.invalid');
    expect(at(-180.0001, 0)).toBe('report.error.location.invalid');
    expect(at(0, 90.0001)).toBe('report.error.location.invalid');
    expect(at(0, -90.0001)).toBe('report.error.location.invalid');
    expect(at(Number.NaN, 30)).toBe('report.error.location.invalid');
  });
  it('must be within 15 km of a district centre when the centres are known', () => {
    const centres = [
      { lng: 100, lat: 30 },
      { lng: 114.06, lat: 22.53 },
    ];
    const at = (lat: number) =>
      errorsOf({ location: { lng: 114.06, lat, source: 'map' } }, { centres }).location;
    // 0.1348° of latitude ≈ 14.989 km; 0.1350° ≈ 15.011 km.
    expect(SERVICE_RADIUS_M).toBe(15_000);
    expect(at(22.53 + 0.1348)).toBeUndefined();
    expect(at(22.53 + 0.135)).toBe('report.error.location.invalid');
    expect(
      errorsOf({ location: { lng: 116.4, lat: 39.9, source: 'map' } }, { centres: [] }).location,
    ).toBeUndefined();
  });
  it('may come from the device, a photo or the map without needing an address', () => {
    for (const source of ['map', 'device', 'photo'] as const) {
      expect(errorsOf({ location: { lng: 120, lat: 36, source }, address: '' })).toEqual({});
    }
  });
});

describe('address', () => {
  const district = { location: { lng: 120.4, lat: 36.1, source: 'district' as const }, district: 'nanhu' };
  it('is optional when the point is exact', () => {
    expect(errorsOf({ address: '' }).address).toBeUndefined();
  });
  it('is required, at least 5 characters, when only a district was chosen', () => {
    expect(errorsOf({ ...district, address: '' }).address).toBe('report.error.address.required');
    expect(errorsOf({ ...district, address: ' 南湖路1 ' }).address).toBe('report.error.address.required');
    expect(errorsOf({ ...district, address: '南湖路12号' }).address).toBeUndefined();
  });
  it(`allows at most ${ADDRESS_MAX} characters: 200 is fine, 201 too long`, () => {
    expect(errorsOf({ address: 'a'.repeat(200) }).address).toBeUndefined();
    expect(errorsOf({ address: 'a'.repeat(201) }).address).toBe('report.error.address.tooLong');
    expect(errorsOf({ ...district, address: '路'.repeat(201) }).address).toBe('report.error.address.tooLong');
  });
});

describe('contact', () => {
  it('is optional', () => {
    expect(parseContact('')).toEqual({ phone: null, email: null });
    expect(parseContact('   ')).toEqual({ phone: null, email: null });
    expect(errorsOf({ contact: '' }).contact).toBeUndefined();
  });
  it('accepts mainland mobile numbers 13x–19x with 11 digits', () => {
    for (const n of ['13012345678', '13812345678', '15912345678', '19912345678']) {
      expect(parseContact(n)).toEqual({ phone: n, email: null });
    }
  });
  it('accepts landlines with their area code, as the database does (0 and 9–11 more digits)', () => {
    expect(parseContact('0755-1234567')).toEqual({ phone: '07551234567', email: null });
    expect(parseContact('(0755) 1234 5678')).toEqual({ phone: '075512345678', email: null });
    expect(parseContact('+86 10 1234 5678')).toBe('invalid'); // no trunk 0 after +86: not what the database takes
    expect(parseContact('010 1234 567')).toEqual({ phone: '0101234567', email: null });
    expect(parseContact('010123456789')).toEqual({ phone: '010123456789', email: null });
    expect(parseContact('010123456')).toBe('invalid');
    expect(parseContact('0101234567890')).toBe('invalid');
  });
  it('refuses mobile prefixes 10x–12x, 10 or 12 digits, and letters', () => {
    for (const n of [
      '138a2345678',
      '10012345678',
      '11012345678',
      '12012345678',
      '1381234567',
      '138123456789',
      '23812345678',
    ]) {
      expect(parseContact(n), n).toBe('invalid');
      expect(errorsOf({ contact: n }).contact).toBe('report.error.contact.invalid');
    }
  });
  it('tidies spaces, dashes, +86 and full-width digits the way people type them', () => {
    expect(parseContact(' 138 1234 5678 ')).toEqual({ phone: '13812345678', email: null });
    expect(parseContact('138-1234-5678')).toEqual({ phone: '13812345678', email: null });
    expect(parseContact('+86 138 1234 5678')).toEqual({ phone: '13812345678', email: null });
    expect(parseContact('8613812345678')).toEqual({ phone: '13812345678', email: null });
    expect(parseContact('１３８１２３４５６７８')).toEqual({ phone: '13812345678', email: null });
  });
  it('accepts email addresses, also typed with a full-width ＠', () => {
    expect(parseContact('li.ming@example.com')).toEqual({ phone: null, email: 'li.ming@example.com' });
    expect(parseContact(' wang+report@mail.qingshan.gov.cn ')).toEqual({
      phone: null,
      email: 'wang+report@mail.qingshan.gov.cn',
    });
    expect(parseContact('zhang＠example.com')).toEqual({ phone: null, email: 'zhang@example.com' });
  });
  it('refuses things that are neither', () => {
    for (const s of [
      'li.ming',
      'li@',
      '@example.com',
      'li@example',
      'li @example.com',
      'li@exa..com',
      'a@b.c d',
    ]) {
      expect(parseContact(s), s).toBe('invalid');
    }
  });
  it('allows an email of 254 characters and refuses 255', () => {
    const at = (n: number) => `${'a'.repeat(n - '@example.com'.length)}@example.com`;
    expect(parseContact(at(254))).not.toBe('invalid');
    expect(parseContact(at(255))).toBe('invalid');
  });
});

describe('several errors at once', () => {
  it('reports the first problem of each field, in form order', () => {
    const errors = validateReport({
      category: '',
      description: 'short',
      photos: [1, 2, 3, 4].map(() => ({ type: 'image/gif', size: 1 })),
      location: null,
      district: '',
      address: 'x'.repeat(201),
      contact: 'nope',
    });
    expect(Object.entries(errors)).toEqual([
      ['category', 'report.error.category.required'],
      ['description', 'report.error.description.tooShort'],
      ['photos', 'report.error.photos.tooMany'],
      ['location', 'report.error.location.required'],
      ['address', 'report.error.address.tooLong'],
      ['contact', 'report.error.contact.invalid'],
    ]);
  });
});

describe('the draft that is sent', () => {
  it('is trimmed, with the contact split into phone or email', () => {
    expect(
      toDraft({
        ...valid,
        description: '  ' + valid.description + ' ',
        address: ' 南湖路12号 ',
        contact: '+86 13812345678',
      }),
    ).toEqual({
      category: 'overflowing_bin',
      description: valid.description,
      lng: 120.38,
      lat: 36.07,
      address: '南湖路12号',
      district: null,
      contactPhone: '13812345678',
      contactEmail: null,
    });
    expect(toDraft({ ...valid, district: 'nanhu', contact: 'a@b.cn' })).toMatchObject({
      district: 'nanhu',
      contactPhone: null,
      contactEmail: 'a@b.cn',
    });
  });
  it('is refused for a form without a point or with a bad contact', () => {
    expect(() => toDraft({ ...valid, location: null })).toThrow();
    expect(() => toDraft({ ...valid, contact: 'nope' })).toThrow();
  });
});

describe('errors from submit_report', () => {
  const draft = toDraft(valid);
  it.each([
    ['invalid_category', 'category', 'report.error.category.invalid'],
    ['invalid_description_length', 'description', 'report.error.description.tooShort'],
    ['invalid_location', 'location', 'report.error.location.invalid'],
    ['invalid_district', 'location', 'report.error.location.invalid'],
    ['invalid_address', 'address', 'report.error.address.tooLong'],
    ['invalid_contact', 'contact', 'report.error.contact.invalid'],
    ['invalid_photos', 'photos', 'report.error.photos.upload'],
  ])('maps %s to the %s field, not to be retried', (message, field, key) => {
    expect(serverProblem({ message }, draft)).toEqual({ field, key, retry: false });
  });
  it('reads the key when the message carries detail after it', () => {
    expect(
      serverProblem({ message: 'invalid_contact: phone must be a mainland mobile number' }),
    ).toMatchObject({
      field: 'contact',
    });
  });
  it('says "too long" for a description-length error on a long text', () => {
    const long = { ...draft, description: 'x'.repeat(DESCRIPTION_MAX + 1) };
    expect(serverProblem({ message: 'invalid_description_length' }, long).key).toBe(
      'report.error.description.tooLong',
    );
  });
  it('retries when rate limited, with its own message', () => {
    expect(serverProblem({ message: 'rate_limited' })).toEqual({
      field: null,
      key: 'report.error.form.rateLimited',
      retry: true,
    });
  });
  it('retries network failures, server errors and anything unknown', () => {
    for (const e of [
      { message: 'TypeError: Failed to fetch' },
      { message: '' },
      {},
      null,
      undefined,
      { message: 'FetchError' },
    ]) {
      expect(serverProblem(e)).toEqual({ field: null, key: 'report.error.form.server', retry: true });
    }
  });
});

describe('error messages', () => {
  const keys = (d: Record<string, string>) => Object.keys(d).filter((k) => k.startsWith('report.error.'));
  it('exist in both languages, none empty', () => {
    expect(keys(zhCN).sort()).toEqual(keys(en).sort());
    for (const d of [zhCN, en] as Record<string, string>[])
      for (const k of keys(d)) expect(d[k]!.trim()).not.toBe('');
  });
  it('cover every key a rule or the server mapping can return', () => {
    const returned = new Set<string>();
    const add = (e: object) => Object.values(e).forEach((k) => returned.add(k));
    add(
      validateReport({
        ...valid,
        category: '',
        description: '',
        photos: [1, 2, 3, 4].map(() => valid.photos[0]!),
        location: null,
        contact: 'x',
      }),
    );
    for (const m of [
      'invalid_category',
      'invalid_location',
      'invalid_address',
      'invalid_contact',
      'invalid_photos',
      'rate_limited',
      '',
    ]) {
      returned.add(serverProblem({ message: m }).key);
    }
    for (const k of returned) expect(zhCN, k).toHaveProperty([k]);
  });
});
