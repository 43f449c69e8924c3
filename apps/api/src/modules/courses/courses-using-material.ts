import { Injectable } from '@nestjs/common';
import { localisedText } from '../../common/i18n/localised-text.js';
import { CoursesRepository } from './courses.repository.js';

/** Whom a material page is shown to, as the library scopes its reader. */
export interface MaterialReader {
  all: boolean;
  networkIds: string[];
  organisationIds: string[];
  coordinatorNetworkIds: string[];
}

/**
 * "Courses that use it" on a material page, asked of the courses module by the library:
 * published courses whose current version embeds the material in a lesson, among the courses
 * the reader could find in the catalogue (their networks' courses open to the network, their
 * own organisations' courses; coordinators see every course of their network). At most 20,
 * titles in the reader's language, else the network's order; one query.
 */
@Injectable()
export class CoursesUsingMaterial {
  constructor(private readonly repository: CoursesRepository) {}

  async publishedUsing(materialId: string, reader: MaterialReader, language: string): Promise<{ id: string; title: string }[]> {
    const courses = await this.repository.publishedUsingMaterial(
      materialId,
      reader.all
        ? {}
        : {
            OR: [
              { networkId: { in: reader.coordinatorNetworkIds } },
              { networkId: { in: reader.networkIds }, enrolmentPolicy: 'NETWORK' },
              { organisationId: { in: reader.organisationIds } },
            ],
          },
      20,
    );
    return courses.map((course) => ({ id: course.id, title: localisedText(course.titles, language, course.network.fallbackLanguages) }));
  }
}
