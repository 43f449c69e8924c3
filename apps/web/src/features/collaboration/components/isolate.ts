/**
 * Wraps a value in Unicode first-strong isolates (FSI … PDI) before it goes into a translated
 * sentence: a Latin name or a date inside Arabic text (or the reverse) then keeps its own
 * direction instead of reordering its neighbours. Works in plain strings, e.g. <option> labels.
 */
export function isolate(value: string): string {
  return `\u2068${value}\u2069`;
}
