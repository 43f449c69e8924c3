import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { accountListSchema, accountQuerySchema } from '@tadamon/shared';
import { RequirePermission } from '../../common/auth/access.decorators.js';
import { AccountsRepository } from './accounts.repository.js';

class AccountQueryDto extends createZodDto(accountQuerySchema) {}
class AccountListDto extends createZodDto(accountListSchema) {}

/**
 * Every account on the platform, for platform admins to find the one to disable or enable.
 * No scoping to do: the permission is held by platform admins only, who act everywhere.
 */
@ApiTags('admin')
@Controller('admin/accounts')
export class AccountsListController {
  constructor(private readonly accounts: AccountsRepository) {}

  @RequirePermission('accounts.disable')
  @Get()
  @ZodResponse({ type: AccountListDto })
  list(@Query() query: AccountQueryDto) {
    return this.accounts.search(query.q || undefined, query.disabled === undefined ? undefined : query.disabled === 'true');
  }
}
