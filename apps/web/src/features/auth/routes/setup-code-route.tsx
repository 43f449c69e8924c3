import { useState, type FormEvent } from 'react';
import { Anchor, Button, Checkbox, Paper, PasswordInput, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN } from '@tadamon/shared';
import { ErrorAlert } from '../../../components/error-alert';
import { usePreviewSetupCode, type SetupCodePreview } from '../api/preview-setup-code';
import { useRedeemSetupCode } from '../api/redeem-setup-code';

type Secret = 'pin' | 'password';

/**
 * First sign-in of a volunteer a leader signed up: type the code from the slip, see whose
 * account it is, choose a 6-digit PIN (or a password), and you are in.
 */
export function SetupCodeRoute() {
  const { t } = useTranslation(['auth', 'errors']);
  const preview = usePreviewSetupCode();
  const [code, setCode] = useState('');

  const lookUp = (event: FormEvent) => {
    event.preventDefault();
    if (code.trim()) preview.mutate(code);
  };

  return (
    <Paper withBorder shadow="xs" p="lg">
      <Title order={1} size="h2" id="setup-title" mb="xs">
        {t('auth:setup.title')}
      </Title>
      {preview.data ? (
        <ChooseSecret code={code} account={preview.data} />
      ) : (
        <form onSubmit={lookUp} noValidate aria-labelledby="setup-title">
          <Stack gap="md">
            <Text>{t('auth:setup.intro')}</Text>
            <ErrorAlert error={preview.error} />
            <TextInput
              label={t('auth:setup.code')}
              description={t('auth:setup.codeHint')}
              autoComplete="one-time-code"
              autoCapitalize="characters"
              spellCheck={false}
              dir="ltr"
              required
              value={code}
              onChange={(event) => setCode(event.currentTarget.value)}
            />
            <Button type="submit" loading={preview.isPending} fullWidth>
              {t('auth:setup.next')}
            </Button>
            <Anchor component={Link} to="/sign-in" size="sm">
              {t('auth:backToSignIn')}
            </Anchor>
          </Stack>
        </form>
      )}
    </Paper>
  );
}

function ChooseSecret({ code, account }: { code: string; account: SetupCodePreview }) {
  const { t } = useTranslation(['auth', 'errors', 'validation']);
  const navigate = useNavigate();
  const redeem = useRedeemSetupCode();
  const [kind, setKind] = useState<Secret>('pin');
  const [secret, setSecret] = useState('');
  const [again, setAgain] = useState('');
  const [sharedDevice, setSharedDevice] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    if (kind === 'pin' && !/^\d{6}$/.test(secret)) return setProblem(t('auth:setup.pinSixDigits'));
    if (kind === 'password' && secret.length < PASSWORD_MIN) return setProblem(t('validation:tooShort', { count: PASSWORD_MIN }));
    if (secret !== again) return setProblem(t('auth:setup.mismatch'));
    redeem.mutate(
      kind === 'pin' ? { code, pin: secret, sharedDevice } : { code, password: secret, sharedDevice },
      { onSuccess: () => void navigate('/', { replace: true }) },
    );
  };

  const numeric = kind === 'pin' ? { inputMode: 'numeric' as const, maxLength: 6, pattern: '[0-9]*' } : {};
  return (
    <form onSubmit={submit} noValidate aria-labelledby="setup-title">
      <Stack gap="md">
        <Text data-testid="setup-welcome">{t('auth:setup.welcome', { name: account.name, organisation: account.organisationName })}</Text>
        <Text size="sm">
          {t('auth:setup.signInName')} <strong dir="ltr">{account.signInName}</strong>
        </Text>
        <SegmentedControl
          value={kind}
          onChange={(value) => {
            setKind(value as Secret);
            setSecret('');
            setAgain('');
          }}
          data={[
            { value: 'pin', label: t('auth:setup.usePin') },
            { value: 'password', label: t('auth:setup.usePassword') },
          ]}
          aria-label={t('auth:setup.choose')}
        />
        <ErrorAlert error={redeem.error} />
        <PasswordInput
          label={kind === 'pin' ? t('auth:setup.pin') : t('auth:setup.password')}
          description={kind === 'pin' ? t('auth:setup.pinHint') : t('auth:reset.intro', { count: PASSWORD_MIN })}
          autoComplete="new-password"
          required
          dir="ltr"
          visibilityToggleButtonProps={{ 'aria-label': t('auth:showPassword') }}
          value={secret}
          onChange={(event) => setSecret(event.currentTarget.value)}
          error={problem}
          {...numeric}
        />
        <PasswordInput
          label={kind === 'pin' ? t('auth:setup.pinAgain') : t('auth:setup.passwordAgain')}
          autoComplete="new-password"
          required
          dir="ltr"
          visibilityToggleButtonProps={{ 'aria-label': t('auth:showPassword') }}
          value={again}
          onChange={(event) => setAgain(event.currentTarget.value)}
          {...numeric}
        />
        <Checkbox
          label={t('auth:signIn.sharedDevice')}
          description={t('auth:signIn.sharedDeviceHint')}
          checked={sharedDevice}
          onChange={(event) => setSharedDevice(event.currentTarget.checked)}
        />
        <Button type="submit" loading={redeem.isPending} fullWidth>
          {t('auth:setup.submit')}
        </Button>
      </Stack>
    </form>
  );
}
