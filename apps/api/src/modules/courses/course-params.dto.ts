import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { languageSchema, uuidSchema } from '@tadamon/shared';

// Ids are checked before they reach the database: a malformed one answers 400 naming it.
export class CourseParamsDto extends createZodDto(z.strictObject({ courseId: uuidSchema })) {}
export class PrerequisiteParamsDto extends createZodDto(z.strictObject({ courseId: uuidSchema, requiredCourseId: uuidSchema })) {}
export class VersionParamsDto extends createZodDto(z.strictObject({ versionId: uuidSchema })) {}
export class VersionLanguageParamsDto extends createZodDto(z.strictObject({ versionId: uuidSchema, language: languageSchema })) {}
export class ModuleParamsDto extends createZodDto(z.strictObject({ moduleId: uuidSchema })) {}
export class LessonParamsDto extends createZodDto(z.strictObject({ lessonId: uuidSchema })) {}
export class QuestionParamsDto extends createZodDto(z.strictObject({ questionId: uuidSchema })) {}
export class PathParamsDto extends createZodDto(z.strictObject({ pathId: uuidSchema })) {}
