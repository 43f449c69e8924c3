import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../common/database/prisma.service.js';
import { localisedText } from '../../common/i18n/localised-text.js';
import type { MaterialScope } from './material-scope.js';

/**
 * "Courses that use it" on a material page: published courses whose current version embeds
 * the material in a lesson, among the courses the reader could find in the catalogue (their
 * networks' courses open to the network, their own organisations' courses; coordinators see
 * every course of their network). Titles in the reader's language, else the network's order.
 */
@Injectable()
export class MaterialCourses {
  constructor(private readonly prisma: PrismaService) {}

  async usedBy(materialId: string, scope: MaterialScope, language: string): Promise<{ id: string; title: string }[]> {
    const courses = await this.prisma.course.findMany({
      where: {
        status: 'PUBLISHED',
        publishedVersion: { lessons: { some: { materialId } } },
        ...(scope.all
          ? {}
          : {
              OR: [
                { networkId: { in: scope.coordinatorNetworkIds } },
                { networkId: { in: scope.networkIds }, enrolmentPolicy: 'NETWORK' },
                { organisationId: { in: scope.organisationIds } },
              ],
            }),
      },
      select: { id: true, titles: true, network: { select: { fallbackLanguages: true } } },
      orderBy: { updatedAt: 'desc' },
      take: 20,
    });
    return courses.map((course) => ({ id: course.id, title: localisedText(course.titles, language, course.network.fallbackLanguages) }));
  }
}
