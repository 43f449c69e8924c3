import { Suspense, lazy } from 'react';
import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { firstScreenShown } from '../lib/first-screen';
import { FirstScreenShown } from './first-screen-shown';

vi.mock('../lib/first-screen', () => ({ firstScreenShown: vi.fn() }));

describe('FirstScreenShown', () => {
  it('marks the first screen only once the screen itself, not its skeleton, is on the page', async () => {
    let arrive: (module: { default: () => React.JSX.Element }) => void = () => {};
    const Screen = lazy(() => new Promise<{ default: () => React.JSX.Element }>((resolve) => (arrive = resolve)));
    render(
      <Suspense fallback={<p>skeleton</p>}>
        <Screen />
        <FirstScreenShown />
      </Suspense>,
    );
    expect(await screen.findByText('skeleton')).toBeInTheDocument();
    expect(firstScreenShown).not.toHaveBeenCalled();

    arrive({ default: () => <h1>Sign in</h1> });
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(firstScreenShown).toHaveBeenCalledTimes(1);
  });
});
