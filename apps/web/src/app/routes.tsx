import { lazy, useEffect, type ComponentType } from 'react';
import { Route, Routes } from 'react-router';
import { prefetchCsrfToken } from '../lib/api-client';
import { i18n, type Namespace } from '../lib/i18n';
import { PublicOnly, RequireSession, SecondFactorOnly } from './guards';
import { PublicLayout } from './layout/public-layout';

type PageOptions = { styles?: boolean; ns?: Namespace[] };

/** A screen's code, its translations and the Mantine CSS of route-styles.ts, asked for at once. */
function loadPage<M>(load: () => Promise<M>, { styles = true, ns = [] }: PageOptions = {}) {
  return Promise.all([load(), styles ? import('./route-styles') : null, ns.length ? i18n.loadNamespaces(ns) : null]).then(
    ([module]) => module,
  );
}

/**
 * Every screen is its own chunk: the first visit downloads only what it shows. Its namespace
 * and the CSS that the sign-in page does not need travel beside it, not a round trip later
 * when the screen asks for them (300 ms each on a slow line).
 */
function page<M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M, options?: PageOptions) {
  return lazy(async () => ({ default: (await loadPage(load, options))[name] as ComponentType }));
}

const loadAppShell = () => import('./layout/app-shell');
const loadHome = () => import('../features/home/routes/home-route');
const AppShellLayout = page(loadAppShell, 'AppShellLayout', { ns: ['learningOffline'] });
// The first screen of most visits: only what it draws (styles.ts).
const SignInRoute = page(() => import('../features/auth/routes/sign-in-route'), 'SignInRoute', { styles: false });

/**
 * While the person types on the sign-in page, what signing in leads to arrives: the frame, the
 * home screen with their translations, and the token the sign-in request carries. Started when
 * the page is idle, after the form shows; on a 400 kbit/s line the home page then opens without
 * waiting for ~150 kB more.
 */
function PrefetchAfterSignIn() {
  useEffect(() => {
    const idle = window.requestIdleCallback ?? ((callback: () => void) => window.setTimeout(callback, 1500));
    idle(() => {
      void loadPage(loadAppShell, { ns: ['learningOffline'] });
      void loadPage(loadHome, { ns: ['home'] });
      prefetchCsrfToken();
    });
  }, []);
  return null;
}
const SecondFactorRoute = page(() => import('../features/auth/routes/second-factor-route'), 'SecondFactorRoute', { ns: ['auth'] });
const SignInProvidersRoute = page(() => import('../features/single-sign-on/routes/sign-in-providers-route'), 'SignInProvidersRoute', { ns: ['singleSignOn'] });
const MessageBudgetRoute = page(() => import('../features/message-budget/routes/message-budget-route'), 'MessageBudgetRoute', { ns: ['messageBudget'] });
const ReportsRoute = page(() => import('../features/reports-dashboard/routes/reports-route'), 'ReportsRoute', { ns: ['reports'] });
const ReportTargetsRoute = page(() => import('../features/report-targets/routes/report-targets-route'), 'ReportTargetsRoute', { ns: ['reportTargets'] });
const ForgotPasswordRoute = page(() => import('../features/auth/routes/forgot-password-route'), 'ForgotPasswordRoute', { ns: ['auth'] });
const ResetPasswordRoute = page(() => import('../features/auth/routes/reset-password-route'), 'ResetPasswordRoute', { ns: ['auth'] });
const PhoneResetRoute = page(() => import('../features/auth/routes/phone-reset-route'), 'PhoneResetRoute', { ns: ['auth'] });
const SetupCodeRoute = page(() => import('../features/auth/routes/setup-code-route'), 'SetupCodeRoute', { ns: ['auth'] });
const AcceptInvitationRoute = page(() => import('../features/auth/routes/accept-invitation-route'), 'AcceptInvitationRoute', { ns: ['auth'] });
const HomeRoute = page(loadHome, 'HomeRoute', { ns: ['home'] });
const ProfileRoute = page(() => import('../features/profile/routes/profile-route'), 'ProfileRoute', { ns: ['profile'] });
const DirectoryRoute = page(() => import('../features/directory/routes/directory-route'), 'DirectoryRoute', { ns: ['directory'] });
const OrganisationContactRoute = page(
  () => import('../features/directory/routes/organisation-contact-route'),
  'OrganisationContactRoute',
  { ns: ['directory'] },
);
const MyOrganisationRoute = page(() => import('../features/organisation/routes/my-organisation-route'), 'MyOrganisationRoute', { ns: ['organisation'] });
const MembersRoute = page(() => import('../features/organisation/routes/members-route'), 'MembersRoute', { ns: ['organisation'] });
const EditOrganisationRoute = page(
  () => import('../features/organisation/routes/edit-organisation-route'),
  'EditOrganisationRoute',
  { ns: ['organisation'] },
);
const ActivityRoute = page(() => import('../features/activity/routes/activity-route'), 'ActivityRoute', { ns: ['activity'] });
const LibraryRoute = page(() => import('../features/materials/routes/library-route'), 'LibraryRoute', { ns: ['materials'] });
const NewMaterialRoute = page(() => import('../features/materials/routes/new-material-route'), 'NewMaterialRoute', { ns: ['materials'] });
const MaterialRoute = page(() => import('../features/materials/routes/material-route'), 'MaterialRoute', { ns: ['materials'] });
const TopicsRoute = page(() => import('../features/materials/routes/topics-route'), 'TopicsRoute', { ns: ['materials'] });
const PublicLibraryRoute = page(() => import('../features/materials/routes/public-library-route'), 'PublicLibraryRoute', { ns: ['materials'] });
const PublicMaterialRoute = page(() => import('../features/materials/routes/public-material-route'), 'PublicMaterialRoute', { ns: ['materials'] });
const GroupsRoute = page(() => import('../features/collaboration/routes/groups-route'), 'GroupsRoute', { ns: ['collaboration'] });
const GroupRoute = page(() => import('../features/collaboration/routes/group-route'), 'GroupRoute', { ns: ['collaboration'] });
const ThreadRoute = page(() => import('../features/collaboration/routes/thread-route'), 'ThreadRoute', { ns: ['collaboration'] });
const DocumentRoute = page(() => import('../features/collaboration/routes/document-route'), 'DocumentRoute', { ns: ['collaboration'] });
const NotificationsRoute = page(() => import('../features/collaboration/routes/notifications-route'), 'NotificationsRoute', { ns: ['collaboration'] });
const CampaignRoute = page(() => import('../features/collaboration/routes/campaign-route'), 'CampaignRoute', { ns: ['collaboration'] });
const VerifyRoute = page(() => import('../features/certificates/routes/verify-route'), 'VerifyRoute', { ns: ['certificates'] });
const MyCertificatesRoute = page(() => import('../features/certificates/routes/my-certificates-route'), 'MyCertificatesRoute', { ns: ['certificates'] });
const IssueCertificatesRoute = page(() => import('../features/certificates/routes/issue-certificates-route'), 'IssueCertificatesRoute', { ns: ['certificates'] });
const CertificateTypesRoute = page(() => import('../features/certificates/routes/certificate-types-route'), 'CertificateTypesRoute', { ns: ['certificates'] });
const AccreditationRoute = page(() => import('../features/accreditation/routes/accreditation-route'), 'AccreditationRoute', { ns: ['accreditation'] });
const AssessmentRoute = page(() => import('../features/accreditation/routes/assessment-route'), 'AssessmentRoute', { ns: ['accreditation'] });
const FrameworkRoute = page(() => import('../features/accreditation/routes/framework-route'), 'FrameworkRoute', { ns: ['accreditation'] });
const CatalogueRoute = page(() => import('../features/learning/routes/catalogue-route'), 'CatalogueRoute', { ns: ['learning'] });
const MyLearningRoute = page(() => import('../features/learning/routes/my-learning-route'), 'MyLearningRoute', { ns: ['learning'] });
const LearnerCourseRoute = page(() => import('../features/learning/routes/course-route'), 'CourseRoute', { ns: ['learning'] });
const LessonRoute = page(() => import('../features/learning/routes/lesson-route'), 'LessonRoute', { ns: ['learning'] });
const PathRoute = page(() => import('../features/learning/routes/path-route'), 'PathRoute', { ns: ['learning'] });
const QuizRoute = page(() => import('../features/learning/routes/quiz-route'), 'QuizRoute', { ns: ['learning'] });
const DownloadsRoute = page(() => import('../features/learning/routes/downloads-route'), 'DownloadsRoute', { ns: ['learning'] });
const OfflineCourseRoute = page(() => import('../features/learning/routes/offline-course-route'), 'OfflineCourseRoute', { ns: ['learning'] });
const OfflineLessonRoute = page(() => import('../features/learning/routes/offline-lesson-route'), 'OfflineLessonRoute', { ns: ['learning'] });
const TeamLearningRoute = page(() => import('../features/course-progress/routes/team-learning-route'), 'TeamLearningRoute', { ns: ['courseProgress'] });
const SignOffsRoute = page(() => import('../features/course-progress/routes/sign-offs-route'), 'SignOffsRoute', { ns: ['courseProgress'] });
const CourseListRoute = page(() => import('../features/course-authoring/routes/course-list-route'), 'CourseListRoute', { ns: ['courseAuthoring'] });
const NewCourseRoute = page(() => import('../features/course-authoring/routes/new-course-route'), 'NewCourseRoute', { ns: ['courseAuthoring'] });
const CourseEditorRoute = page(() => import('../features/course-authoring/routes/course-editor-route'), 'CourseEditorRoute', { ns: ['courseAuthoring'] });
const CoursePreviewRoute = page(() => import('../features/course-authoring/routes/course-preview-route'), 'CoursePreviewRoute', { ns: ['courseAuthoring', 'materials'] });
const LearningPathsRoute = page(() => import('../features/course-authoring/routes/learning-paths-route'), 'LearningPathsRoute', { ns: ['courseAuthoring'] });
const LearningPathRoute = page(() => import('../features/course-authoring/routes/learning-path-route'), 'LearningPathRoute', { ns: ['courseAuthoring'] });
const AdminNetworksRoute = page(() => import('../features/admin/routes/networks-route'), 'NetworksRoute', { ns: ['admin'] });
const AdminNewOrganisationRoute = page(() => import('../features/admin/routes/new-organisation-route'), 'NewOrganisationRoute', { ns: ['admin'] });
const AdminAccountsRoute = page(() => import('../features/admin/routes/accounts-route'), 'AccountsRoute', { ns: ['admin'] });
const AdminFailedJobsRoute = page(() => import('../features/admin/routes/failed-jobs-route'), 'FailedJobsRoute', { ns: ['admin'] });
const NotFoundRoute = page(() => import('./not-found-route'), 'NotFoundRoute');
const MeetingsRoute = page(() => import('../features/meetings/routes/meetings-route'), 'MeetingsRoute', { ns: ['meetings'] });
const MeetingRoute = page(() => import('../features/meetings/routes/meeting-route'), 'MeetingRoute', { ns: ['meetings'] });
const NewMeetingRoute = page(() => import('../features/meetings/routes/meeting-form-route'), 'NewMeetingRoute', { ns: ['meetings'] });
const EditMeetingRoute = page(() => import('../features/meetings/routes/meeting-form-route'), 'EditMeetingRoute', { ns: ['meetings'] });

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<PublicLayout />}>
        <Route element={<PublicOnly />}>
          <Route
            path="/sign-in"
            element={
              <>
                <SignInRoute />
                <PrefetchAfterSignIn />
              </>
            }
          />
          <Route path="/forgot-password" element={<ForgotPasswordRoute />} />
          <Route path="/forgot-password/phone" element={<PhoneResetRoute />} />
          <Route path="/setup-code" element={<SetupCodeRoute />} />
        </Route>
        <Route element={<SecondFactorOnly />}>
          <Route path="/sign-in/second-factor" element={<SecondFactorRoute />} />
        </Route>
        <Route path="/reset-password" element={<ResetPasswordRoute />} />
        <Route path="/invite" element={<AcceptInvitationRoute />} />
        <Route path="/verify" element={<VerifyRoute />} />
        <Route path="/verify/:code" element={<VerifyRoute />} />
        <Route path="/public/library" element={<PublicLibraryRoute />} />
        <Route path="/public/library/:id" element={<PublicMaterialRoute />} />
      </Route>
      <Route element={<RequireSession />}>
        <Route element={<AppShellLayout />}>
          <Route index element={<HomeRoute />} />
          <Route path="/profile" element={<ProfileRoute />} />
          <Route path="/directory" element={<DirectoryRoute />} />
          <Route path="/network/sign-in-providers" element={<SignInProvidersRoute />} />
          <Route path="/network/message-budget" element={<MessageBudgetRoute />} />
          <Route path="/network/targets" element={<ReportTargetsRoute />} />
          <Route path="/reports" element={<ReportsRoute />} />
          <Route path="/organisations/:id" element={<OrganisationContactRoute />} />
          <Route path="/organisation" element={<MyOrganisationRoute />} />
          <Route path="/organisations/:id/members" element={<MembersRoute />} />
          <Route path="/organisations/:id/edit" element={<EditOrganisationRoute />} />
          <Route path="/activity" element={<ActivityRoute />} />
          <Route path="/meetings" element={<MeetingsRoute />} />
          <Route path="/meetings/new" element={<NewMeetingRoute />} />
          <Route path="/meetings/:id" element={<MeetingRoute />} />
          <Route path="/meetings/:id/edit" element={<EditMeetingRoute />} />
          <Route path="/library" element={<LibraryRoute />} />
          <Route path="/library/new" element={<NewMaterialRoute />} />
          <Route path="/library/topics" element={<TopicsRoute />} />
          <Route path="/library/:id" element={<MaterialRoute />} />
          <Route path="/collaboration" element={<GroupsRoute />} />
          <Route path="/collaboration/groups/:id" element={<GroupRoute />} />
          <Route path="/collaboration/threads/:id" element={<ThreadRoute />} />
          <Route path="/collaboration/documents/:id" element={<DocumentRoute />} />
          <Route path="/collaboration/campaigns/:id" element={<CampaignRoute />} />
          <Route path="/notifications" element={<NotificationsRoute />} />
          <Route path="/certificates" element={<MyCertificatesRoute />} />
          <Route path="/certificates/issue" element={<IssueCertificatesRoute />} />
          <Route path="/certificates/types" element={<CertificateTypesRoute />} />
          <Route path="/accreditation" element={<AccreditationRoute />} />
          <Route path="/accreditation/assessments/:id" element={<AssessmentRoute />} />
          <Route path="/accreditation/frameworks/new" element={<FrameworkRoute />} />
          <Route path="/accreditation/frameworks/:id" element={<FrameworkRoute />} />
          <Route path="/learning" element={<CatalogueRoute />} />
          <Route path="/learning/mine" element={<MyLearningRoute />} />
          <Route path="/learning/downloads" element={<DownloadsRoute />} />
          <Route path="/learning/offline/:courseId" element={<OfflineCourseRoute />} />
          <Route path="/learning/offline/:courseId/lessons/:lessonId" element={<OfflineLessonRoute />} />
          <Route path="/learning/courses/:id" element={<LearnerCourseRoute />} />
          <Route path="/learning/paths/:id" element={<PathRoute />} />
          <Route path="/learning/enrolments/:enrolmentId/lessons/:lessonId" element={<LessonRoute />} />
          <Route path="/learning/enrolments/:enrolmentId/lessons/:lessonId/quiz" element={<QuizRoute />} />
          <Route path="/team-learning" element={<TeamLearningRoute />} />
          <Route path="/team-learning/organisations/:id" element={<TeamLearningRoute />} />
          <Route path="/sign-offs" element={<SignOffsRoute />} />
          <Route path="/course-authoring" element={<CourseListRoute />} />
          <Route path="/course-authoring/new" element={<NewCourseRoute />} />
          <Route path="/course-authoring/courses/:id" element={<CourseEditorRoute />} />
          <Route path="/course-authoring/courses/:id/preview" element={<CoursePreviewRoute />} />
          <Route path="/course-authoring/paths" element={<LearningPathsRoute />} />
          <Route path="/course-authoring/paths/:id" element={<LearningPathRoute />} />
          <Route path="/admin/networks" element={<AdminNetworksRoute />} />
          <Route path="/admin/organisations/new" element={<AdminNewOrganisationRoute />} />
          <Route path="/admin/accounts" element={<AdminAccountsRoute />} />
          <Route path="/admin/jobs" element={<AdminFailedJobsRoute />} />
          <Route path="*" element={<NotFoundRoute />} />
        </Route>
      </Route>
    </Routes>
  );
}
