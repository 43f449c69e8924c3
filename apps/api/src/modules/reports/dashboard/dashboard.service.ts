import { Injectable } from '@nestjs/common';
import { countries as COUNTRY_DATA } from 'countries-list';
import {
  DEMOGRAPHIC_AGE_BANDS,
  DEMOGRAPHIC_GENDERS,
  LANGUAGES,
  NOT_ANSWERED,
  REPORT_MIN_GROUP_SIZE,
  type Dashboard,
  type DashboardDimension,
  type DashboardQuery,
} from '@tadamon/shared';
import { AccessPolicy } from '../../../common/auth/access.policy.js';
import type { Actor } from '../../../common/auth/actor.js';
import { notFound } from '../../../common/errors/app-error.js';
import { assembleFigures, monthsBetween, quarterOf, type Layout } from './dashboard-figures.js';
import { DashboardRepository, type DashboardScope, type FactRow } from './dashboard.repository.js';
import { targetProgress } from './target-progress.js';
import { TargetProgressRepository } from './target-progress.repository.js';

/** Continent code of an ISO country (countries-list); "unknown" codes group under none. */
export const continentOf = (country: string): string | undefined => (COUNTRY_DATA as Record<string, { continent: string } | undefined>)[country]?.continent;

/** The current month (YYYY-MM) in a time zone. */
export function monthIn(timeZone: string, at: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' }).formatToParts(at);
  return `${parts.find((p) => p.type === 'year')!.value}-${parts.find((p) => p.type === 'month')!.value}`;
}

const shiftMonth = (month: string, by: number) => {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
};

/**
 * The dashboard of a network (its coordinators) or of one organisation (its leaders, and the
 * coordinators of its network). Anyone else gets the 404 of an unknown id: what a network
 * achieved is not shown to its volunteers, nor to another network.
 */
@Injectable()
export class DashboardService {
  constructor(
    private readonly repository: DashboardRepository,
    private readonly targets: TargetProgressRepository,
    private readonly access: AccessPolicy,
  ) {}

  async network(actor: Actor, networkId: string, query: DashboardQuery, now = new Date()): Promise<Dashboard> {
    if (!this.access.holdsForNetwork(actor, 'reports.read', networkId)) throw notFound('network');
    return this.build(networkId, null, query, now);
  }

  async organisation(actor: Actor, organisationId: string, query: DashboardQuery, now = new Date()): Promise<Dashboard> {
    const organisation = await this.access.requireVisibleOrganisation(actor, organisationId);
    this.access.requireOrganisationObject(actor, 'reports.read', organisation, 'organisation');
    return this.build(organisation.networkId, organisation.id, query, now);
  }

  private async build(networkId: string, organisationId: string | null, query: DashboardQuery, now: Date): Promise<Dashboard> {
    const { network, organisation, countries } = await this.repository.scopeOf(networkId, organisationId);
    if (!network || (organisationId && !organisation)) throw notFound(organisationId ? 'organisation' : 'network');
    const to = query.to ?? (query.from ? shiftMonth(query.from, 11) : monthIn(network.timeZone, now));
    const from = query.from ?? shiftMonth(to, -11);
    const continents = new Map(countries.flatMap((c) => (continentOf(c) ? [[c, continentOf(c)!] as const] : [])));
    const scope: DashboardScope = { networkId, organisationId, timeZone: network.timeZone, from, to, now, continents };
    const [facts, valid, targetRows] = await this.repository.readTogether(async (db) => [
      await this.repository.facts(scope, db),
      await this.repository.validCertificates(scope, db),
      organisationId ? [] : await this.targets.monthly(networkId, network.timeZone, now, db),
    ] as const);
    const layout = await this.layout(networkId, facts, countries, continents, from, to);
    return {
      scope: { kind: organisationId ? 'organisation' : 'network', networkId, organisationId, name: organisation?.name ?? network.name },
      period: { from, to },
      threshold: REPORT_MIN_GROUP_SIZE,
      ...assembleFigures(facts, valid, layout),
      targets: targetProgress(targetRows, now),
    };
  }

  private async layout(networkId: string, facts: FactRow[], countries: string[], continents: Map<string, string>, from: string, to: string): Promise<Layout> {
    const keys = (dimension: FactRow['dimension']) => [...new Set(facts.filter((f) => f.dimension === dimension && f.key).map((f) => f.key!))];
    const topicKeys = keys('topic').sort();
    const { organisations, topics } = await this.repository.labels(
      networkId,
      keys('organisation'),
      topicKeys.filter((k) => k.startsWith('custom:')).map((k) => k.slice('custom:'.length)),
    );
    const topicName = new Map(topics.map((t) => [`custom:${t.id}`, t.name]));
    const months = monthsBetween(from, to);
    const plain = (list: readonly string[]) => list.map((key) => ({ key, label: null }));
    const rows: Record<DashboardDimension, { key: string; label: string | null }[]> = {
      country: plain([...countries].sort()),
      continent: plain([...new Set(continents.values())].sort()),
      organisation: organisations.map((o) => ({ key: o.id, label: o.name })),
      topic: topicKeys.map((key) => ({ key, label: topicName.get(key) ?? null })),
      language: plain([...new Set([...LANGUAGES, ...keys('language')])]),
      gender: plain([...DEMOGRAPHIC_GENDERS, NOT_ANSWERED]),
      ageBand: plain([...DEMOGRAPHIC_AGE_BANDS, NOT_ANSWERED]),
    };
    return {
      months,
      quarters: [...new Set(months.map(quarterOf))],
      rows,
      countryOf: new Map(organisations.map((o) => [o.id, o.country])),
      continentOf: continents,
    };
  }
}
