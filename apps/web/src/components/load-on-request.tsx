import { useState, type ReactNode } from 'react';
import { Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SMALL_IMAGE_BYTES, useDataSaver } from '../lib/data-saver';

export type HeavyMedia = 'video' | 'audio' | 'image';

/**
 * Shows its media (children) at once, unless the data saver is on: then only a button that
 * says what would load and how big it is, and nothing is downloaded until it is pressed.
 * An image known to be small (a thumbnail) loads anyway.
 */
export function LoadOnRequest({ kind, sizeBytes, size, children }: { kind: HeavyMedia; sizeBytes?: number | null; size?: string; children: ReactNode }) {
  const { t } = useTranslation('common');
  const dataSaver = useDataSaver();
  const [asked, setAsked] = useState(false);
  const small = kind === 'image' && sizeBytes != null && sizeBytes <= SMALL_IMAGE_BYTES;
  if (!dataSaver || asked || small) return <>{children}</>;
  return (
    <Stack gap={4} align="flex-start" data-testid="data-saver-placeholder" data-kind={kind}>
      <Button variant="light" onClick={() => setAsked(true)} data-testid="load-media">
        {size ? t(`dataSaver.load.${kind}Size`, { size }) : t(`dataSaver.load.${kind}`)}
      </Button>
      <Text size="xs" c="dimmed">
        {t('dataSaver.held')}
      </Text>
    </Stack>
  );
}
