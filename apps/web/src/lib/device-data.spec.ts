import { describe, expect, it } from 'vitest';
import { clearPersonalDeviceData } from './device-data';

describe('clearPersonalDeviceData', () => {
  it('empties local and session storage', async () => {
    localStorage.setItem('tadamon.lang', 'ar');
    sessionStorage.setItem('draft', 'hello');
    await clearPersonalDeviceData();
    expect(localStorage.length).toBe(0);
    expect(sessionStorage.length).toBe(0);
  });
});
