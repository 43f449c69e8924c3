import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PostAttachment } from '@tadamon/shared';

/** Library material attached to a post; what this reader may not see stays unnamed. */
export function PostAttachments({ attachments }: { attachments: PostAttachment[] }) {
  const { t } = useTranslation('collaboration');
  if (attachments.length === 0) return null;
  return (
    <section aria-label={t('attachments.title')} className="collab-attachments">
      <Text size="sm" fw={600}>
        {t('attachments.title')}
      </Text>
      <ul className="collab-plain-list" data-testid="attachments">
        {attachments.map((a) => (
          <li key={a.materialId}>
            {a.available && a.title !== null ? (
              <Anchor component={Link} to={`/library/${a.materialId}`} size="sm">
                {a.title}
              </Anchor>
            ) : (
              <Text size="sm" c="dimmed" data-testid="attachment-unavailable">
                {t('attachments.unavailable')}
              </Text>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
