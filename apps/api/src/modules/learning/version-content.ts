import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import type { CourseLesson } from '../../generated/prisma/client.js';
import { renderMarkdown } from '../../common/text/markdown.js';
import { LearningRepository } from './learning.repository.js';
import { flattenOutline, type SequencedLesson } from './lesson-sequence.js';

export interface VersionContent {
  /** Every lesson in course order, with its module's titles. */
  sequence: SequencedLesson[];
  /** Whole lesson rows (bodies, quiz settings) by id. */
  lessons: Map<string, CourseLesson>;
  /** Lesson texts already rendered to HTML, by their Markdown (see `renderedIn`). */
  rendered: Map<string, string>;
}

/**
 * A lesson text of this version as HTML, rendered once per kept version: markdown-it and the
 * sanitiser took a twentieth of a lesson open's CPU time (issue 18 profile), for texts that
 * never change once published.
 */
export function renderedIn(content: VersionContent, markdown: string): string {
  let html = content.rendered.get(markdown);
  if (html === undefined) {
    html = renderMarkdown(markdown);
    content.rendered.set(markdown, html);
  }
  return html;
}

/**
 * The outline and lessons of a course version, as the lesson player needs them on every open
 * and every progress save. Only a DRAFT version can change (course-editor refuses edits to any
 * other), and learners are enrolled in published ones, so those are kept in memory: two of a
 * lesson request's five queries. A draft is always read afresh.
 */
@Injectable()
export class VersionContentCache {
  private readonly versions = new LRUCache<string, VersionContent>({ max: 1_000 });

  constructor(private readonly repository: LearningRepository) {}

  async of(version: { id: string; state: string }): Promise<VersionContent> {
    const kept = version.state === 'DRAFT' ? undefined : this.versions.get(version.id);
    if (kept) return kept;
    const [outline, lessons] = await Promise.all([this.repository.outline(version.id), this.repository.lessons(version.id)]);
    const content = { sequence: flattenOutline(outline), lessons: new Map(lessons.map((lesson) => [lesson.id, lesson])), rendered: new Map() };
    if (version.state !== 'DRAFT') this.versions.set(version.id, content);
    return content;
  }
}
