import type { DemoWorld } from './demo-world';

/**
 * Who opens a screen in the accessibility sweep: a visitor signed out, a coordinator between
 * password and second factor, or the demo person whose work the screen is for (the platform
 * admin for the administration screens).
 */
export type SweepRole = 'visitor' | 'secondFactor' | 'volunteer' | 'learner' | 'leader' | 'coordinator' | 'admin';

export interface SweptRoute {
  role: SweepRole;
  /** The address to open, with real ids from the demo world. */
  url: (w: DemoWorld) => string;
  /** What shows once the screen has its data (default: a level-1 heading). */
  ready?: string;
}

/**
 * Every route of apps/web's router, keyed by the path exactly as the router declares it (see
 * spa-routes.ts). A route missing here fails the sweep: add it with the role that uses it.
 */
export const SWEPT_ROUTES: Record<string, SweptRoute> = {
  '/sign-in': { role: 'visitor', url: () => '/sign-in' },
  '/forgot-password': { role: 'visitor', url: () => '/forgot-password' },
  '/forgot-password/phone': { role: 'visitor', url: () => '/forgot-password/phone' },
  '/setup-code': { role: 'visitor', url: () => '/setup-code' },
  '/sign-in/second-factor': { role: 'secondFactor', url: () => '/sign-in/second-factor', ready: '[data-testid=second-factor-code]' },
  '/reset-password': { role: 'visitor', url: () => '/reset-password?token=not-a-real-token' },
  '/invite': { role: 'visitor', url: () => '/invite?token=not-a-real-token' },
  '/verify': { role: 'visitor', url: () => '/verify' },
  '/verify/:code': { role: 'visitor', url: (w) => `/verify/${w.certificateCode}` },
  '/public/library': { role: 'visitor', url: () => '/public/library' },
  '/public/library/:id': { role: 'visitor', url: (w) => `/public/library/${w.publicMaterialId}` },

  '/': { role: 'volunteer', url: () => '/', ready: '[data-testid=home-title]' },
  '/network/message-budget': { role: 'coordinator', url: () => '/network/message-budget' },
  '/reports': { role: 'coordinator', url: () => '/reports', ready: '[data-testid=reports-dashboard]' },
  '/network/targets': { role: 'coordinator', url: () => '/network/targets', ready: '[data-testid=report-target-row]' },
  '/admin/networks': { role: 'admin', url: () => '/admin/networks' },
  '/admin/organisations/new': { role: 'admin', url: () => '/admin/organisations/new' },
  '/admin/accounts': { role: 'admin', url: () => '/admin/accounts' },
  '/admin/jobs': { role: 'admin', url: () => '/admin/jobs' },
  '/profile': { role: 'volunteer', url: () => '/profile' },
  '/directory': { role: 'volunteer', url: () => '/directory' },
  '/organisations/:id': { role: 'volunteer', url: (w) => `/organisations/${w.bamakoId}` },
  '/organisation': { role: 'volunteer', url: () => '/organisation' },
  '/meetings': { role: 'volunteer', url: () => '/meetings' },
  '/meetings/:id': { role: 'leader', url: (w) => `/meetings/${w.meetingId}` },
  '/library': { role: 'volunteer', url: () => '/library' },
  '/library/:id': { role: 'volunteer', url: (w) => `/library/${w.materialId}` },
  '/collaboration': { role: 'leader', url: () => '/collaboration' },
  '/collaboration/groups/:id': { role: 'leader', url: (w) => `/collaboration/groups/${w.groupId}` },
  '/collaboration/threads/:id': { role: 'leader', url: (w) => `/collaboration/threads/${w.threadId}` },
  '/collaboration/documents/:id': { role: 'leader', url: (w) => `/collaboration/documents/${w.documentId}` },
  '/collaboration/campaigns/:id': { role: 'leader', url: (w) => `/collaboration/campaigns/${w.campaignId}` },
  '/notifications': { role: 'leader', url: () => '/notifications' },
  '/certificates': { role: 'learner', url: () => '/certificates' },
  '/learning': { role: 'volunteer', url: () => '/learning' },
  '/learning/mine': { role: 'learner', url: () => '/learning/mine' },
  '/learning/downloads': { role: 'learner', url: () => '/learning/downloads' },
  '/learning/offline/:courseId': { role: 'learner', url: (w) => `/learning/offline/${w.courseId}` },
  '/learning/offline/:courseId/lessons/:lessonId': { role: 'learner', url: (w) => `/learning/offline/${w.courseId}/lessons/${w.lessonId}` },
  '/learning/courses/:id': { role: 'learner', url: (w) => `/learning/courses/${w.courseId}` },
  '/learning/paths/:id': { role: 'learner', url: (w) => `/learning/paths/${w.pathId}` },
  '/learning/enrolments/:enrolmentId/lessons/:lessonId': { role: 'learner', url: (w) => `/learning/enrolments/${w.enrolmentId}/lessons/${w.lessonId}` },
  '/learning/enrolments/:enrolmentId/lessons/:lessonId/quiz': {
    role: 'learner',
    url: (w) => `/learning/enrolments/${w.enrolmentId}/lessons/${w.quizLessonId}/quiz`,
  },

  '/organisations/:id/members': { role: 'leader', url: (w) => `/organisations/${w.organisationId}/members` },
  '/organisations/:id/edit': { role: 'leader', url: (w) => `/organisations/${w.organisationId}/edit` },
  '/meetings/new': { role: 'leader', url: () => '/meetings/new' },
  '/meetings/:id/edit': { role: 'leader', url: (w) => `/meetings/${w.meetingId}/edit` },
  '/library/new': { role: 'leader', url: () => '/library/new' },
  '/accreditation': { role: 'leader', url: () => '/accreditation' },
  '/accreditation/assessments/:id': { role: 'leader', url: (w) => `/accreditation/assessments/${w.assessmentId}` },
  '/certificates/issue': { role: 'leader', url: () => '/certificates/issue' },
  '/team-learning': { role: 'leader', url: () => '/team-learning' },
  '/team-learning/organisations/:id': { role: 'coordinator', url: (w) => `/team-learning/organisations/${w.organisationId}` },
  '/sign-offs': { role: 'leader', url: () => '/sign-offs' },
  '/course-authoring': { role: 'leader', url: () => '/course-authoring' },
  '/course-authoring/new': { role: 'leader', url: () => '/course-authoring/new' },
  '/course-authoring/courses/:id': { role: 'leader', url: (w) => `/course-authoring/courses/${w.authoredCourseId}` },
  '/course-authoring/courses/:id/preview': { role: 'leader', url: (w) => `/course-authoring/courses/${w.authoredCourseId}/preview` },
  '/course-authoring/paths': { role: 'leader', url: () => '/course-authoring/paths' },
  '/course-authoring/paths/:id': { role: 'leader', url: (w) => `/course-authoring/paths/${w.pathId}` },

  '/activity': { role: 'coordinator', url: () => '/activity' },
  '/network/sign-in-providers': { role: 'coordinator', url: () => '/network/sign-in-providers' },
  '/library/topics': { role: 'coordinator', url: () => '/library/topics' },
  '/certificates/types': { role: 'coordinator', url: () => '/certificates/types' },
  '/accreditation/frameworks/new': { role: 'coordinator', url: () => '/accreditation/frameworks/new' },
  '/accreditation/frameworks/:id': { role: 'coordinator', url: (w) => `/accreditation/frameworks/${w.frameworkId}` },

  '*': { role: 'volunteer', url: () => '/no-such-page' },
};
