import { Suspense, type ReactNode } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { RequireAuth, RequireRole } from './RequireAuth';
import { ACCESS, REPORT_READERS } from './access';
import { lazyPage, type WarmUp } from './warmup';
import { hasAnyRole } from '../modules/auth/hooks';
import { FullPageSpin } from '../ui/FullPageSpin';
import { RouteError } from '../ui/RouteError';

const LoginPage = lazyPage(() => import('../pages/login/LoginPage'));
const ChangePasswordPage = lazyPage(() => import('../pages/password/ChangePasswordPage'));
const AppLayout = lazyPage(() => import('./AppLayout'));
const HomePage = lazyPage(() => import('../pages/home/HomePage'));
const UnitsPage = lazyPage(() => import('../pages/units/UnitsPage'));
const UsersPage = lazyPage(() => import('../pages/users/UsersPage'));
const SecurityPage = lazyPage(() => import('../pages/security/SecurityPage'));
const AuditPage = lazyPage(() => import('../pages/audit/AuditPage'));
const PlansPage = lazyPage(() => import('../pages/plans/PlansPage'));
const PlanPage = lazyPage(() => import('../pages/plans/PlanPage'));
const ItemPage = lazyPage(() => import('../pages/plans/ItemPage'));
const IndicatorPage = lazyPage(() => import('../pages/plans/IndicatorPage'));
const ProjectsPage = lazyPage(() => import('../pages/projects/ProjectsPage'));
const ProjectPage = lazyPage(() => import('../pages/projects/ProjectPage'));
const ProjectMapPage = lazyPage(() => import('../pages/projects/ProjectMapPage'));
const ProblemsPage = lazyPage(() => import('../pages/projects/ProblemsPage'));
const ReportsPage = lazyPage(() => import('../pages/reports/ReportsPage'));
const ReportPage = lazyPage(() => import('../pages/reports/ReportPage'));
const CyclesPage = lazyPage(() => import('../pages/cycles/CyclesPage'));
const CyclePage = lazyPage(() => import('../pages/cycles/CyclePage'));
const NotificationsPage = lazyPage(() => import('../pages/notifications/NotificationsPage'));
const ChannelsPage = lazyPage(() => import('../pages/notifications/ChannelsPage'));
const ProfilePage = lazyPage(() => import('../pages/profile/ProfilePage'));
const NotFoundPage = lazyPage(() => import('../pages/errors/NotFoundPage'));

/** A route's warm-up: its page's code, and optionally its first data. */
function warm(page: { load: () => Promise<unknown> }, data?: WarmUp['data']): WarmUp {
  return { code: page.load, data };
}

/** The plan page's plan and tree, for those who may read plans. */
const planData: WarmUp['data'] = ({ params, search, queryClient, me }) => {
  const { planId } = params;
  if (!planId || !hasAnyRole(me, ACCESS.plans)) return;
  return import('../modules/plans/hooks').then((m) => m.prefetchPlanPage(queryClient, planId, search));
};

function full(node: ReactNode) {
  return <Suspense fallback={<FullPageSpin />}>{node}</Suspense>;
}

export const router = createBrowserRouter([
  { path: '/login', handle: warm(LoginPage), element: full(<LoginPage />), errorElement: <RouteError /> },
  {
    path: '/change-password',
    handle: warm(ChangePasswordPage),
    element: <RequireAuth passwordPage>{full(<ChangePasswordPage />)}</RequireAuth>,
    errorElement: <RouteError />,
  },
  {
    path: '/',
    handle: warm(AppLayout),
    element: <RequireAuth>{full(<AppLayout />)}</RequireAuth>,
    errorElement: <RouteError />,
    children: [
      { errorElement: <RouteError />, children: [
        { index: true, handle: warm(HomePage), element: <HomePage /> },
        { path: 'plans', handle: warm(PlansPage), element: <RequireRole roles={ACCESS.plans}><PlansPage /></RequireRole> },
        { path: 'plans/:planId', handle: warm(PlanPage, planData), element: <RequireRole roles={ACCESS.plans}><PlanPage /></RequireRole> },
        { path: 'plans/:planId/items/:itemId', handle: warm(ItemPage), element: <RequireRole roles={ACCESS.plans}><ItemPage /></RequireRole> },
        { path: 'indicators/:indicatorId', handle: warm(IndicatorPage), element: <RequireRole roles={ACCESS.plans}><IndicatorPage /></RequireRole> },
        { path: 'projects', handle: warm(ProjectsPage), element: <RequireRole roles={ACCESS.projects}><ProjectsPage /></RequireRole> },
        { path: 'projects/map', handle: warm(ProjectMapPage), element: <RequireRole roles={ACCESS.projects}><ProjectMapPage /></RequireRole> },
        { path: 'projects/problems', handle: warm(ProblemsPage), element: <RequireRole roles={ACCESS.projects}><ProblemsPage /></RequireRole> },
        { path: 'projects/:projectId', handle: warm(ProjectPage), element: <RequireRole roles={ACCESS.projects}><ProjectPage /></RequireRole> },
        { path: 'reports', handle: warm(ReportsPage), element: <RequireRole roles={ACCESS.reports}><ReportsPage /></RequireRole> },
        { path: 'reports/:reportId', handle: warm(ReportPage), element: <RequireRole roles={REPORT_READERS}><ReportPage /></RequireRole> },
        { path: 'cycles', handle: warm(CyclesPage), element: <RequireRole roles={ACCESS.cycles}><CyclesPage /></RequireRole> },
        { path: 'cycles/:cycleId', handle: warm(CyclePage), element: <RequireRole roles={ACCESS.cycles}><CyclePage /></RequireRole> },
        { path: 'notifications', handle: warm(NotificationsPage), element: <NotificationsPage /> },
        { path: 'settings/channels', handle: warm(ChannelsPage), element: <RequireRole roles={ACCESS.channels}><ChannelsPage /></RequireRole> },
        // where a failed-delivery notification leads: the outbox on the channels page
        { path: 'deliveries', element: <Navigate to="/settings/channels#deliveries" replace /> },
        { path: 'admin/units', handle: warm(UnitsPage), element: <RequireRole roles={ACCESS.units}><UnitsPage /></RequireRole> },
        { path: 'admin/users', handle: warm(UsersPage), element: <RequireRole roles={ACCESS.users}><UsersPage /></RequireRole> },
        { path: 'admin/security', handle: warm(SecurityPage), element: <RequireRole roles={ACCESS.security}><SecurityPage /></RequireRole> },
        { path: 'admin/audit', handle: warm(AuditPage), element: <RequireRole roles={ACCESS.audit}><AuditPage /></RequireRole> },
        { path: 'profile', handle: warm(ProfilePage), element: <ProfilePage /> },
        { path: '*', handle: warm(NotFoundPage), element: <NotFoundPage /> },
      ] },
    ],
  },
]);
