import { Module } from '@nestjs/common';
import { CertificatesModule } from '../certificates/certificates.module.js';
import { CourseProgressModule } from '../course-progress/course-progress.module.js';
import { CatalogueRepository } from './catalogue.repository.js';
import { CatalogueService } from './catalogue.service.js';
import { CompletionRepository } from './completion.repository.js';
import { CompletionService } from './completion.service.js';
import { EnrolmentService } from './enrolment.service.js';
import { LearningClock } from './learning-clock.js';
import { LearningController } from './learning.controller.js';
import { LearningProcessor } from './learning.processor.js';
import { LearningRepository } from './learning.repository.js';
import { VersionContentCache } from './version-content.js';
import { LessonAccess } from './lesson-access.js';
import { LearningSyncRepository } from './learning-sync.repository.js';
import { LearningSyncService } from './learning-sync.service.js';
import { OfflinePackageService } from './offline-package.service.js';
import { LessonPlayerService } from './lesson-player.service.js';
import { LearnerPathsService } from './learner-paths.service.js';
import { PracticalService } from './practical.service.js';
import { QuizService } from './quiz.service.js';

/** The learner's side of courses (issue 4): catalogue, enrolment, lessons, quizzes, sign-off, completion. */
@Module({
  imports: [CertificatesModule, CourseProgressModule],
  controllers: [LearningController],
  providers: [
    LearningClock,
    LearningRepository,
    CatalogueRepository,
    CatalogueService,
    EnrolmentService,
    LessonAccess,
    VersionContentCache,
    LessonPlayerService,
    QuizService,
    PracticalService,
    LearnerPathsService,
    CompletionService,
    CompletionRepository,
    LearningProcessor,
    OfflinePackageService,
    LearningSyncRepository,
    LearningSyncService,
  ],
})
export class LearningModule {}
