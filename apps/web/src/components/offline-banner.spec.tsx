import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../test/render';
import { OfflineBanner } from './offline-banner';

describe('OfflineBanner', () => {
  afterEach(() => vi.restoreAllMocks());

  it('appears when the connection drops and goes when it returns', async () => {
    const online = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(true);
    renderWithProviders(<OfflineBanner />, { session: null });
    expect(screen.queryByRole('status')).not.toBeInTheDocument();

    online.mockReturnValue(false);
    act(() => void window.dispatchEvent(new Event('offline')));
    expect(await screen.findByRole('status')).toHaveTextContent('You are offline.');
    // Work in saved courses is not lost: the banner says it is kept and sent later.
    expect(screen.getByRole('status')).toHaveTextContent('kept on this device and sent when the connection returns');

    online.mockReturnValue(true);
    act(() => void window.dispatchEvent(new Event('online')));
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });
});
