import { describe, expect, it } from 'vitest';
import { fitSms, smsLength, truncateSms } from './sms-segments.js';

describe('SMS segments', () => {
  it('counts plain French and English in GSM-7: 160 in one part, 153 per part beyond', () => {
    expect(smsLength('a'.repeat(160))).toEqual({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(smsLength('a'.repeat(161))).toEqual({ encoding: 'GSM-7', units: 161, segments: 2 });
    expect(smsLength('a'.repeat(306)).segments).toBe(2);
    expect(smsLength('a'.repeat(307)).segments).toBe(3);
    expect(smsLength('Réunion à Rabat, mercredi').encoding).toBe('GSM-7');
  });

  it('counts the extension characters (€, [ ]) as two septets', () => {
    expect(smsLength('€'.repeat(80))).toMatchObject({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(smsLength('€'.repeat(81)).segments).toBe(2);
  });

  it('counts Arabic, "ç" and emoji in UCS-2: 70 in one part, 67 per part beyond', () => {
    const arabic = 'رمز إعادة التعيين';
    expect(smsLength(arabic).encoding).toBe('UCS-2');
    expect(smsLength('ب'.repeat(70)).segments).toBe(1);
    expect(smsLength('ب'.repeat(71)).segments).toBe(2);
    expect(smsLength('ب'.repeat(134)).segments).toBe(2);
    expect(smsLength('ب'.repeat(135)).segments).toBe(3);
    // One "ç" turns a whole French text into UCS-2.
    expect(smsLength(`${'a'.repeat(69)}ç`)).toMatchObject({ encoding: 'UCS-2', segments: 1 });
    expect(smsLength(`${'a'.repeat(70)}ç`)).toMatchObject({ encoding: 'UCS-2', segments: 2 });
    // An emoji is two UTF-16 units.
    expect(smsLength('😀'.repeat(35))).toMatchObject({ units: 70, segments: 1 });
  });

  it('cuts a long text to two parts at a word, with an ellipsis of its own alphabet', () => {
    const latin = truncateSms('word '.repeat(100));
    expect(smsLength(latin)).toMatchObject({ encoding: 'GSM-7', segments: 2 });
    expect(latin.endsWith('word...')).toBe(true);
    const arabic = truncateSms('كلمة '.repeat(60));
    expect(smsLength(arabic)).toMatchObject({ encoding: 'UCS-2', segments: 2 });
    expect(arabic.endsWith('كلمة…')).toBe(true);
    // Never splits an emoji in half.
    const emoji = truncateSms('😀'.repeat(100));
    expect(emoji).not.toMatch(/[\uD800-\uDBFF]…$/);
    expect(smsLength(emoji).segments).toBe(2);
  });

  it('shortens only the free text so that a code and a link survive whole', () => {
    const render = (v: { title: string }) => `اجتماع "${v.title}" غدًا. التفاصيل: https://tadamon.example/meetings/0f1e2d3c`;
    const text = fitSms(render, { title: 'تدريب '.repeat(40) }, 'title');
    expect(smsLength(text).segments).toBeLessThanOrEqual(2);
    expect(text).toContain('https://tadamon.example/meetings/0f1e2d3c');
    expect(text).toContain('…"');
    const short = fitSms(render, { title: 'قصير' }, 'title');
    expect(short).toBe(render({ title: 'قصير' }));
  });
});
