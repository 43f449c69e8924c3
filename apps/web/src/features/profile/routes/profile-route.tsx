import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataSaverSetting } from '../../../components/data-saver-setting';
import { ErrorAlert } from '../../../components/error-alert';
import { PageSkeleton } from '../../../components/page-skeleton';
import { useProfile } from '../api/get-profile';
import { ChannelsCard } from '../components/channels-card';
import { PasswordForm } from '../components/password-form';
import { PinForm } from '../components/pin-form';
import { ProfileForm } from '../components/profile-form';
import { SessionsCard } from '../components/sessions-card';
import { DataExportCard } from '../components/data-export-card';
import { DemographicsCard } from '../components/demographics-card';
import { ErasureCard } from '../components/erasure-card';
import { TwoFactorCard } from '../components/two-factor-card';

export function ProfileRoute() {
  const { t } = useTranslation('profile');
  const profile = useProfile();
  return (
    <Stack gap="lg">
      <Title order={1}>{t('title')}</Title>
      {profile.isPending ? (
        <PageSkeleton />
      ) : profile.error ? (
        <ErrorAlert error={profile.error} onRetry={() => void profile.refetch()} />
      ) : (
        <ProfileForm user={profile.data} />
      )}
      <ChannelsCard />
      <PasswordForm />
      {/* Accounts without e-mail were set up with a PIN (or may switch to one). */}
      {profile.data && !profile.data.email ? <PinForm /> : null}
      <TwoFactorCard />
      <SessionsCard />
      <DataSaverSetting />
      <DemographicsCard />
      <DataExportCard />
      <ErasureCard />
    </Stack>
  );
}
