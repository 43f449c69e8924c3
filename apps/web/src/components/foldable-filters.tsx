import { useEffect, useId, useRef, useState, type ReactNode, type RefObject } from 'react';
import { Badge, Button, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FilterIcon } from './icons';

/** Phones: the width below Mantine's `sm` breakpoint, where filters fold away (app.css). */
const PHONE = '(max-width: 47.99em)';
const onPhone = () => typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia(PHONE).matches;

/**
 * The search box stays in view; on phones the other filters fold behind one "Filters" button
 * (with how many are on), so the results start on the first screen. On wider screens the
 * button is hidden and the filters always show (CSS only: no layout jump on load).
 */
export function FoldableFilters({ search, activeCount, children }: { search: ReactNode; activeCount: number; children: ReactNode }) {
  const { t } = useTranslation('common');
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <Stack gap="xs" className="foldable-filters">
      {search}
      <Button
        variant="default"
        className="foldable-filters__toggle"
        leftSection={<FilterIcon />}
        rightSection={activeCount > 0 ? <Badge size="sm" circle>{activeCount}</Badge> : null}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
        data-testid="filters-toggle"
      >
        {t('filters.button')}
      </Button>
      <div id={panelId} className={open ? 'foldable-filters__panel is-open' : 'foldable-filters__panel'} data-testid="filters-panel">
        {children}
      </div>
    </Stack>
  );
}

/**
 * After a search on a phone, bring the results to the top of the screen: the keyboard and the
 * filters above would otherwise hide them. Runs when the query changes and the answer is in.
 */
export function useScrollToResults(query: string | undefined, ready: boolean): RefObject<HTMLDivElement | null> {
  const results = useRef<HTMLDivElement | null>(null);
  const last = useRef(query);
  useEffect(() => {
    if (!ready || query === last.current) return;
    last.current = query;
    if (query && onPhone()) results.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, [query, ready]);
  return results;
}
