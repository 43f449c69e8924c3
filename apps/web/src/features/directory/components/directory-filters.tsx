import { useEffect, useMemo, useState } from 'react';
import { NativeSelect, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { ORGANISATION_TYPES } from '@tadamon/shared';
import { COUNTRY_CODES, useFormatters } from '../../../lib/intl';
import type { OrganisationType } from '../../../lib/types';
import type { DirectoryFilters as Filters } from '../api/get-directory';
import { useNetworks } from '../../../api/get-networks';

interface Props {
  value: Filters;
  onChange: (next: Filters) => void;
}

export function DirectoryFilters({ value, onChange }: Props) {
  const { t } = useTranslation(['directory', 'common']);
  const format = useFormatters();
  const networks = useNetworks();
  const [search, setSearch] = useState(value.q ?? '');
  const [debounced] = useDebouncedValue(search, 400);

  useEffect(() => {
    const q = debounced.trim() || undefined;
    if (q !== value.q) onChange({ ...value, q });
    // Only the typed text drives this; the other filters change through their own handlers.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);

  const countries = useMemo(
    () =>
      COUNTRY_CODES.map((code) => ({ value: code, label: format.country(code) })).sort((a, b) =>
        format.compare(a.label, b.label),
      ),
    [format],
  );

  return (
    <SimpleGrid cols={{ base: 1, sm: 2, md: networks.data && networks.data.items.length > 1 ? 4 : 3 }} role="search" aria-label={t('directory:filters.label')}>
      <TextInput
        type="search"
        label={t('directory:filters.search')}
        placeholder={t('directory:filters.searchPlaceholder')}
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
      />
      <Select
        label={t('directory:filters.country')}
        placeholder={t('directory:filters.allCountries')}
        data={countries}
        searchable
        clearable
        limit={50}
        value={value.country ?? null}
        onChange={(country) => onChange({ ...value, country: country ?? undefined })}
        nothingFoundMessage={t('directory:filters.noCountry')}
        clearButtonProps={{ 'aria-label': t('directory:filters.clearCountry') }}
      />
      <NativeSelect
        label={t('directory:filters.type')}
        value={value.type ?? ''}
        onChange={(event) =>
          onChange({ ...value, type: (event.currentTarget.value || undefined) as OrganisationType | undefined })
        }
      >
        <option value="">{t('directory:filters.allTypes')}</option>
        {ORGANISATION_TYPES.map((type) => (
          <option key={type} value={type}>
            {t(`common:organisationTypes.${type}`)}
          </option>
        ))}
      </NativeSelect>
      {networks.data && networks.data.items.length > 1 ? (
        <NativeSelect
          label={t('directory:filters.network')}
          value={value.networkId ?? ''}
          onChange={(event) => onChange({ ...value, networkId: event.currentTarget.value || undefined })}
        >
          <option value="">{t('directory:filters.allNetworks')}</option>
          {networks.data.items.map((n) => (
            <option key={n.id} value={n.id}>
              {n.name}
            </option>
          ))}
        </NativeSelect>
      ) : null}
    </SimpleGrid>
  );
}
