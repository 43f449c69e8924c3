import type { SVGProps } from 'react';

/**
 * Small line icons drawn as SVG: emoji and dingbats (🔒, ☑, ↑) are missing from the fonts of
 * some cheap phones, which then draw empty boxes. Decorative: the text next to them says it all,
 * so they are hidden from screen readers; they take the text's colour and size.
 */
type IconProps = Omit<SVGProps<SVGSVGElement>, 'children'> & { size?: number };

function Icon({ size = 16, children, ...rest }: IconProps & { children: React.ReactNode }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      {...rest}
    >
      {children}
    </svg>
  );
}

export const CheckIcon = (p: IconProps) => <Icon data-icon="check" {...p}><path d="M5 12l5 5L20 7" /></Icon>;
export const LockIcon = (p: IconProps) => (
  <Icon data-icon="lock" {...p}>
    <rect x="5" y="11" width="14" height="10" rx="2" />
    <path d="M8 11V7a4 4 0 0 1 8 0v4" />
  </Icon>
);
export const CircleIcon = (p: IconProps) => <Icon data-icon="circle" {...p}><circle cx="12" cy="12" r="7" /></Icon>;
export const BoxCheckedIcon = (p: IconProps) => (
  <Icon data-icon="box-checked" {...p}>
    <rect x="4" y="4" width="16" height="16" rx="2" />
    <path d="M8 12l3 3 5-6" />
  </Icon>
);
export const BoxIcon = (p: IconProps) => <Icon data-icon="box" {...p}><rect x="4" y="4" width="16" height="16" rx="2" /></Icon>;
export const ArrowUpIcon = (p: IconProps) => <Icon data-icon="arrow-up" {...p}><path d="M12 19V5M6 11l6-6 6 6" /></Icon>;
export const ArrowDownIcon = (p: IconProps) => <Icon data-icon="arrow-down" {...p}><path d="M12 5v14M6 13l6 6 6-6" /></Icon>;
export const FilterIcon = (p: IconProps) => <Icon data-icon="filter" {...p}><path d="M4 5h16l-6 8v5l-4 2v-7z" /></Icon>;
