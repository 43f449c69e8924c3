import { Module } from '@nestjs/common';
import { NotificationChannels } from '../../common/channels/notification-channel.js';
import { ChannelPreferencesController } from './channel-preferences.controller.js';
import { ChannelPreferencesService } from './channel-preferences.service.js';
import { ChannelsProcessor } from './channels.processor.js';
import { ChannelsRepository } from './channels.repository.js';
import { MessageDispatcher } from './message-dispatcher.js';
import { MessageBudgetController } from './message-budget.controller.js';
import { MessageBudgetService } from './message-budget.service.js';

/** E-mail, SMS and WhatsApp behind one dispatcher; people's channel choices; provider callbacks; network budgets. */
@Module({
  controllers: [ChannelPreferencesController, MessageBudgetController],
  providers: [NotificationChannels, ChannelsRepository, MessageDispatcher, ChannelPreferencesService, ChannelsProcessor, MessageBudgetService],
  exports: [MessageDispatcher],
})
export class ChannelsModule {}
