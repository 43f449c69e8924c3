import { useState } from 'react';
import { Anchor, Badge, Button, Card, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ASSIGNABLE_ROLES, ORGANISATION_ROLES, type SetupCode } from '@tadamon/shared';
import { ErrorAlert } from '../../../components/error-alert';
import { InviteForm } from '../../../components/invite-form';
import { PageSkeleton } from '../../../components/page-skeleton';
import { useSignedInSession } from '../../../lib/session';
import type { OrganisationRole } from '../../../lib/types';
import { useCreateInvitation } from '../../../api/create-invitation';
import { useCreateVolunteerAccount } from '../api/create-volunteer-account';
import { useMembers } from '../../../api/get-members';
import { useOrganisation } from '../../../lib/organisation-query';
import { InvitationsCard } from '../components/invitations-card';
import { MembersTable } from '../components/members-table';
import { ErasureRequestsCard } from '../components/erasure-requests-card';
import { SetupSlips } from '../components/setup-slips';
import { VolunteerAccountForm } from '../components/volunteer-account-form';

export function MembersRoute() {
  const { id = '' } = useParams();
  const { t } = useTranslation(['organisation', 'common']);
  const session = useSignedInSession();
  const [params, setParams] = useSearchParams();
  const organisation = useOrganisation(id);
  const members = useMembers(id);
  const createInvitation = useCreateInvitation();
  const [inviting, setInviting] = useState(params.get('invite') === '1');
  const createVolunteer = useCreateVolunteerAccount(id);
  const [addingWithoutEmail, setAddingWithoutEmail] = useState(false);
  // Codes handed out during this visit, for the sheet of slips; never stored anywhere else.
  const [codes, setCodes] = useState<SetupCode[]>([]);
  const keepCode = (code: SetupCode) => setCodes((current) => [...current.filter((c) => c.userId !== code.userId), code]);

  const can = (permission: (typeof session.permissions)[number]) => session.permissions.includes(permission);
  const invitableRoles = ORGANISATION_ROLES.filter((role): role is OrganisationRole =>
    ASSIGNABLE_ROLES[session.primaryRole].includes(role),
  );
  const canInvite = can('members.inviteVolunteer') && invitableRoles.length > 0;

  const closeInvite = () => {
    setInviting(false);
    if (params.has('invite')) setParams({}, { replace: true });
  };

  if (organisation.isPending) return <PageSkeleton lines={6} />;
  if (organisation.error) return <ErrorAlert error={organisation.error} onRetry={() => void organisation.refetch()} />;

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/organisations/${id}`} size="sm">
        {t('organisation:contactPage')}
      </Anchor>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{organisation.data.name}</Title>
          <Text c="dimmed">{t('organisation:intro', { network: organisation.data.networkName })}</Text>
        </div>
        {canInvite ? (
          <Group gap="xs">
            <Button onClick={() => setInviting(true)}>{t('organisation:invite')}</Button>
            <Button variant="light" onClick={() => setAddingWithoutEmail(true)} data-testid="add-without-email">
              {t('organisation:noEmail.open')}
            </Button>
          </Group>
        ) : null}
      </Group>
      {can('members.confirmErasure') ? <ErasureRequestsCard organisationId={id} /> : null}
      <SetupSlips codes={codes} onForget={() => setCodes([])} />
      <Card withBorder padding="lg" component="section" aria-labelledby="members-heading">
        <Group gap="xs" mb="sm">
          <Title order={2} size="h3" id="members-heading">
            {t('organisation:members.title')}
          </Title>
          {members.data ? (
            <Badge variant="light" aria-hidden="true">
              {members.data.items.length}
            </Badge>
          ) : null}
        </Group>
        {members.isPending ? (
          <PageSkeleton lines={5} />
        ) : members.error ? (
          <ErrorAlert error={members.error} onRetry={() => void members.refetch()} />
        ) : (
          <MembersTable
            organisationId={id}
            members={members.data.items}
            canChangeRole={can('members.changeRole')}
            canRemove={can('members.remove')}
            currentUserId={session.user.id}
            canIssueSetupCode={canInvite}
            onSetupCode={keepCode}
          />
        )}
      </Card>
      {canInvite ? <InvitationsCard organisationId={id} /> : null}
      <Modal
        opened={addingWithoutEmail && canInvite}
        onClose={() => setAddingWithoutEmail(false)}
        title={t('organisation:noEmail.title')}
      >
        <VolunteerAccountForm
          onSubmit={async (values) => keepCode((await createVolunteer.mutateAsync(values)).setupCode)}
          onDone={() => setAddingWithoutEmail(false)}
        />
      </Modal>
      <Modal opened={inviting && canInvite} onClose={closeInvite} title={t('organisation:invite')}>
        <InviteForm
          roles={invitableRoles}
          organisationId={id}
          onSubmit={(values) => createInvitation.mutateAsync(values)}
          onDone={closeInvite}
        />
      </Modal>
    </Stack>
  );
}
