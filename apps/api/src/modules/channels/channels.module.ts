import { Module } from '@nestjs/common';
import { NotificationChannels } from '../../common/channels/notification-channel.js';
import { ChannelPreferencesController } from './channel-preferences.controller.js';
import { ChannelPreferencesService } from './channel-preferences.service.js';
import { ChannelsProcessor } from './channels.processor.js';
import { ChannelsRepository } from './channels.repository.js';
import { MessageDispatcher } from './message-dispatcher.js';

/** E-mail, SMS and WhatsApp behind one dispatcher; people's channel choices; provider callbacks. */
@Module({
  controllers: [ChannelPreferencesController],
  providers: [NotificationChannels, ChannelsRepository, MessageDispatcher, ChannelPreferencesService, ChannelsProcessor],
  exports: [MessageDispatcher],
})
export class ChannelsModule {}
