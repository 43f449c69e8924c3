import { Injectable } from '@nestjs/common';
import { DEMOGRAPHICS_CONSENT_VERSION, type Demographics, type DemographicsUpdate, type MyDemographics } from '@tadamon/shared';
import type { Actor } from '../../../common/auth/actor.js';
import { AppError } from '../../../common/errors/app-error.js';
import { DemographicsRepository } from './demographics.repository.js';

/**
 * One's own self-declared gender and age band. Only the person reaches their answer: every
 * method works on `actor.userId`, and no route takes another person's id. Nothing goes to the
 * audit log either, since leaders read it and "who answered" is itself personal.
 */
@Injectable()
export class DemographicsService {
  constructor(private readonly repository: DemographicsRepository) {}

  async mine(actor: Actor): Promise<MyDemographics> {
    const found = await this.repository.findOwn(actor.userId);
    return { demographics: found && toView(found), currentConsentVersion: DEMOGRAPHICS_CONSENT_VERSION };
  }

  /** Saves the answer, with the moment of consent; refused without an explicit, current consent. */
  async save(actor: Actor, input: DemographicsUpdate): Promise<MyDemographics> {
    if (input.consent !== true) {
      throw new AppError('DEMOGRAPHICS_CONSENT_REQUIRED', 'Tick the consent box to save your answers; they are optional.');
    }
    if (input.consentVersion !== DEMOGRAPHICS_CONSENT_VERSION) {
      throw new AppError('DEMOGRAPHICS_CONSENT_OUTDATED', 'The explanation has changed since this page was loaded; read it again and confirm.', {
        currentConsentVersion: DEMOGRAPHICS_CONSENT_VERSION,
      });
    }
    const saved = await this.repository.saveOwn(actor.userId, {
      gender: input.gender,
      ageBand: input.ageBand,
      consentedAt: new Date(),
      consentVersion: DEMOGRAPHICS_CONSENT_VERSION,
    });
    return { demographics: toView(saved), currentConsentVersion: DEMOGRAPHICS_CONSENT_VERSION };
  }

  /** Withdraws consent: the answer is deleted. Withdrawing twice is not an error. */
  async withdraw(actor: Actor): Promise<void> {
    await this.repository.deleteOwn(actor.userId);
  }
}

function toView(row: { gender: Demographics['gender']; ageBand: Demographics['ageBand']; consentedAt: Date; consentVersion: string }): Demographics {
  return { gender: row.gender, ageBand: row.ageBand, consentedAt: row.consentedAt.toISOString(), consentVersion: row.consentVersion };
}
