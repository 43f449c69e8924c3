import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { directionOfContent, InLanguage, inLanguage } from './in-language';

describe('content in its own language', () => {
  it('marks a French text on an Arabic page as French, left to right', () => {
    document.documentElement.lang = 'ar';
    document.documentElement.dir = 'rtl';
    render(
      <main>
        <InLanguage language="fr" as="h2">
          Lettre commune au ministre
        </InLanguage>
        <InLanguage language="ar-MA">رسالة مشتركة</InLanguage>
      </main>,
    );
    const french = screen.getByRole('heading', { name: 'Lettre commune au ministre' });
    expect(french).toHaveAttribute('lang', 'fr');
    expect(french).toHaveAttribute('dir', 'ltr');
    const arabic = screen.getByText('رسالة مشتركة');
    expect(arabic.tagName).toBe('SPAN');
    expect(arabic).toHaveAttribute('lang', 'ar-MA');
    expect(arabic).toHaveAttribute('dir', 'rtl');
    document.documentElement.lang = 'en';
    document.documentElement.dir = 'ltr';
  });

  it('leaves the language to the page and the direction to the text when it is not known', () => {
    render(<InLanguage language={null}>Salam, ça va?</InLanguage>);
    const text = screen.getByText('Salam, ça va?');
    expect(text).not.toHaveAttribute('lang');
    expect(text).toHaveAttribute('dir', 'auto');
    expect(inLanguage(undefined)).toEqual({ dir: 'auto' });
  });

  it('knows the right-to-left scripts content may come in, beyond the interface languages', () => {
    expect(['ar', 'fa', 'ur', 'he', 'ckb', 'ps'].map(directionOfContent)).toEqual(Array(6).fill('rtl'));
    expect(['fr', 'en', 'es', 'nl', 'bm', 'ber', 'zgh'].map(directionOfContent)).toEqual(Array(7).fill('ltr'));
  });
});
