import { Module } from '@nestjs/common';
import { CoursesModule } from '../courses/courses.module.js';
import { LearningEnrolmentsModule } from '../learning/enrolments.module.js';
import { AssignmentsController } from './assignments.controller.js';
import { AssignmentsService } from './assignments.service.js';
import { CohortsController } from './cohorts.controller.js';
import { CohortsService } from './cohorts.service.js';
import { CourseProgressClock } from './course-progress-clock.js';
import { CourseProgressProcessor } from './course-progress.processor.js';
import { CourseProgressRepository } from './course-progress.repository.js';
import { CourseRemindersService } from './course-reminders.service.js';
import { ProgressReportsController } from './progress-reports.controller.js';
import { ProgressReportsRepository } from './progress-reports.repository.js';
import { ProgressReportsService } from './progress-reports.service.js';

/**
 * Following progress (issue 4): assignments with due dates and reminders, cohorts, progress
 * reports and CSV exports. `CourseRemindersService.enrolmentEnded` is exported for the
 * learning module to call when an enrolment completes.
 */
@Module({
  imports: [CoursesModule, LearningEnrolmentsModule],
  controllers: [AssignmentsController, CohortsController, ProgressReportsController],
  providers: [
    CourseProgressClock,
    CourseProgressRepository,
    ProgressReportsRepository,
    CourseRemindersService,
    AssignmentsService,
    CohortsService,
    ProgressReportsService,
    CourseProgressProcessor,
  ],
  exports: [CourseRemindersService],
})
export class CourseProgressModule {}
