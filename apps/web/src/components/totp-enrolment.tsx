import { useState } from 'react';
import { Alert, Button, Code, Image, List, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RecoveryCodes, TotpEnrolment as Enrolment } from '@tadamon/shared';
import { useErrorMessage } from './error-alert';

interface Props {
  start: () => Promise<Enrolment>;
  confirm: (code: string) => Promise<RecoveryCodes>;
  /** After the person has seen (and, we hope, saved) their recovery codes. */
  onDone: () => void;
}

/**
 * Setting up TOTP: a new secret as a QR code and as a key to type, a first code to confirm
 * it, then the ten recovery codes, shown this once. Used at a coordinator's first sign-in
 * and on the profile page; the caller says which endpoints to call.
 */
export function TotpEnrolment({ start, confirm, onDone }: Props) {
  const { t } = useTranslation('twoFactor');
  const messageOf = useErrorMessage();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const run = async (work: () => Promise<void>) => {
    setError(null);
    setBusy(true);
    try {
      await work();
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };

  const alert = error ? (
    <Alert color="red" variant="light" role="alert" data-testid="totp-error">
      {messageOf(error)}
    </Alert>
  ) : null;

  if (codes) {
    return (
      <Stack gap="md" data-testid="recovery-codes">
        <Title order={2} size="h3">
          {t('enrol.recoveryTitle')}
        </Title>
        <Text>{t('enrol.recoveryIntro')}</Text>
        <List listStyleType="none" spacing={4} ps={0}>
          {codes.map((c) => (
            <List.Item key={c}>
              <Code dir="ltr" fz="md">
                {c}
              </Code>
            </List.Item>
          ))}
        </List>
        <Button onClick={onDone} data-testid="recovery-codes-saved">
          {t('enrol.done')}
        </Button>
      </Stack>
    );
  }

  if (!enrolment) {
    return (
      <Stack gap="md">
        {alert}
        <Text>{t('enrol.step1')}</Text>
        <Button loading={busy} onClick={() => void run(async () => setEnrolment(await start()))} data-testid="totp-start">
          {t('enrol.start')}
        </Button>
      </Stack>
    );
  }

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void run(async () => setCodes((await confirm(code)).recoveryCodes));
      }}
    >
      <Stack gap="md">
        {alert}
        <Text>{t('enrol.step2')}</Text>
        <Image src={enrolment.qrCodeDataUrl} alt={t('enrol.qrAlt')} w={200} h={200} data-testid="totp-qr" />
        <Text size="sm">
          {t('enrol.key')}{' '}
          <Code dir="ltr" data-testid="totp-secret">
            {enrolment.secret.replace(/(.{4})/g, '$1 ').trim()}
          </Code>
        </Text>
        <TextInput
          label={t('enrol.code')}
          description={t('enrol.step3')}
          value={code}
          onChange={(event) => setCode(event.currentTarget.value)}
          autoComplete="one-time-code"
          inputMode="numeric"
          dir="ltr"
          required
          data-testid="totp-code"
        />
        <Button type="submit" loading={busy} data-testid="totp-confirm">
          {t('enrol.confirm')}
        </Button>
      </Stack>
    </form>
  );
}
