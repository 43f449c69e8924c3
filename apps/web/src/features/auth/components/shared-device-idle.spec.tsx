import { act, screen } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, mockFetch, renderWithProviders, volunteerSession } from '../../../test/render';
import { SharedDeviceIdle } from './shared-device-idle';

function renderIdle(sharedDevice: boolean) {
  return renderWithProviders(
    <Routes>
      <Route path="/" element={<SharedDeviceIdle />} />
      <Route path="/sign-in" element={<p>sign-in page</p>} />
    </Routes>,
    { session: { ...volunteerSession, sharedDevice } },
  );
}

afterEach(() => {
  vi.useRealTimers();
});

describe('SharedDeviceIdle', () => {
  it('on a shared phone, signs out after 15 minutes without use and clears what the app stored', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    const calls = mockFetch({ 'POST /api/auth/sign-out': () => new Response(null, { status: 204 }) });
    localStorage.setItem('tadamon.something', 'personal');
    const { queryClient } = renderIdle(true);

    await act(async () => {
      vi.advanceTimersByTime(10 * 60_000);
    });
    window.dispatchEvent(new Event('pointerdown')); // still in use: the 15 minutes start again
    await act(async () => {
      vi.advanceTimersByTime(10 * 60_000);
    });
    expect(calls.some((c) => c.url === '/api/auth/sign-out')).toBe(false);

    await act(async () => {
      vi.advanceTimersByTime(6 * 60_000);
    });
    vi.useRealTimers();
    expect(await screen.findByText('sign-in page')).toBeInTheDocument();
    expect(calls.some((c) => c.url === '/api/auth/sign-out')).toBe(true);
    expect(localStorage.getItem('tadamon.something')).toBeNull();
    // The sign-in page will say why (the only thing written after the clearing).
    expect(sessionStorage.getItem('tadamon.signedOutIdle')).toBe('1');
    expect(queryClient.getQueryData(['session'])).toBeNull();
  });

  it('leaves an ordinary session alone', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    const calls = mockFetch({ 'GET /api/auth/csrf': () => json(200, { csrfToken: 't' }) });
    localStorage.setItem('tadamon.something', 'kept');
    renderIdle(false);
    await act(async () => {
      vi.advanceTimersByTime(60 * 60_000);
    });
    expect(calls.some((c) => c.url === '/api/auth/sign-out')).toBe(false);
    expect(localStorage.getItem('tadamon.something')).toBe('kept');
  });
});
