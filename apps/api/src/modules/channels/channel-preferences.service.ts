import { Injectable } from '@nestjs/common';
import {
  MESSAGE_CHANNELS,
  MESSAGE_KINDS,
  REQUIRED_MESSAGE_KINDS,
  type ChannelPreferences,
  type ChannelPreferencesUpdate,
} from '@tadamon/shared';
import type { Actor } from '../../common/auth/actor.js';
import { NotificationChannels } from '../../common/channels/notification-channel.js';
import { AppError, notFound } from '../../common/errors/app-error.js';
import { ChannelsRepository } from './channels.repository.js';
import { DEFAULT_CHANNELS } from './message-dispatcher.js';

/** One's own channel choices per kind of message (profile). */
@Injectable()
export class ChannelPreferencesService {
  constructor(
    private readonly repository: ChannelsRepository,
    private readonly channels: NotificationChannels,
  ) {}

  async get(actor: Actor): Promise<ChannelPreferences> {
    const person = await this.repository.recipient(actor.userId);
    if (!person) throw notFound('account');
    const reachable = Object.fromEntries(
      MESSAGE_CHANNELS.map((name) => [name, this.channels.all[name].addressOf(person) !== null]),
    ) as ChannelPreferences['reachable'];
    const saved = await this.repository.preferences(actor.userId);
    return {
      // Unsaved kinds show what is really used: the default order, less what cannot reach them.
      preferences: MESSAGE_KINDS.map((kind) => ({
        kind,
        channels: saved.get(kind) ?? DEFAULT_CHANNELS.filter((name) => reachable[name]),
      })),
      reachable,
    };
  }

  async update(actor: Actor, input: ChannelPreferencesUpdate): Promise<ChannelPreferences> {
    const current = await this.get(actor);
    for (const preference of input.preferences) {
      const unreachable = preference.channels.filter((name) => !current.reachable[name]);
      if (unreachable.length > 0) {
        throw new AppError('CHANNEL_NOT_REACHABLE', 'Add a phone number or an e-mail address before choosing this channel.', {
          kind: preference.kind,
          channels: unreachable,
        });
      }
      if (preference.channels.length === 0 && REQUIRED_MESSAGE_KINDS.includes(preference.kind)) {
        throw new AppError('CHANNEL_REQUIRED', 'Password codes need at least one channel.', { kind: preference.kind });
      }
    }
    // Checked whole before anything is written: a refused request changes nothing.
    await this.repository.savePreferences(actor.userId, input.preferences);
    return this.get(actor);
  }
}
