import { ActionIcon, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ArrowDownIcon, ArrowUpIcon } from '../../../components/icons';

/** Accessible up/down buttons (no drag and drop: it fails keyboards, screen readers and small phones). */
export function ReorderButtons({ index, count, name, onMove, disabled }: { index: number; count: number; name: string; onMove: (to: number) => void; disabled?: boolean }) {
  const { t } = useTranslation('courseAuthoring');
  return (
    <Group gap={4} wrap="nowrap">
      <ActionIcon variant="default" size="lg" aria-label={t('outline.moveUp', { name })} disabled={disabled || index === 0} onClick={() => onMove(index - 1)}>
        <ArrowUpIcon />
      </ActionIcon>
      <ActionIcon variant="default" size="lg" aria-label={t('outline.moveDown', { name })} disabled={disabled || index === count - 1} onClick={() => onMove(index + 1)}>
        <ArrowDownIcon />
      </ActionIcon>
    </Group>
  );
}

/** The ids with the one at `from` moved to `to`. */
export function moved(ids: string[], from: number, to: number): string[] {
  const next = [...ids];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}
