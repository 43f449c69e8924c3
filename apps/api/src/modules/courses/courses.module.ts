import { Module, forwardRef } from '@nestjs/common';
import { MaterialsModule } from '../materials/materials.module.js';
import { CourseContentController } from './course-content.controller.js';
import { CourseContentService } from './course-content.service.js';
import { CourseVisibility } from './course-visibility.js';
import { CourseEditor } from './course-editor.js';
import { CoursePrerequisitesService } from './course-prerequisites.service.js';
import { CoursesController } from './courses.controller.js';
import { CoursesRepository } from './courses.repository.js';
import { CoursesService } from './courses.service.js';
import { CoursesUsingMaterial } from './courses-using-material.js';
import { LearningPathsController } from './learning-paths.controller.js';
import { LearningPathsService } from './learning-paths.service.js';

/** Course authoring (issue 4): courses, versions, lessons, question bank, prerequisites, learning paths. */
@Module({
  // Each asks the other: lessons embed library material (MaterialLookup), and a material page
  // lists the courses that use it (CoursesUsingMaterial).
  imports: [forwardRef(() => MaterialsModule)],
  controllers: [CoursesController, CourseContentController, LearningPathsController],
  providers: [
    CoursesRepository,
    CourseEditor,
    CourseVisibility,
    CoursesService,
    CourseContentService,
    CoursePrerequisitesService,
    LearningPathsService,
    CoursesUsingMaterial,
  ],
  exports: [CourseVisibility, CoursesUsingMaterial],
})
export class CoursesModule {}
