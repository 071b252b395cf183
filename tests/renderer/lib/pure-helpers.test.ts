import { describe, expect, it } from 'vitest';
import { categoryHue, categoryLabel, groupCategories } from '../../../renderer/src/lib/categories';
import { describeError, formatWait } from '../../../renderer/src/lib/errors';
import { toForm, toPatch, validateForm } from '../../../renderer/src/lib/settings-form';
import { CATEGORIES, DEFAULT_SETTINGS } from '../support/fake-api';

describe('categories', () => {
  it('splits by format and sorts by name', () => {
    const { images, gifs } = groupCategories(CATEGORIES);
    expect(images.map((category) => category.name)).toEqual(['neko', 'waifu']);
    expect(gifs.map((category) => category.name)).toEqual(['highfive', 'hug', 'pat']);
  });

  it('labels and colours names stably', () => {
    expect(categoryLabel('handshake')).toBe('Handshake');
    expect(categoryHue('hug')).toBe(categoryHue('hug'));
    expect(categoryHue('hug')).toBeGreaterThanOrEqual(0);
    expect(categoryHue('hug')).toBeLessThan(360);
  });
});

describe('errors', () => {
  it('gives rate limits a wait, defaulting to a minute', () => {
    expect(describeError({ code: 'rate_limited', message: 'm', retryAfter: 2.2 }).retryAfter).toBe(3);
    expect(describeError({ code: 'rate_limited', message: 'm' }).retryAfter).toBe(60);
    expect(describeError({ code: 'upstream_error', message: 'm' }).retryAfter).toBeNull();
  });

  it('formats waits for people', () => {
    expect(formatWait(1)).toBe('in 1 second');
    expect(formatWait(45)).toBe('in 45 seconds');
    expect(formatWait(300)).toBe('in 5 minutes');
  });
});

describe('settings form', () => {
  const form = toForm(DEFAULT_SETTINGS);

  it('accepts http(s) addresses only', () => {
    expect(validateForm(form)).toEqual({});
    expect(validateForm({ ...form, nekosiaUrl: 'file:///etc/passwd', whatanimeUrl: ' ' })).toEqual({
      nekosiaUrl: 'Enter an http:// or https:// address.',
      whatanimeUrl: 'Enter the service address.',
    });
  });

  it('patches only what changed', () => {
    expect(toPatch(form, DEFAULT_SETTINGS)).toEqual({});
    expect(toPatch({ ...form, nekosiaUrl: 'http://127.0.0.1:1/api/v1' }, DEFAULT_SETTINGS)).toEqual({
      services: { nekosiaUrl: 'http://127.0.0.1:1/api/v1' },
    });
    expect(
      toPatch(
        { ...form, alternateCopyMode: 'markdown', keepHistory: false, showAdult: false },
        DEFAULT_SETTINGS,
      ),
    ).toEqual({ picker: { alternateCopyMode: 'markdown' }, identify: { keepHistory: false } });
  });
});
