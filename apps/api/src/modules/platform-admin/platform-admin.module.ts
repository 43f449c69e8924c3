import { Module } from '@nestjs/common';
import { NetworksAdminController } from './networks-admin.controller.js';
import { NetworksAdminRepository } from './networks-admin.repository.js';
import { NetworksAdminService } from './networks-admin.service.js';

/** Platform administration of networks (accounts and failed jobs have their own modules). */
@Module({ controllers: [NetworksAdminController], providers: [NetworksAdminService, NetworksAdminRepository] })
export class PlatformAdminModule {}
