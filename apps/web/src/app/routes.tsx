import { lazy, type ComponentType } from 'react';
import { Route, Routes } from 'react-router';
import { PublicOnly, RequireSession, SecondFactorOnly } from './guards';
import { PublicLayout } from './layout/public-layout';

/** Every screen is its own chunk: the first visit downloads only what it shows. */
function page<M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}

const AppShellLayout = page(() => import('./layout/app-shell'), 'AppShellLayout');
const SignInRoute = page(() => import('../features/auth/routes/sign-in-route'), 'SignInRoute');
const SecondFactorRoute = page(() => import('../features/auth/routes/second-factor-route'), 'SecondFactorRoute');
const SignInProvidersRoute = page(() => import('../features/single-sign-on/routes/sign-in-providers-route'), 'SignInProvidersRoute');
const MessageBudgetRoute = page(() => import('../features/message-budget/routes/message-budget-route'), 'MessageBudgetRoute');
const ForgotPasswordRoute = page(() => import('../features/auth/routes/forgot-password-route'), 'ForgotPasswordRoute');
const ResetPasswordRoute = page(() => import('../features/auth/routes/reset-password-route'), 'ResetPasswordRoute');
const PhoneResetRoute = page(() => import('../features/auth/routes/phone-reset-route'), 'PhoneResetRoute');
const SetupCodeRoute = page(() => import('../features/auth/routes/setup-code-route'), 'SetupCodeRoute');
const AcceptInvitationRoute = page(() => import('../features/auth/routes/accept-invitation-route'), 'AcceptInvitationRoute');
const HomeRoute = page(() => import('../features/home/routes/home-route'), 'HomeRoute');
const ProfileRoute = page(() => import('../features/profile/routes/profile-route'), 'ProfileRoute');
const DirectoryRoute = page(() => import('../features/directory/routes/directory-route'), 'DirectoryRoute');
const OrganisationContactRoute = page(
  () => import('../features/directory/routes/organisation-contact-route'),
  'OrganisationContactRoute',
);
const MyOrganisationRoute = page(() => import('../features/organisation/routes/my-organisation-route'), 'MyOrganisationRoute');
const MembersRoute = page(() => import('../features/organisation/routes/members-route'), 'MembersRoute');
const EditOrganisationRoute = page(
  () => import('../features/organisation/routes/edit-organisation-route'),
  'EditOrganisationRoute',
);
const ActivityRoute = page(() => import('../features/activity/routes/activity-route'), 'ActivityRoute');
const LibraryRoute = page(() => import('../features/materials/routes/library-route'), 'LibraryRoute');
const NewMaterialRoute = page(() => import('../features/materials/routes/new-material-route'), 'NewMaterialRoute');
const MaterialRoute = page(() => import('../features/materials/routes/material-route'), 'MaterialRoute');
const TopicsRoute = page(() => import('../features/materials/routes/topics-route'), 'TopicsRoute');
const PublicLibraryRoute = page(() => import('../features/materials/routes/public-library-route'), 'PublicLibraryRoute');
const PublicMaterialRoute = page(() => import('../features/materials/routes/public-material-route'), 'PublicMaterialRoute');
const GroupsRoute = page(() => import('../features/collaboration/routes/groups-route'), 'GroupsRoute');
const GroupRoute = page(() => import('../features/collaboration/routes/group-route'), 'GroupRoute');
const ThreadRoute = page(() => import('../features/collaboration/routes/thread-route'), 'ThreadRoute');
const DocumentRoute = page(() => import('../features/collaboration/routes/document-route'), 'DocumentRoute');
const NotificationsRoute = page(() => import('../features/collaboration/routes/notifications-route'), 'NotificationsRoute');
const CampaignRoute = page(() => import('../features/collaboration/routes/campaign-route'), 'CampaignRoute');
const VerifyRoute = page(() => import('../features/certificates/routes/verify-route'), 'VerifyRoute');
const MyCertificatesRoute = page(() => import('../features/certificates/routes/my-certificates-route'), 'MyCertificatesRoute');
const IssueCertificatesRoute = page(() => import('../features/certificates/routes/issue-certificates-route'), 'IssueCertificatesRoute');
const CertificateTypesRoute = page(() => import('../features/certificates/routes/certificate-types-route'), 'CertificateTypesRoute');
const AccreditationRoute = page(() => import('../features/accreditation/routes/accreditation-route'), 'AccreditationRoute');
const AssessmentRoute = page(() => import('../features/accreditation/routes/assessment-route'), 'AssessmentRoute');
const FrameworkRoute = page(() => import('../features/accreditation/routes/framework-route'), 'FrameworkRoute');
const CatalogueRoute = page(() => import('../features/learning/routes/catalogue-route'), 'CatalogueRoute');
const MyLearningRoute = page(() => import('../features/learning/routes/my-learning-route'), 'MyLearningRoute');
const LearnerCourseRoute = page(() => import('../features/learning/routes/course-route'), 'CourseRoute');
const LessonRoute = page(() => import('../features/learning/routes/lesson-route'), 'LessonRoute');
const PathRoute = page(() => import('../features/learning/routes/path-route'), 'PathRoute');
const QuizRoute = page(() => import('../features/learning/routes/quiz-route'), 'QuizRoute');
const DownloadsRoute = page(() => import('../features/learning/routes/downloads-route'), 'DownloadsRoute');
const OfflineCourseRoute = page(() => import('../features/learning/routes/offline-course-route'), 'OfflineCourseRoute');
const OfflineLessonRoute = page(() => import('../features/learning/routes/offline-lesson-route'), 'OfflineLessonRoute');
const TeamLearningRoute = page(() => import('../features/course-progress/routes/team-learning-route'), 'TeamLearningRoute');
const SignOffsRoute = page(() => import('../features/course-progress/routes/sign-offs-route'), 'SignOffsRoute');
const CourseListRoute = page(() => import('../features/course-authoring/routes/course-list-route'), 'CourseListRoute');
const NewCourseRoute = page(() => import('../features/course-authoring/routes/new-course-route'), 'NewCourseRoute');
const CourseEditorRoute = page(() => import('../features/course-authoring/routes/course-editor-route'), 'CourseEditorRoute');
const CoursePreviewRoute = page(() => import('../features/course-authoring/routes/course-preview-route'), 'CoursePreviewRoute');
const LearningPathsRoute = page(() => import('../features/course-authoring/routes/learning-paths-route'), 'LearningPathsRoute');
const LearningPathRoute = page(() => import('../features/course-authoring/routes/learning-path-route'), 'LearningPathRoute');
const AdminNetworksRoute = page(() => import('../features/admin/routes/networks-route'), 'NetworksRoute');
const AdminNewOrganisationRoute = page(() => import('../features/admin/routes/new-organisation-route'), 'NewOrganisationRoute');
const AdminAccountsRoute = page(() => import('../features/admin/routes/accounts-route'), 'AccountsRoute');
const AdminFailedJobsRoute = page(() => import('../features/admin/routes/failed-jobs-route'), 'FailedJobsRoute');
const NotFoundRoute = page(() => import('./not-found-route'), 'NotFoundRoute');
const MeetingsRoute = page(() => import('../features/meetings/routes/meetings-route'), 'MeetingsRoute');
const MeetingRoute = page(() => import('../features/meetings/routes/meeting-route'), 'MeetingRoute');
const NewMeetingRoute = page(() => import('../features/meetings/routes/meeting-form-route'), 'NewMeetingRoute');
const EditMeetingRoute = page(() => import('../features/meetings/routes/meeting-form-route'), 'EditMeetingRoute');

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<PublicLayout />}>
        <Route element={<PublicOnly />}>
          <Route path="/sign-in" element={<SignInRoute />} />
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
