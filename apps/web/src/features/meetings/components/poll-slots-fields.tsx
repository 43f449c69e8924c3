import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { translateFieldError } from '../../../lib/form';

export interface SlotValue {
  startLocal: string;
  endLocal: string;
}

/** Proposed times for "find a time", typed as wall-clock times in the meeting's zone. */
export function PollSlotsFields({
  slots,
  onChange,
  errors,
}: {
  slots: SlotValue[];
  onChange: (slots: SlotValue[]) => void;
  /** Server field errors keyed "slots", "slots.0.startLocal"… */
  errors: Record<string, string>;
}) {
  const { t } = useTranslation(['meetings', 'validation']);
  const set = (index: number, patch: Partial<SlotValue>) => onChange(slots.map((s, i) => (i === index ? { ...s, ...patch } : s)));
  const error = (key: string) => (errors[key] ? translateFieldError(t, errors[key]) : undefined);
  return (
    <Stack gap="xs" data-testid="poll-slots">
      <Text fw={600} size="sm">
        {t('meetings:poll.slots')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('meetings:poll.slotsHint')}
      </Text>
      {slots.map((slot, index) => (
        <Group key={index} align="flex-end" wrap="wrap" gap="xs">
          <TextInput
            type="datetime-local"
            label={t('meetings:poll.slotStart', { number: index + 1 })}
            required
            value={slot.startLocal}
            onChange={(e) => set(index, { startLocal: e.currentTarget.value })}
            error={error(`slots.${index}.startLocal`)}
          />
          <TextInput
            type="datetime-local"
            label={t('meetings:poll.slotEnd', { number: index + 1 })}
            required
            value={slot.endLocal}
            onChange={(e) => set(index, { endLocal: e.currentTarget.value })}
            error={error(`slots.${index}.endLocal`)}
          />
          {slots.length > 1 ? (
            <Button variant="subtle" color="red.9" onClick={() => onChange(slots.filter((_, i) => i !== index))}>
              {t('meetings:poll.removeSlot', { number: index + 1 })}
            </Button>
          ) : null}
        </Group>
      ))}
      {error('slots') ? (
        <Text c="red" size="sm">
          {error('slots')}
        </Text>
      ) : null}
      {slots.length < 20 ? (
        <Button variant="light" w="fit-content" onClick={() => onChange([...slots, { ...slots[slots.length - 1]! }])} data-testid="poll-add-slot">
          {t('meetings:poll.addSlot')}
        </Button>
      ) : null}
    </Stack>
  );
}
