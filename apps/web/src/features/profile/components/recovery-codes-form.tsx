import { useState } from 'react';
import { Button, Code, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PasswordAndCodeFields } from './password-and-code-fields';
import { ErrorAlert } from '../../../components/error-alert';
import { useRegenerateRecoveryCodes } from '../api/regenerate-recovery-codes';

/**
 * Ten new recovery codes for someone who used or lost theirs: the password and a current code
 * first; the new codes are shown this once, and every old one stops working.
 */
export function RecoveryCodesForm() {
  const { t } = useTranslation(['twoFactor', 'auth']);
  const regenerate = useRegenerateRecoveryCodes();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [codes, setCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  if (codes) {
    return (
      <Stack gap="sm" data-testid="new-recovery-codes">
        <Title order={3} size="h4">
          {t('twoFactor:regenerate.shownOnce')}
        </Title>
        <List listStyleType="none" spacing={4} ps={0}>
          {codes.map((c) => (
            <List.Item key={c}>
              <Code dir="ltr" fz="md">
                {c}
              </Code>
            </List.Item>
          ))}
        </List>
        <Button w="fit-content" onClick={() => setCodes(null)}>
          {t('twoFactor:regenerate.saved')}
        </Button>
      </Stack>
    );
  }
  if (!open) {
    return (
      <Button variant="light" w="fit-content" onClick={() => setOpen(true)}>
        {t('twoFactor:regenerate.open')}
      </Button>
    );
  }
  return (
    <form
      noValidate
      data-testid="recovery-codes-form"
      onSubmit={(event) => {
        event.preventDefault();
        setError(null);
        regenerate.mutate(
          { password, code },
          {
            onSuccess: (answer) => {
              setPassword('');
              setCode('');
              setOpen(false);
              setCodes(answer.recoveryCodes);
            },
            onError: setError,
          },
        );
      }}
    >
      <Stack gap="sm">
        <Text size="sm">{t('twoFactor:regenerate.intro')}</Text>
        <ErrorAlert error={error} />
        <PasswordAndCodeFields password={password} code={code} onPassword={setPassword} onCode={setCode} />
        <Button type="submit" w="fit-content" loading={regenerate.isPending}>
          {t('twoFactor:regenerate.submit')}
        </Button>
      </Stack>
    </form>
  );
}
