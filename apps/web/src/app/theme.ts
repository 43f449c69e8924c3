import { createTheme, type CSSVariablesResolver } from '@mantine/core';
import { accessibleColors } from './accessible-colors';

export const theme = createTheme({
  primaryColor: 'blue',
  // Shade 8 keeps white button text above 4.5:1 contrast (shade 6 is only ~3.5:1).
  primaryShade: 8,
  colors: accessibleColors,
  defaultRadius: 'md',
  focusRing: 'auto',
  // Drawers, modals and menus appear without sliding when the system asks for less motion.
  respectReducedMotion: true,
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", "Noto Naskh Arabic", Tahoma, Arial, sans-serif',
  headings: {
    fontFamily:
      'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", "Noto Naskh Arabic", Tahoma, Arial, sans-serif',
  },
});

/**
 * Mantine's "dimmed" and placeholder greys are below AA contrast on white (placeholder 2.1:1,
 * and WCAG counts placeholder text as text); use a darker grey. Its "light"
 * buttons and badges put shade 9 text on shade 1, and on shade 2 when hovered (4.0:1 for
 * blue): one shade lighter each keeps hovered text at 4.5:1.
 */
export const cssVariablesResolver: CSSVariablesResolver = (resolved) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
    ...Object.fromEntries(
      Object.keys(resolved.colors).flatMap((name) => [
        [`--mantine-color-${name}-light`, `var(--mantine-color-${name}-0)`],
        [`--mantine-color-${name}-light-hover`, `var(--mantine-color-${name}-1)`],
      ]),
    ),
  },
  dark: {},
});
