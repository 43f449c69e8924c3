import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DocumentDetail } from '@tadamon/shared';
import { ErrorAlert } from '../../../components/error-alert';
import { useFormatters } from '../../../lib/intl';
import { useDecideSignature } from '../api/decide-signature';
import { InviteSignatories } from './invite-signatories';
import { isolate } from './isolate';

// Filled and dark: white on these shades passes WCAG AA; Mantine's light green does not.
const COLOURS = { INVITED: 'gray.7', SIGNED: 'teal.9', DECLINED: 'red.9' } as const;

/** Who is invited to sign and what each decided; the caller's own organisations get buttons. */
export function SignatoriesCard({ doc }: { doc: DocumentDetail }) {
  const { t } = useTranslation('collaboration');
  const format = useFormatters();
  const decide = useDecideSignature(doc.id);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="signatories-heading">
      <Title order={2} size="h3" id="signatories-heading" mb="sm">
        {t('signatories.title')}
      </Title>
      <Stack gap="sm" component="ul" className="collab-plain-list" data-testid="signatories">
        {doc.signatories.map((s) => (
          <li key={s.organisationId} data-testid="signatory">
            <Group justify="space-between" wrap="wrap" gap="xs">
              <div>
                <Text fw={600}>{s.organisationName}</Text>
                {s.decidedByName && s.decidedAt ? (
                  <Text size="sm" c="dimmed">
                    {t('signatories.decidedBy', { name: isolate(s.decidedByName), date: isolate(format.dateTime(s.decidedAt)) })}
                  </Text>
                ) : null}
              </div>
              <Group gap="xs">
                <Badge color={COLOURS[s.status]} variant="filled">
                  {t(`signatories.status.${s.status}`)}
                </Badge>
                {doc.canSignFor.includes(s.organisationId) ? (
                  <>
                    {s.status !== 'SIGNED' ? (
                      <Button
                        size="xs"
                        loading={decide.isPending}
                        onClick={() => decide.mutate({ organisationId: s.organisationId, decision: 'SIGN' })}
                        aria-label={t('signatories.signFor', { organisation: s.organisationName })}
                      >
                        {t('signatories.sign')}
                      </Button>
                    ) : null}
                    {s.status !== 'DECLINED' ? (
                      <Button
                        size="xs"
                        variant="default"
                        loading={decide.isPending}
                        onClick={() => decide.mutate({ organisationId: s.organisationId, decision: 'DECLINE' })}
                        aria-label={t('signatories.declineFor', { organisation: s.organisationName })}
                      >
                        {t('signatories.decline')}
                      </Button>
                    ) : null}
                  </>
                ) : null}
              </Group>
            </Group>
          </li>
        ))}
      </Stack>
      <ErrorAlert error={decide.error} />
      {doc.canChangeStatus && doc.status !== 'PUBLISHED' && doc.status !== 'ARCHIVED' ? <InviteSignatories doc={doc} /> : null}
    </Card>
  );
}
