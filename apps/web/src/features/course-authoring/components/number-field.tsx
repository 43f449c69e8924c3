import { TextInput } from '@mantine/core';

/** A whole-number input; empty means null where `nullable` (e.g. "no attempt limit"). */
export function NumberField({ label, value, onChange, min, max, nullable, description, disabled, testId }: {
  label: string;
  value: number | null;
  onChange: (value: number | null) => void;
  min: number;
  max: number;
  nullable?: boolean;
  description?: string;
  disabled?: boolean;
  testId?: string;
}) {
  return (
    <TextInput
      type="number"
      inputMode="numeric"
      label={label}
      description={description}
      min={min}
      max={max}
      value={value ?? ''}
      disabled={disabled}
      required={!nullable}
      data-testid={testId}
      onChange={(e) => {
        const raw = e.currentTarget.value;
        if (raw === '') onChange(nullable ? null : min);
        else onChange(Math.trunc(Number(raw)));
      }}
    />
  );
}
