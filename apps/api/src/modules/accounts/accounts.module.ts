import { Module } from '@nestjs/common';
import { AccountsListController } from './accounts-list.controller.js';
import { AccountsController } from './accounts.controller.js';
import { AccountsRepository } from './accounts.repository.js';
import { AccountsService } from './accounts.service.js';

@Module({ controllers: [AccountsController, AccountsListController], providers: [AccountsService, AccountsRepository] })
export class AccountsModule {}
