import { describe, expect, it } from 'vitest';
import * as contract from '../../../preload/contract';
import {
  describeQuota,
  describeUpload,
  formatBytes,
  formatEpisode,
  formatMoment,
  formatSimilarity,
  formatTimestamp,
  formatWhen,
  isWebUrl,
  otherTitles,
  summarizeCandidates,
} from '../../../renderer/src/lib/identify-format';
import { labelFor, refuseImageFile } from '../../../renderer/src/lib/identify-input';
import { isLocalMedia } from '../../../renderer/src/lib/media-url';
import {
  LIKELY_SIMILARITY,
  MAX_IDENTIFY_BYTES,
  MAX_IDENTIFY_PAGE,
  RANKING_PERIODS,
} from '../../../renderer/src/lib/identify-types';

describe('the renderer’s copies of the contract’s constants', () => {
  it('still equal the contract’s', () => {
    expect(MAX_IDENTIFY_BYTES).toBe(contract.MAX_IDENTIFY_BYTES);
    expect(LIKELY_SIMILARITY).toBe(contract.LIKELY_SIMILARITY);
    expect(MAX_IDENTIFY_PAGE).toBe(contract.MAX_IDENTIFY_PAGE);
    expect(RANKING_PERIODS).toEqual(contract.RANKING_PERIODS);
  });

  it('refuse at the same 25 MB the contract’s schema does', () => {
    const at = { name: 'a.png', type: 'image/png', size: MAX_IDENTIFY_BYTES };
    expect(refuseImageFile(at)).toBeNull();
    expect(refuseImageFile({ ...at, size: MAX_IDENTIFY_BYTES + 1 })).toMatch(/up to 25 MB/);
    const name = 'x'.repeat(400);
    expect(
      contract.calls['identify:image'].request.safeParse({
        data: new Uint8Array(1),
        name: labelFor(name, 'Image'),
        source: 'drop',
      }).success,
    ).toBe(true);
  });
});

describe('identification formats', () => {
  it('writes timestamps as mm:ss, with hours for films', () => {
    expect(formatTimestamp(0)).toBe('00:00');
    expect(formatTimestamp(83.9)).toBe('01:23');
    expect(formatTimestamp(3725)).toBe('1:02:05');
    expect(formatMoment({ from: 60, at: 61, to: 63.5 })).toBe('01:00–01:03');
    expect(formatMoment({ from: 61.1, at: 61.5, to: 61.9 })).toBe('01:01');
    expect(formatMoment({ from: null, at: 61, to: null })).toBe('01:01');
  });

  it('rounds similarity down to a tenth of a percent', () => {
    expect(formatSimilarity(0.9621)).toBe('96.2%');
    expect(formatSimilarity(0.86999)).toBe('86.9%');
    expect(formatSimilarity(0.87)).toBe('87.0%');
    expect(formatSimilarity(1)).toBe('100.0%');
  });

  it('names episodes, labels and films', () => {
    expect(formatEpisode(5)).toBe('Episode 5');
    expect(formatEpisode('12')).toBe('Episode 12');
    expect(formatEpisode('1-2')).toBe('Episodes 1-2');
    expect(formatEpisode('OVA')).toBe('OVA');
    expect(formatEpisode(null)).toBe('Film');
  });

  it('describes sizes, uploads and allowances', () => {
    expect(formatBytes(950)).toBe('950 B');
    expect(formatBytes(123_456)).toBe('123 kB');
    expect(formatBytes(4_200_000)).toBe('4.2 MB');
    expect(formatBytes(31_457_280)).toBe('31 MB');
    expect(
      describeUpload({ originalBytes: 90_000, bytes: 90_000, width: 640, height: 360, cropped: false }),
    ).toBe('Uploaded 90 kB, 640×360');
    expect(describeQuota({ remaining: 1, limit: 5 })).toBe('1 of 5 searches left today');
    expect(describeQuota({ remaining: 0, limit: 5 })).toBe('No searches left today (of 5)');
    expect(summarizeCandidates([{ likely: true }, { likely: false }])).toBe('2 candidates, 1 likely');
  });

  it('says when, coarsely', () => {
    const now = Date.UTC(2025, 4, 10, 12);
    expect(formatWhen(now - 10_000, now)).toBe('just now');
    expect(formatWhen(now - 5 * 60_000, now)).toBe('5 min ago');
    expect(formatWhen(now - 3 * 3_600_000, now)).toBe('3 h ago');
    expect(formatWhen(now - 26 * 3_600_000, now)).toBe('yesterday');
    expect(formatWhen(now - 4 * 86_400_000, now)).toBe('4 days ago');
  });

  it('lists the other titles once each', () => {
    expect(otherTitles({ title: 'A', titleNative: 'A', titleEnglish: null })).toEqual([]);
    expect(otherTitles({ title: 'A', titleNative: 'あ', titleEnglish: 'B' })).toEqual(['B', 'あ']);
  });

  it('tells web links from the rest, and local media from remote', () => {
    expect(isWebUrl(' https://anilist.co/anime/1 ')).toBe(true);
    expect(isWebUrl('javascript:alert(1)')).toBe(false);
    expect(isWebUrl('file:///etc/passwd')).toBe(false);
    expect(isLocalMedia('nekodesk://cache/i/abc.jpg')).toBe(true);
    expect(isLocalMedia('/__nekodesk/cache/i/abc.jpg')).toBe(true);
    expect(isLocalMedia('//evil.example/x.jpg')).toBe(false);
    expect(isLocalMedia('https://cdn.example/x.jpg')).toBe(false);
    expect(isLocalMedia(null)).toBe(false);
  });

  it('refuses files that are not images, trusting the extension when the type is missing', () => {
    expect(refuseImageFile({ name: 'clip.mp4', type: 'video/mp4', size: 10 })).toMatch(/is not an image/);
    expect(refuseImageFile({ name: 'shot.PNG', type: '', size: 10 })).toBeNull();
    expect(refuseImageFile({ name: 'notes', type: '', size: 10 })).toMatch(/is not an image/);
    expect(refuseImageFile({ name: 'empty.png', type: 'image/png', size: 0 })).toMatch(/is empty/);
  });
});
