let markShown: () => void = () => {};

/** Resolves once the first screen (not its skeleton) is on the page; see FirstScreenShown. */
export const firstScreen = new Promise<void>((resolve) => (markShown = resolve));

export function firstScreenShown(): void {
  markShown();
}
