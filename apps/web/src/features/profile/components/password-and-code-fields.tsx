import { PasswordInput, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * The password and a current authenticator code: what turning two-factor off and making new
 * recovery codes both ask for, so that someone who only has the unlocked phone cannot.
 */
export function PasswordAndCodeFields({
  password,
  code,
  onPassword,
  onCode,
}: {
  password: string;
  code: string;
  onPassword: (value: string) => void;
  onCode: (value: string) => void;
}) {
  const { t } = useTranslation(['twoFactor', 'auth']);
  return (
    <>
      <PasswordInput
        label={t('twoFactor:card.password')}
        autoComplete="current-password"
        value={password}
        onChange={(event) => onPassword(event.currentTarget.value)}
        visibilityToggleButtonProps={{ 'aria-label': t('auth:showPassword') }}
        required
      />
      <TextInput
        label={t('twoFactor:card.code')}
        autoComplete="one-time-code"
        dir="ltr"
        value={code}
        onChange={(event) => onCode(event.currentTarget.value)}
        required
      />
    </>
  );
}
