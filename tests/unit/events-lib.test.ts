import { describe, expect, it } from 'vitest';
import {
  forgetSignup,
  readSignups,
  saveSignup,
  signupsFor,
  type KeyValueStore,
} from '../../src/lib/events/my-signups.ts';
import { eventJsonLd, serializeJsonLd } from '../../src/lib/events/json-ld.ts';
import { availability, localized, type PublicEvent } from '../../src/lib/events/types.ts';
import { fieldOfError, isValidContact, validateSignup } from '../../src/lib/events/validation.ts';
import { eventsFeedUrl, webcalUrl } from '../../src/lib/events/queries.ts';
import { filtersToQuery, monthOptions, parseFilters } from '../../src/components/events/filters.ts';
import { translator } from '../../src/components/events/text.ts';

const event: PublicEvent = {
  id: 'e5000000-0000-4000-8000-000000000005',
  title_zh: '科学园垃圾分类日',
  title_en: 'Science Park waste-sorting day',
  description_zh: '设摊讲解',
  description_en: 'Stands at the canteens',
  bring_zh: null,
  bring_en: null,
  starts_at: '2026-12-12T02:00:00Z',
  ends_at: '2026-12-12T04:00:00Z',
  place_zh: '科学园一路食堂',
  place_en: 'Central canteen, Science Park Road 1',
  lng: 114.0,
  lat: 22.55,
  district_code: 'gaoxin',
  capacity: 20,
  spots_taken: 20,
  spots_left: 0,
  waitlist_count: 2,
  organiser_zh: '高新区管委会',
  organiser_en: 'Gaoxin Administration',
  status: 'published',
  result_volunteers: null,
  result_bags_collected: null,
  result_summary_zh: null,
  result_summary_en: null,
  cancel_note_zh: null,
  cancel_note_en: null,
  updated_at: '2026-11-30T00:00:00Z',
};

function memoryStore(): KeyValueStore {
  const data = new Map<string, string>();
  return { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

describe('sign-up form checks', () => {
  it('accepts what the database accepts', () => {
    expect(validateSignup({ name: '张三', contact: '139 0013 9001', partySize: '2' })).toEqual({});
    expect(validateSignup({ name: 'Li', contact: 'li@example.com', partySize: '10' })).toEqual({});
    expect(isValidContact('+8613900139001')).toBe(true);
    expect(isValidContact('0755-12345678')).toBe(true);
  });

  it('names each problem by field, in the order of the form', () => {
    expect(Object.keys(validateSignup({ name: ' ', contact: 'call me', partySize: '0' }))).toEqual([
      'name',
      'contact',
      'partySize',
    ]);
    expect(validateSignup({ name: '名'.repeat(51), contact: '', partySize: '11' })).toEqual({
      name: 'nameTooLong',
      contact: 'contactMissing',
      partySize: 'partySizeInvalid',
    });
    expect(validateSignup({ name: 'A', contact: 'a@b.co', partySize: '1.5' }).partySize).toBe(
      'partySizeInvalid',
    );
  });

  it('puts database errors next to their field', () => {
    expect(fieldOfError('already_signed_up')).toBe('contact');
    expect(fieldOfError('invalid_party_size')).toBe('partySize');
    expect(fieldOfError('event_not_open')).toBeNull();
  });
});

describe('sign-ups kept on this device', () => {
  const record = (token: string, eventId = event.id) => ({
    token,
    eventId,
    title: { zh: event.title_zh, en: event.title_en },
    startsAt: event.starts_at,
    signedUpAt: '2026-11-30T10:00:00Z',
  });

  it('keeps, finds and forgets sign-ups by token', () => {
    const store = memoryStore();
    expect(saveSignup(record('a'.repeat(64)), store)).toBe(true);
    saveSignup(record('b'.repeat(64), 'other'), store);
    expect(readSignups(store).map((r) => r.token[0])).toEqual(['b', 'a']);
    expect(signupsFor(event.id, store).map((r) => r.token[0])).toEqual(['a']);
    forgetSignup('a'.repeat(64), store);
    expect(signupsFor(event.id, store)).toEqual([]);
  });

  it('drops malformed entries instead of showing them broken', () => {
    const store = memoryStore();
    store.setItem('qingshan.eventSignups.v1', JSON.stringify([{ token: 'x' }, record('c'.repeat(64))]));
    expect(readSignups(store)).toHaveLength(1);
    store.setItem('qingshan.eventSignups.v1', 'not json');
    expect(readSignups(store)).toEqual([]);
  });

  it('says so when the browser will not store anything', () => {
    expect(saveSignup(record('d'.repeat(64)), null)).toBe(false);
  });
});

describe('events on the page', () => {
  it('reads text in the page language', () => {
    expect(localized(event, 'title', 'zh-cn')).toBe('科学园垃圾分类日');
    expect(localized(event, 'place', 'en')).toBe('Central canteen, Science Park Road 1');
  });

  it('knows whether someone can still join', () => {
    const before = new Date('2026-12-01T00:00:00Z');
    expect(availability(event, before)).toBe('full');
    expect(availability({ ...event, spots_left: 3 }, before)).toBe('open');
    expect(availability(event, new Date('2026-12-12T03:00:00Z'))).toBe('started');
    expect(availability(event, new Date('2026-12-12T05:00:00Z'))).toBe('ended');
    expect(availability({ ...event, status: 'cancelled' }, before)).toBe('cancelled');
  });

  it('describes a schema.org Event, sold out when full', () => {
    const data = eventJsonLd(event, 'en', 'https://example.org/en/events/view/?id=x');
    expect(data).toMatchObject({
      '@type': 'Event',
      name: 'Science Park waste-sorting day',
      startDate: '2026-12-12T02:00:00Z',
      eventStatus: 'https://schema.org/EventScheduled',
      location: { '@type': 'Place', geo: { latitude: 22.55, longitude: 114.0 } },
      offers: { availability: 'https://schema.org/SoldOut', price: 0 },
    });
    expect(serializeJsonLd({ name: '</script><script>alert(1)' })).not.toContain('</script>');
  });
});

describe('calendar links', () => {
  const settings = { url: 'https://abc.supabase.co', anonKey: 'anon.key' };
  it('points at the database feed with the public key in the query', () => {
    expect(eventsFeedUrl('en', 'nanhu', settings)).toBe(
      'https://abc.supabase.co/rest/v1/rpc/events_ics?p_locale=en&p_district=nanhu&apikey=anon.key',
    );
    expect(webcalUrl(eventsFeedUrl('zh-cn', null, settings))).toMatch(
      /^webcal:\/\/abc\.supabase\.co\/rest\/v1\/rpc\/events_ics\?p_locale=zh-cn&/,
    );
  });
});

describe('list filters', () => {
  it('round-trips through the URL and ignores junk', () => {
    const filters = parseFilters(new URLSearchParams('district=nanhu&month=2026-12'));
    expect(filters).toEqual({ district: 'nanhu', month: '2026-12' });
    expect(filtersToQuery(filters)).toBe('?district=nanhu&month=2026-12');
    expect(parseFilters(new URLSearchParams('district=<x>&month=2026-13'))).toEqual({
      district: null,
      month: null,
    });
  });

  it('offers six months back and six ahead, in city time', () => {
    const months = monthOptions(new Date('2026-11-30T17:00:00Z'));
    expect(months[0]).toBe('2026-06');
    expect(months[6]).toBe('2026-12');
    expect(months).toHaveLength(13);
  });
});

describe('island text', () => {
  it('fills placeholders and picks plural forms', () => {
    const t = translator('en', {
      'x.left_one': '{{count}} place left',
      'x.left_other': '{{count}} places left',
      y: 'Hi {{name}}',
    });
    expect(t('x.left', { count: 1 })).toBe('1 place left');
    expect(t('x.left', { count: 3 })).toBe('3 places left');
    expect(t('y', { name: 'Li' })).toBe('Hi Li');
    expect(t('missing')).toBe('missing');
  });
});
