import type { Locator, Page } from 'playwright-core';

/**
 * The main navigation, reached as a person would: on a phone its links sit in a drawer behind
 * the header's menu button; on a wide screen they are always in view. Language-neutral (test
 * ids), so journeys in French or Arabic use it too.
 */
export async function openMainNavigation(page: Page): Promise<Locator> {
  const menu = page.getByTestId('main-menu-button');
  if ((await menu.isVisible()) && (await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
  const navigation = page.getByTestId('main-navigation');
  await navigation.waitFor();
  // The drawer slides in: wait until it has settled, so positions and screenshots are final.
  await page.waitForFunction(() => {
    const drawer = document.querySelector('[data-testid=main-navigation]')?.closest('[role=dialog]');
    if (!drawer) return true; // wide screen: no drawer
    return getComputedStyle(drawer).opacity === '1' && drawer.getAnimations({ subtree: true }).length === 0;
  });
  return navigation;
}

/** Follows one entry of the main navigation (its exact visible name); the drawer closes itself. */
export async function followMainNavigation(page: Page, name: string): Promise<void> {
  const navigation = await openMainNavigation(page);
  await navigation.getByRole('link', { name, exact: true }).click();
}

/** Closes the phone drawer with Escape, as a keyboard user would; nothing to do on wide screens. */
export async function closeMainNavigation(page: Page): Promise<void> {
  const menu = page.getByTestId('main-menu-button');
  if (!(await menu.isVisible()) || (await menu.getAttribute('aria-expanded')) !== 'true') return;
  await page.keyboard.press('Escape');
  await page.getByTestId('main-navigation').waitFor({ state: 'detached' });
}
