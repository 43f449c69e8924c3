import { Module } from '@nestjs/common';
import { MaterialsModule } from '../materials/materials.module.js';
import { CourseContentController } from './course-content.controller.js';
import { CourseContentService } from './course-content.service.js';
import { CourseVisibility } from './course-visibility.js';
import { CourseEditor } from './course-editor.js';
import { CoursePrerequisitesService } from './course-prerequisites.service.js';
import { CoursesController } from './courses.controller.js';
import { CoursesRepository } from './courses.repository.js';
import { CoursesService } from './courses.service.js';
import { LearningPathsController } from './learning-paths.controller.js';
import { LearningPathsService } from './learning-paths.service.js';

/** Course authoring (issue 4): courses, versions, lessons, question bank, prerequisites, learning paths. */
@Module({
  imports: [MaterialsModule],
  controllers: [CoursesController, CourseContentController, LearningPathsController],
  providers: [
    CoursesRepository,
    CourseEditor,
    CourseVisibility,
    CoursesService,
    CourseContentService,
    CoursePrerequisitesService,
    LearningPathsService,
  ],
  exports: [CourseVisibility],
})
export class CoursesModule {}
