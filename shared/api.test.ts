import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  DESKTOP_ONLY,
  EVENT_NAMES,
  REQUEST_NAMES,
  type EventName,
  type NameTable,
  type RequestName,
} from './api';

describe('the name lists of the contract', () => {
  it('come from tables the compiler holds complete: a missing or an unknown name does not compile', () => {
    const events: NameTable<EventName> = {
      'train:progress': true,
      'train:epoch': true,
      'train:finished': true,
      'train:failed': true,
      'model:changed': true,
      'menu:command': true,
      'prefs:changed': true,
      'compare:reset': true,
      'ladder:progress': true,
      'ladder:point': true,
      'ladder:finished': true,
      'ladder:failed': true,
    };
    // @ts-expect-error 'menu:command' is missing
    const missing: NameTable<EventName> = {
      'train:progress': true,
      'train:epoch': true,
      'train:finished': true,
      'train:failed': true,
      'model:changed': true,
      'prefs:changed': true,
      'compare:reset': true,
      'ladder:progress': true,
      'ladder:point': true,
      'ladder:finished': true,
      'ladder:failed': true,
    };
    const unknown: NameTable<EventName> = {
      ...events,
      // @ts-expect-error not an event of the contract
      'train:rewind': true,
    };
    expect(Object.keys(events)).toEqual(EVENT_NAMES);
    expect(Object.keys(missing)).toHaveLength(EVENT_NAMES.length - 1);
    expect(Object.keys(unknown)).toHaveLength(EVENT_NAMES.length + 1);
    expectTypeOf(REQUEST_NAMES).toEqualTypeOf<readonly RequestName[]>();
    expectTypeOf(EVENT_NAMES).toEqualTypeOf<readonly EventName[]>();
  });

  it('name each request and event once, as noun:verb', () => {
    for (const names of [REQUEST_NAMES, EVENT_NAMES]) {
      expect(new Set(names).size).toBe(names.length);
      for (const name of names) expect(name).toMatch(/^[a-z]+:[a-z-]+$/);
    }
  });

  it('mark exactly the requests that open native dialogs as desktop-only', () => {
    expect(DESKTOP_ONLY.length).toBeGreaterThan(0);
    for (const name of REQUEST_NAMES) {
      expect(DESKTOP_ONLY.includes(name), name).toBe(name.endsWith('-dialog'));
    }
  });
});
