import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MATERIAL_STANDARD_TOPICS } from '@tadamon/shared';
import { useMaterialTopics } from '../../../api/get-material-topics';

/** Standard topics and the network's custom ones; the value is `LEADERSHIP` or `custom:<id>`. */
export function TopicSelect({ networkId, value, onChange, disabled }: { networkId: string; value: string; onChange: (v: string) => void; disabled?: boolean }) {
  const { t } = useTranslation('courseAuthoring');
  const topics = useMaterialTopics();
  const custom = topics.data?.items.filter((item) => item.networkId === networkId) ?? [];
  return (
    <NativeSelect label={t('fields.topic')} value={value} onChange={(e) => onChange(e.currentTarget.value)} disabled={disabled}>
      {MATERIAL_STANDARD_TOPICS.map((k) => (
        <option key={k} value={k}>
          {t(`topics.${k}`)}
        </option>
      ))}
      {custom.map((item) => (
        <option key={item.id} value={`custom:${item.id}`}>
          {item.name}
        </option>
      ))}
    </NativeSelect>
  );
}

export const topicValue = (standardTopic: string | null, customTopicId: string | null | undefined) =>
  customTopicId ? `custom:${customTopicId}` : (standardTopic ?? MATERIAL_STANDARD_TOPICS[0]);

export const topicFields = (value: string) =>
  value.startsWith('custom:')
    ? { standardTopic: null, customTopicId: value.slice(7) }
    : { standardTopic: value as (typeof MATERIAL_STANDARD_TOPICS)[number], customTopicId: null };
