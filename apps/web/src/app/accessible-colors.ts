import type { MantineColorsTuple } from '@mantine/core';

/**
 * Mantine's palettes where shades 7–9 are too light for text: white on a filled green button
 * was 3.4:1, an orange "due" badge 2.8:1, a light green button 4.1:1. Shades 0–6 (backgrounds,
 * borders) are Mantine's; 7–9 are the same hues darkened until, on white and on shades 0–1,
 * shade 7 text reaches 4.6:1, shade 8 5.2:1 and shade 9 5.2:1 (WCAG AA asks 4.5:1). Computed
 * by scaling each shade's RGB towards black, which keeps its hue.
 */
export const accessibleColors: Record<string, MantineColorsTuple> = {
  red: ['#fff5f5', '#ffe3e3', '#ffc9c9', '#ffa8a8', '#ff8787', '#ff6b6b', '#fa5252', '#d83838', '#ce2d2d', '#b32525'],
  cyan: ['#e3fafc', '#c5f6fa', '#99e9f2', '#66d9e8', '#3bc9db', '#22b8cf', '#15aabf', '#0d8091', '#0b7688', '#0a6778'],
  teal: ['#e6fcf5', '#c3fae8', '#96f2d7', '#63e6be', '#38d9a9', '#20c997', '#12b886', '#0a8560', '#087c58', '#076b4c'],
  green: ['#ebfbee', '#d3f9d8', '#b2f2bb', '#8ce99a', '#69db7c', '#51cf66', '#40c057', '#29853a', '#257b35', '#216a30'],
  lime: ['#f4fce3', '#e9fac8', '#d8f5a2', '#c0eb75', '#a9e34b', '#94d82d', '#82c91e', '#51810f', '#49790b', '#406809'],
  yellow: ['#fff9db', '#fff3bf', '#ffec99', '#ffe066', '#ffd43b', '#fcc419', '#fab005', '#a26900', '#9e5c00', '#914b00'],
  orange: ['#fff4e6', '#ffe8cc', '#ffd8a8', '#ffc078', '#ffa94d', '#ff922b', '#fd7e14', '#c35106', '#ba470a', '#a7370c'],
};
