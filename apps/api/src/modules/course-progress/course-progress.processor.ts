import { Injectable, type OnModuleInit } from '@nestjs/common';
import { JobHandlerRegistry } from '../../common/jobs/job-handler.registry.js';
import { CourseRemindersService } from './course-reminders.service.js';

/** Handles `courses.due-reminder`; the reminder mail itself is a `mail.send` job with a fixed id. */
@Injectable()
export class CourseProgressProcessor implements OnModuleInit {
  constructor(
    private readonly registry: JobHandlerRegistry,
    private readonly reminders: CourseRemindersService,
  ) {}

  onModuleInit(): void {
    this.registry.register('courses.due-reminder', async ({ enrolmentId, dueAt }) => {
      await this.reminders.sendDueReminder(enrolmentId, new Date(dueAt));
    });
  }
}
