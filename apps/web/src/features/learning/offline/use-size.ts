import { useTranslation } from 'react-i18next';

/** Sizes in the reader's language: "1.4 MB", "١٫٤ م.ب". */
export function useSize(): (bytes: number) => string {
  const { i18n } = useTranslation();
  const mb = new Intl.NumberFormat(i18n.language, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 });
  const kb = new Intl.NumberFormat(i18n.language, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 });
  return (bytes) => (bytes >= 1e6 ? mb.format(bytes / 1e6) : kb.format(Math.max(1, Math.round(bytes / 1e3))));
}
