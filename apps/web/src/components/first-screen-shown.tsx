import { useEffect } from 'react';
import { firstScreenShown } from '../lib/first-screen';

/**
 * Placed beside a layout's <Outlet /> inside its Suspense boundary: React commits it only
 * together with the screen, never with the skeleton, so its effect marks the moment the first
 * screen is usable (work that can wait, such as the service worker, starts after it).
 */
export function FirstScreenShown() {
  useEffect(firstScreenShown, []);
  return null;
}
