import { Button, Group, SegmentedControl, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACCREDITATION_RATINGS, type AccreditationRating } from '@tadamon/shared';

/** A reviewer's rating of one criterion, with a comment the organisation will read. */
export function ReviewForm({
  rating,
  comment,
  saving,
  onSave,
}: {
  rating: AccreditationRating | null;
  comment: string;
  saving: boolean;
  onSave: (rating: AccreditationRating, comment: string) => void;
}) {
  const { t } = useTranslation('accreditation');
  const [value, setValue] = useState<AccreditationRating | null>(rating);
  const [text, setText] = useState(comment);
  return (
    <Stack gap="xs">
      <SegmentedControl
        aria-label={t('review.rating')}
        value={value ?? ''}
        onChange={(next) => setValue(next as AccreditationRating)}
        data={ACCREDITATION_RATINGS.map((r) => ({ value: r, label: t(`rating.${r}`) }))}
        fullWidth
      />
      <Textarea label={t('review.comment')} value={text} onChange={(event) => setText(event.currentTarget.value)} autosize minRows={2} maxLength={4000} />
      <Group>
        <Button size="sm" disabled={!value || (value === rating && text === comment)} loading={saving} onClick={() => value && onSave(value, text)}>
          {t('review.save')}
        </Button>
      </Group>
    </Stack>
  );
}
