import { useState } from 'react';
import { Button, Checkbox, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DocumentDetail } from '@tadamon/shared';
import { ErrorAlert } from '../../../components/error-alert';
import { useGroup } from '../api/get-group';
import { useInviteSignatories } from '../api/invite-signatories';
import { useNetworkOrganisations } from '../../../api/get-network-organisations';

/** The owner invites more organisations of the group to sign. */
export function InviteSignatories({ doc }: { doc: DocumentDetail }) {
  const { t } = useTranslation('collaboration');
  const group = useGroup(doc.groupId);
  const network = useNetworkOrganisations(group.data?.audience === 'NETWORK' ? group.data.networkId : '');
  const invite = useInviteSignatories(doc.id);
  const [chosen, setChosen] = useState<string[]>([]);
  const invited = new Set(doc.signatories.map((s) => s.organisationId));
  const candidates = (group.data?.audience === 'NETWORK' ? (network.data?.items ?? []) : (group.data?.organisations ?? [])).filter(
    (o) => !invited.has(o.id),
  );
  if (candidates.length === 0) return null;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        invite.mutate(chosen, { onSuccess: () => setChosen([]) });
      }}
    >
      <Stack gap="xs" mt="md">
        <Checkbox.Group label={t('signatories.invite')} value={chosen} onChange={setChosen}>
          <Stack gap={4} mt={4}>
            {candidates.map((o) => (
              <Checkbox key={o.id} value={o.id} label={o.name} />
            ))}
          </Stack>
        </Checkbox.Group>
        <ErrorAlert error={invite.error} />
        <div>
          <Button size="xs" type="submit" disabled={chosen.length === 0} loading={invite.isPending}>
            {t('signatories.inviteButton')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
