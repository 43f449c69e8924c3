import { useState } from 'react';
import { Alert, Anchor, Button, Card, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { Controller, useForm } from 'react-hook-form';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ORGANISATION_TYPES, emailSchema, languageSchema, organisationCreateSchema } from '@tadamon/shared';
import { ErrorAlert } from '../../../components/error-alert';
import { LanguageOptions } from '../../../components/language-options';
import { applyServerErrors, schemaResolver, translateFieldError } from '../../../lib/form';
import { COUNTRY_CODES, useFormatters } from '../../../lib/intl';
import { isLanguage } from '../../../lib/languages';
import type { OrganisationDetail } from '../../../lib/types';
import { useCreateOrganisation } from '../api/create-organisation';
import { useAdminNetworks } from '../api/get-admin-networks';
import { useInviteFirstLeader } from '../api/invite-first-leader';

// The organisation and the person invited to lead it, checked together before anything is sent.
const newOrganisationSchema = organisationCreateSchema.extend({ leaderEmail: emailSchema, leaderLanguage: languageSchema });
type Values = z.input<typeof newOrganisationSchema>;
type Output = z.output<typeof newOrganisationSchema>;

/**
 * A new organisation and the invitation of its first leader. Two requests: when the second
 * fails (a mail address already leading elsewhere, say) the organisation stays created and
 * the screen offers to send the invitation again rather than creating a duplicate.
 */
export function NewOrganisationRoute() {
  const { t, i18n } = useTranslation('admin');
  const format = useFormatters();
  const [params] = useSearchParams();
  const networks = useAdminNetworks();
  const createOrganisation = useCreateOrganisation();
  const invite = useInviteFirstLeader();
  const [created, setCreated] = useState<OrganisationDetail | null>(null);
  const [invited, setInvited] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const form = useForm<Values, unknown, Output>({
    resolver: schemaResolver(newOrganisationSchema),
    values: {
      networkId: params.get('network') ?? networks.data?.items[0]?.id ?? '',
      name: '',
      type: 'NGO',
      country: '',
      city: '',
      leaderEmail: '',
      leaderLanguage: isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en',
    },
    resetOptions: { keepDirtyValues: true },
  });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async ({ leaderEmail, leaderLanguage, ...organisation }) => {
    setError(null);
    try {
      const target = created ?? (await createOrganisation.mutateAsync(organisation));
      setCreated(target);
      await invite.mutateAsync({ organisationId: target.id, email: leaderEmail, language: leaderLanguage });
      setInvited(leaderEmail);
    } catch (cause) {
      const onField = applyServerErrors(cause, form.setError, {
        fields: ['networkId', 'name', 'type', 'country', 'city'],
        codes: { CONFLICT: created ? 'leaderEmail' : 'name', EMAIL_TAKEN: 'leaderEmail', ALREADY_MEMBER: 'leaderEmail' },
      });
      if (!onField) setError(cause);
    }
  });

  if (created && invited) {
    return (
      <Stack gap="lg">
        <Title order={1}>{t('organisations.title')}</Title>
        <Alert color="green" role="status" title={t('organisations.done', { name: created.name })}>
          {t('organisations.invited', { email: invited })}
        </Alert>
        <Anchor component={Link} to={`/organisations/${created.id}/members`}>
          {t('organisations.openMembers')}
        </Anchor>
        <Button variant="light" w="fit-content" onClick={() => { setCreated(null); setInvited(null); form.reset(); }}>
          {t('organisations.another')}
        </Button>
      </Stack>
    );
  }

  return (
    <Stack gap="lg">
      <Title order={1}>{t('organisations.title')}</Title>
      <Text c="dimmed">{t('organisations.intro')}</Text>
      <ErrorAlert error={networks.error} />
      {created ? (
        <Alert color="yellow" role="status">
          {t('organisations.createdNotInvited', { name: created.name })}
        </Alert>
      ) : null}
      <form onSubmit={submit} noValidate aria-label={t('organisations.title')}>
        <Stack gap="md">
          <ErrorAlert error={error} />
          <Card withBorder>
            <Stack gap="md">
              <Title order={2} size="h4">
                {t('organisations.organisation')}
              </Title>
              <Controller
                control={form.control}
                name="networkId"
                render={({ field }) => (
                  <NativeSelect label={t('organisations.network')} required disabled={!!created} {...field}
                    error={translateFieldError(t, errors.networkId?.message)}
                    data={(networks.data?.items ?? []).map((n) => ({ value: n.id, label: n.name }))} />
                )}
              />
              <TextInput label={t('organisations.name')} required disabled={!!created} {...form.register('name')}
                error={translateFieldError(t, errors.name?.message)} />
              <Controller
                control={form.control}
                name="type"
                render={({ field }) => (
                  <NativeSelect label={t('organisations.type')} disabled={!!created} {...field}
                    data={ORGANISATION_TYPES.map((type) => ({ value: type, label: t(`common:organisationTypes.${type}`) }))} />
                )}
              />
              <Controller
                control={form.control}
                name="country"
                render={({ field }) => (
                  <NativeSelect label={t('organisations.country')} required disabled={!!created} {...field}
                    error={translateFieldError(t, errors.country?.message)}
                    data={[{ value: '', label: t('organisations.chooseCountry') },
                      ...COUNTRY_CODES.map((code) => ({ value: code, label: format.country(code) }))
                        .sort((a, b) => format.compare(a.label, b.label))]} />
                )}
              />
              <TextInput label={t('organisations.city')} disabled={!!created} {...form.register('city')}
                error={translateFieldError(t, errors.city?.message)} />
            </Stack>
          </Card>
          <Card withBorder>
            <Stack gap="md">
              <Title order={2} size="h4">
                {t('organisations.firstLeader')}
              </Title>
              <Text size="sm" c="dimmed">{t('organisations.firstLeaderHint')}</Text>
              <TextInput type="email" autoComplete="off" label={t('organisations.leaderEmail')} required
                {...form.register('leaderEmail')} error={translateFieldError(t, errors.leaderEmail?.message)} />
              <Controller
                control={form.control}
                name="leaderLanguage"
                render={({ field }) => (
                  <NativeSelect label={t('organisations.leaderLanguage')} {...field}>
                    <LanguageOptions />
                  </NativeSelect>
                )}
              />
            </Stack>
          </Card>
          <Button type="submit" loading={isSubmitting} w="fit-content">
            {created ? t('organisations.sendInvitation') : t('organisations.submit')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
