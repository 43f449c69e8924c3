import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MaterialFile } from '@tadamon/shared';
import { useSizeFormat } from './use-size-format';

/** For the people who manage the material: each derived file and its state, with the reason when it is missing. */
export function MediaStatus({ file }: { file: MaterialFile }) {
  const { t } = useTranslation('materials');
  const format = useSizeFormat();
  if (file.derivatives.length === 0) return null;
  return (
    <div data-testid="media-status">
      <Text fw={600} size="sm">
        {t('media.prepared')}
      </Text>
      <List size="sm" spacing={2}>
        {file.derivatives.map((d) => {
          const reason = t(`media.reason.${d.failureReason ?? 'UNKNOWN'}`, { defaultValue: t('media.reason.UNKNOWN') });
          return (
            <List.Item key={d.kind}>
              <Text span size="sm" c={d.status === 'FAILED' ? 'red' : undefined}>
                {t(`media.kind.${d.kind}`)} — {t(`media.state.${d.status}`, { size: format.bytes(d.sizeBytes ?? 0), reason })}
              </Text>
            </List.Item>
          );
        })}
      </List>
    </div>
  );
}
