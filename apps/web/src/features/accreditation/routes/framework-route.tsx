import { Anchor, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { useFormatters } from '../../../lib/intl';
import { useSignedInSession } from '../../../lib/session';
import { localisedName } from '../../../lib/localised-name';
import { useFramework, useFrameworkAction, useSaveFramework } from '../api/frameworks';
import { FrameworkForm, draftOf, emptyFramework, toInput } from '../components/framework-form';

/** Coordinators: write a framework (draft), publish it; a published one is read-only and can be copied. */
export function FrameworkRoute() {
  const { id } = useParams();
  const { t } = useTranslation('accreditation');
  const format = useFormatters();
  const navigate = useNavigate();
  const session = useSignedInSession();
  const framework = useFramework(id ?? null);
  const networkId = framework.data?.networkId ?? session.networkRoles[0]?.networkId ?? '';
  const save = useSaveFramework(networkId, id ?? null);
  const action = useFrameworkAction(networkId);
  const editable = !id || framework.data?.status === 'DRAFT';

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/accreditation" size="sm">
        {t('back')}
      </Anchor>
      <Title order={1}>{framework.data ? localisedName(framework.data.titles, format.language) : t('editor.new')}</Title>
      {framework.data ? <Text c="dimmed">{t(`frameworkStatus.${framework.data.status}`)}</Text> : null}
      <ErrorAlert error={framework.error ?? save.error ?? action.error} />
      {editable && (!id || framework.data) ? (
        <FrameworkForm
          key={framework.data?.updatedAt ?? 'new'}
          networkId={networkId}
          initial={framework.data ? draftOf(framework.data) : emptyFramework()}
          saving={save.isPending}
          onSave={(draft) => save.mutate(toInput(draft), { onSuccess: (saved) => !id && void navigate(`/accreditation/frameworks/${saved.id}`) })}
        />
      ) : null}
      {framework.data && !editable ? (
        <Stack gap="sm">
          {framework.data.sections.map((section) => (
            <Stack key={section.id} gap={4}>
              <Title order={2} size="h4">
                {localisedName(section.titles, format.language)}
              </Title>
              <List>
                {section.criteria.map((c) => (
                  <List.Item key={c.id}>{localisedName(c.titles, format.language)}</List.Item>
                ))}
              </List>
            </Stack>
          ))}
        </Stack>
      ) : null}
      {framework.data ? (
        <Group>
          {framework.data.status === 'DRAFT' ? (
            <Button color="green" loading={action.isPending} onClick={() => action.mutate({ id: framework.data.id, action: 'publish' })}>
              {t('editor.publish')}
            </Button>
          ) : null}
          {framework.data.status === 'PUBLISHED' ? (
            <Button variant="light" color="gray" loading={action.isPending} onClick={() => action.mutate({ id: framework.data.id, action: 'archive' })}>
              {t('editor.archive')}
            </Button>
          ) : null}
          {framework.data.status !== 'DRAFT' ? (
            <Button
              variant="light"
              loading={action.isPending}
              onClick={() => action.mutate({ id: framework.data.id, action: 'copy' }, { onSuccess: (copy) => void navigate(`/accreditation/frameworks/${copy.id}`) })}
            >
              {t('editor.copy')}
            </Button>
          ) : null}
        </Group>
      ) : null}
    </Stack>
  );
}
