import { describe, expect, it } from 'vitest';
import en from '../../src/i18n/en.json';
import zhCN from '../../src/i18n/zh-CN.json';
import {
  countText,
  draftOf,
  emptyFields,
  fieldsOfDraft,
  formatLngLat,
  formatMetres,
  hasContent,
  locationStatus,
  moveItem,
  nearestDistrict,
  type FormFields,
} from '../../src/components/report/form-state.ts';
import { translator } from '../../src/components/report/text.ts';
import { newReporterToken, REPORTER_TOKEN_SHAPE } from '../../src/lib/report/reporter-token.ts';

const tEn = translator('en', en);
const tZh = translator('zh-CN', zhCN);
const districts = [
  { code: 'dongcheng', name: 'Dongcheng District', lng: 114.11, lat: 22.59 },
  { code: 'nanhu', name: 'Nanhu District', lng: 114.06, lat: 22.53 },
];
const filled: FormFields = {
  category: 'garbage_pile',
  description: '  小区门口的垃圾三天没有清运  ',
  location: { lng: 114.0623, lat: 22.5412, source: 'photo', photo: 1 },
  district: 'nanhu',
  address: ' 南湖路 3 号 ',
  contact: '+86 138-0013-8000',
};

describe('translator', () => {
  it('fills in {{names}} and leaves unknown ones as they are', () => {
    expect(tEn('report.photos.moveUp', { n: 2 })).toBe('Move photo 2 up');
    expect(translator('en', { k: 'a {{x}} b {{y}}' })('report.submit' as never, { x: 1 })).toBe(
      'report.submit',
    );
    expect(translator('en', { 'report.submit': 'a {{x}} b {{y}}' })('report.submit', { x: 1 })).toBe(
      'a 1 b {{y}}',
    );
  });

  it('picks the plural form of the page language from count', () => {
    expect(tEn('report.nearby.confirmations', { count: 1 })).toBe('1 person added');
    expect(tEn('report.nearby.confirmations', { count: 3 })).toBe('3 people added');
    expect(tZh('report.nearby.confirmations', { count: 1 })).toBe('1 人也遇到了');
  });

  it('answers with the key itself for a message it does not have', () => {
    expect(translator('en', {})('report.submit')).toBe('report.submit');
  });
});

describe('countText', () => {
  it('says how many characters are left, with grouped digits, counting code points', () => {
    expect(countText(tEn, 'en', 0)).toBe('You have 2,000 characters remaining');
    expect(countText(tEn, 'en', 1999)).toBe('You have 1 character remaining');
    expect(countText(tZh, 'zh-CN', 10)).toBe('还可以写 1,990 个字');
  });

  it('says by how many the text is too long', () => {
    expect(countText(tEn, 'en', 2001)).toBe('You have 1 character too many');
    expect(countText(tEn, 'en', 3500)).toBe('You have 1,500 characters too many');
  });
});

describe('hasContent', () => {
  it('is false only for an untouched form', () => {
    expect(hasContent(emptyFields, [])).toBe(false);
    expect(hasContent({ ...emptyFields, description: '   ' }, [])).toBe(false);
    expect(hasContent({ ...emptyFields, contact: 'x' }, [])).toBe(true);
    expect(hasContent(emptyFields, [{ id: 'p', name: 'a.jpg', gps: null }])).toBe(true);
  });
});

describe('draftOf and fieldsOfDraft', () => {
  it('makes the draft the outbox sends: trimmed, contact split, the token kept', () => {
    expect(draftOf(filled, [], 'tok')).toEqual({
      category: 'garbage_pile',
      description: '小区门口的垃圾三天没有清运',
      lng: 114.0623,
      lat: 22.5412,
      address: '南湖路 3 号',
      district: null,
      contactPhone: '13800138000',
      contactEmail: null,
      reporterToken: 'tok',
    });
  });

  it('sends the chosen district only when the point is that district’s centre', () => {
    const byDistrict = { ...filled, location: { lng: 114.06, lat: 22.53, source: 'district' as const } };
    expect(draftOf(byDistrict, [], 'tok').district).toBe('nanhu');
    expect(
      draftOf({ ...filled, location: { ...filled.location!, source: 'map' } }, [], 'tok').district,
    ).toBeNull();
  });

  it('turns a refused draft back into form fields', () => {
    const back = fieldsOfDraft(draftOf(filled, [], 'tok'));
    expect(back).toEqual({
      category: 'garbage_pile',
      description: '小区门口的垃圾三天没有清运',
      location: { lng: 114.0623, lat: 22.5412, source: 'map' },
      district: '',
      address: '南湖路 3 号',
      contact: '13800138000',
    });
    const centre = { ...filled, location: { lng: 114.06, lat: 22.53, source: 'district' as const } };
    expect(fieldsOfDraft(draftOf(centre, [], 'tok'))).toMatchObject({
      district: 'nanhu',
      location: { source: 'district' },
    });
  });
});

describe('places', () => {
  it('finds the nearest district centre', () => {
    expect(nearestDistrict({ lng: 114.0623, lat: 22.5412 }, districts)?.district.code).toBe('nanhu');
    expect(nearestDistrict({ lng: 114.0623, lat: 22.5412 }, [])).toBeNull();
  });

  it('writes coordinates with hemispheres and distances for people', () => {
    expect(formatLngLat({ lng: 114.0623, lat: 22.5412 })).toBe('22.54120° N, 114.06230° E');
    expect(formatLngLat({ lng: -0.1, lat: -33.9 })).toBe('33.90000° S, 0.10000° W');
    expect(formatMetres(3, 'en')).toBe('10 m');
    expect(formatMetres(244, 'en')).toBe('240 m');
    expect(formatMetres(1234, 'en')).toBe('1.2 km');
  });

  it('says where the point is, and when it is outside the city', () => {
    expect(locationStatus(tEn, 'en', null, districts)).toBe('No place chosen yet.');
    expect(locationStatus(tEn, 'en', { lng: 114.06, lat: 22.53, source: 'district' }, districts)).toBe(
      'Somewhere in Nanhu District. Describe the exact place below.',
    );
    expect(locationStatus(tEn, 'en', filled.location, districts)).toBe(
      'Where photo 1 was taken: 22.54120° N, 114.06230° E (nearest district: Nanhu District).',
    );
    expect(
      locationStatus(tEn, 'en', { lng: 116.397, lat: 39.909, source: 'device', accuracy: 12 }, districts),
    ).toBe(
      'Your location, accurate to about 10 m: 39.90900° N, 116.39700° E (nearest district: Dongcheng District). ' +
        'This place seems to be outside Qingshan.',
    );
  });
});

describe('moveItem', () => {
  it('moves one place up or down and never off the list', () => {
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });
});

describe('newReporterToken', () => {
  it('is 256 random bits as 43 base64url characters, a shape submit_report accepts', () => {
    const token = newReporterToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(token).toMatch(REPORTER_TOKEN_SHAPE);
    expect(newReporterToken()).not.toBe(token);
  });

  it('encodes the random bytes as base64url without padding', () => {
    const pattern = (b: Uint8Array) => b.map((_, i) => (i * 37 + 251) & 255);
    const expected = Buffer.from(pattern(new Uint8Array(32))).toString('base64url');
    expect(newReporterToken(pattern)).toBe(expected);
    expect(newReporterToken((b) => b.fill(0xfb))).toBe(`${'-_v7'.repeat(10)}-_s`);
  });
});
