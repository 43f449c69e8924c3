import { Anchor, Badge, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { PageSkeleton } from '../../../components/page-skeleton';
import { useFormatters } from '../../../lib/intl';
import { LANGUAGE_NAMES, isLanguage } from '../../../lib/languages';
import { canManageOrganisation, useSignedInSession } from '../../../lib/session';
import { useOrganisation } from '../../../lib/organisation-query';
import { AccreditationStanding } from '../../accreditation';

/** Only http(s) links are shown as links: a stored value must never become a javascript: URL. */
function safeWebsite(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

function languageName(code: string, display: (code: string) => string): string {
  return isLanguage(code) ? LANGUAGE_NAMES[code] : display(code);
}

export function OrganisationContactRoute() {
  const { id = '' } = useParams();
  const { t } = useTranslation(['directory', 'common']);
  const format = useFormatters();
  const session = useSignedInSession();
  const organisation = useOrganisation(id);

  if (organisation.isPending) return <PageSkeleton lines={6} />;
  if (organisation.error) return <ErrorAlert error={organisation.error} onRetry={() => void organisation.refetch()} />;
  const o = organisation.data;
  const website = safeWebsite(o.website);
  const languages = (() => {
    try {
      const names = new Intl.DisplayNames([format.language], { type: 'language' });
      return o.languages.map((code) => languageName(code, (c) => names.of(c) ?? c));
    } catch {
      return o.languages;
    }
  })();

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/directory" size="sm">
        {t('directory:contact.back')}
      </Anchor>
      <div>
        <Title order={1}>{o.name}</Title>
        <Group gap="xs" mt="xs">
          <Badge variant="light" color="gray">
            {t(`common:organisationTypes.${o.type}`)}
          </Badge>
          <Text>{format.place(o.city, o.country)}</Text>
        </Group>
        <Text c="dimmed" mt={4}>
          {t('directory:contact.network', { network: o.networkName })}
        </Text>
        <AccreditationStanding accreditedUntil={o.accreditedUntil} />
      </div>
      {o.description ? <Text style={{ whiteSpace: 'pre-line' }}>{o.description}</Text> : null}
      <Card withBorder padding="lg" component="section" aria-labelledby="contact-heading">
        <Title order={2} size="h4" mb="sm" id="contact-heading">
          {t('directory:contact.title')}
        </Title>
        <Stack gap="xs">
          {o.contactEmail ? (
            <Text>
              {t('directory:contact.email')}: <Anchor href={`mailto:${o.contactEmail}`}>{o.contactEmail}</Anchor>
            </Text>
          ) : null}
          {o.phone ? (
            <Text>
              {t('directory:contact.phone')}:{' '}
              <Anchor href={`tel:${o.phone.replace(/[^\d+]/g, '')}`} dir="ltr">
                {o.phone}
              </Anchor>
            </Text>
          ) : null}
          {website ? (
            <Text>
              {t('directory:contact.website')}:{' '}
              <Anchor href={website} target="_blank" rel="noopener noreferrer" dir="ltr">
                {website}
              </Anchor>
            </Text>
          ) : null}
          {!o.contactEmail && !o.phone && !website ? <Text c="dimmed">{t('directory:contact.none')}</Text> : null}
          {languages.length > 0 ? (
            <Text>
              {t('directory:contact.languages')}: {format.list(languages)}
            </Text>
          ) : null}
          <Text>{t('directory:contact.members', { count: o.memberCount })}</Text>
        </Stack>
      </Card>
      {o.leaders.length > 0 ? (
        <Card withBorder padding="lg" component="section" aria-labelledby="leaders-heading">
          <Title order={2} size="h4" mb="sm" id="leaders-heading">
            {t('directory:contact.leaders')}
          </Title>
          <List>
            {o.leaders.map((leader, index) => (
              <List.Item key={index}>{leader.name}</List.Item>
            ))}
          </List>
        </Card>
      ) : null}
      {canManageOrganisation(session, o) ? (
        <Group>
          <Button component={Link} to={`/organisations/${o.id}/members`}>
            {t('directory:contact.manage')}
          </Button>
          <Button component={Link} to={`/organisations/${o.id}/edit`} variant="default">
            {t('directory:contact.edit')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
