import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { z } from 'zod';
import { failedJobListSchema } from '@tadamon/shared';
import { RequirePermission } from '../../common/auth/access.decorators.js';
import { JobQueue } from '../../common/jobs/job-queue.js';
import { AppError } from '../../common/errors/app-error.js';

class FailedJobListDto extends createZodDto(failedJobListSchema) {}
class JobParams extends createZodDto(z.strictObject({ id: z.string().min(1).max(200) })) {}

/**
 * The dead-letter view: background jobs that failed for good (an e-mail server down for hours,
 * say), for platform admins to see and try again once the cause is fixed.
 */
@ApiTags('admin')
@Controller('admin/jobs')
export class JobsAdminController {
  constructor(private readonly jobs: JobQueue) {}

  @RequirePermission('jobs.manage')
  @Get('failed')
  @ZodResponse({ type: FailedJobListDto })
  async failed() {
    return { items: await this.jobs.failed(100) };
  }

  @RequirePermission('jobs.manage')
  @Post(':id/retry')
  @HttpCode(204)
  async retry(@Param() params: JobParams) {
    if (!(await this.jobs.retry(params.id))) throw new AppError('NOT_FOUND', 'No failed job with this id.');
  }
}
