import { describe, expect, it } from 'vitest';
import { isWeakPin, newSetupCode } from './setup-code.js';

describe('setup codes', () => {
  it('are twelve characters without look-alikes, shown in groups of four', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const { display, normalised } = newSetupCode();
      expect(display).toMatch(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);
      expect(display.replace(/-/g, '')).toBe(normalised);
      seen.add(normalised);
    }
    expect(seen.size).toBe(200);
  });
});

describe('weak PINs', () => {
  it.each(['000000', '999999', '123456', '234567', '654321', '890123', '121212', '112233'])('refuses %s', (pin) => {
    expect(isWeakPin(pin)).toBe(true);
  });
  it.each(['583920', '402917', '771305'])('accepts %s', (pin) => {
    expect(isWeakPin(pin)).toBe(false);
  });
  it('refuses the last six digits of the person\'s own phone number', () => {
    expect(isWeakPin('483917', '+212612483917')).toBe(true);
    expect(isWeakPin('583920', '+212612483917')).toBe(false);
  });
});
