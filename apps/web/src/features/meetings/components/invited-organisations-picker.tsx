import { useId, useMemo, useState } from 'react';
import { Checkbox, Group, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OrganisationSummary } from '@tadamon/shared';
import { foldText } from '../../../lib/fold-text';
import { useFormatters } from '../../../lib/intl';

interface CountryGroup {
  country: string;
  name: string;
  organisations: OrganisationSummary[];
}

/**
 * Invited organisations, grouped by country and filtered as one types: a network of 65
 * organisations is a long list otherwise. Every choice is a real checkbox inside a fieldset per
 * country, so Tab, Space and a screen reader's form mode work without extra keyboard code; a
 * country's own checkbox chooses or clears all of its organisations that the search shows.
 */
export function InvitedOrganisationsPicker({
  organisations,
  value,
  onChange,
  error,
}: {
  organisations: OrganisationSummary[];
  value: string[];
  onChange: (ids: string[]) => void;
  error?: string;
}) {
  const { t } = useTranslation('meetings');
  const format = useFormatters();
  const [query, setQuery] = useState('');
  const searchId = useId();
  const chosen = useMemo(() => new Set(value), [value]);
  const groups = useMemo(() => {
    const folded = foldText(query.trim());
    const byCountry = new Map<string, CountryGroup>();
    for (const organisation of organisations) {
      const countryName = format.country(organisation.country);
      const text = foldText(`${organisation.name} ${organisation.city} ${countryName}`);
      if (folded && !text.includes(folded)) continue;
      const group = byCountry.get(organisation.country) ?? { country: organisation.country, name: countryName, organisations: [] };
      group.organisations.push(organisation);
      byCountry.set(organisation.country, group);
    }
    const sorted = [...byCountry.values()].sort((a, b) => format.compare(a.name, b.name));
    for (const group of sorted) group.organisations.sort((a, b) => format.compare(a.name, b.name));
    return sorted;
  }, [organisations, query, format]);

  const toggle = (id: string, on: boolean) => onChange(on ? [...value, id] : value.filter((v) => v !== id));
  const toggleCountry = (group: CountryGroup, on: boolean) => {
    const ids = new Set(group.organisations.map((o) => o.id));
    const others = value.filter((id) => !ids.has(id));
    onChange(on ? [...others, ...ids] : others);
  };

  return (
    <fieldset className="invite-picker" data-testid="invite-picker" aria-describedby={error ? `${searchId}-error` : undefined}>
      <legend>{t('form.invited')}</legend>
      <Stack gap="xs">
        <Group align="flex-end" justify="space-between" wrap="wrap">
          <TextInput
            id={searchId}
            type="search"
            label={t('invitePicker.search')}
            description={t('invitePicker.searchHint')}
            value={query}
            onChange={(e) => setQuery(e.currentTarget.value)}
            data-testid="invite-search"
          />
          <Text size="sm" aria-live="polite" data-testid="invite-chosen-count">
            {t('invitePicker.chosen', { count: value.length })}
          </Text>
        </Group>
        {error ? (
          <Text c="red" size="sm" id={`${searchId}-error`}>
            {error}
          </Text>
        ) : null}
        {groups.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('invitePicker.noMatch')}
          </Text>
        ) : null}
        <div className="invite-picker-groups">
          {groups.map((group) => {
            const picked = group.organisations.filter((o) => chosen.has(o.id)).length;
            return (
              <fieldset key={group.country} className="invite-picker-country" data-testid={`invite-country-${group.country}`}>
                <legend>
                  <Checkbox
                    label={t('invitePicker.wholeCountry', { country: group.name, count: group.organisations.length })}
                    checked={picked === group.organisations.length}
                    indeterminate={picked > 0 && picked < group.organisations.length}
                    onChange={(e) => toggleCountry(group, e.currentTarget.checked)}
                    fw={600}
                  />
                </legend>
                <Stack gap={6} ps="lg">
                  {group.organisations.map((o) => (
                    <Checkbox
                      key={o.id}
                      checked={chosen.has(o.id)}
                      onChange={(e) => toggle(o.id, e.currentTarget.checked)}
                      label={<bdi>{o.name}</bdi>}
                      description={o.city ? <bdi>{o.city}</bdi> : undefined}
                    />
                  ))}
                </Stack>
              </fieldset>
            );
          })}
        </div>
      </Stack>
    </fieldset>
  );
}
