import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { RequireAuth, RequireRole } from './RequireAuth';
import { ACCESS, REPORT_READERS } from './access';
import { FullPageSpin } from '../ui/FullPageSpin';
import { RouteError } from '../ui/RouteError';

const LoginPage = lazy(() => import('../pages/login/LoginPage'));
const ChangePasswordPage = lazy(() => import('../pages/password/ChangePasswordPage'));
const AppLayout = lazy(() => import('./AppLayout'));
const HomePage = lazy(() => import('../pages/home/HomePage'));
const UnitsPage = lazy(() => import('../pages/units/UnitsPage'));
const UsersPage = lazy(() => import('../pages/users/UsersPage'));
const SecurityPage = lazy(() => import('../pages/security/SecurityPage'));
const AuditPage = lazy(() => import('../pages/audit/AuditPage'));
const PlansPage = lazy(() => import('../pages/plans/PlansPage'));
const PlanPage = lazy(() => import('../pages/plans/PlanPage'));
const ItemPage = lazy(() => import('../pages/plans/ItemPage'));
const IndicatorPage = lazy(() => import('../pages/plans/IndicatorPage'));
const ProjectsPage = lazy(() => import('../pages/projects/ProjectsPage'));
const ProjectPage = lazy(() => import('../pages/projects/ProjectPage'));
const ProjectMapPage = lazy(() => import('../pages/projects/ProjectMapPage'));
const ProblemsPage = lazy(() => import('../pages/projects/ProblemsPage'));
const ReportsPage = lazy(() => import('../pages/reports/ReportsPage'));
const ReportPage = lazy(() => import('../pages/reports/ReportPage'));
const CyclesPage = lazy(() => import('../pages/cycles/CyclesPage'));
const CyclePage = lazy(() => import('../pages/cycles/CyclePage'));
const NotificationsPage = lazy(() => import('../pages/notifications/NotificationsPage'));
const ChannelsPage = lazy(() => import('../pages/notifications/ChannelsPage'));
const ProfilePage = lazy(() => import('../pages/profile/ProfilePage'));
const NotFoundPage = lazy(() => import('../pages/errors/NotFoundPage'));

function full(node: ReactNode) {
  return <Suspense fallback={<FullPageSpin />}>{node}</Suspense>;
}

export const router = createBrowserRouter([
  { path: '/login', element: full(<LoginPage />), errorElement: <RouteError /> },
  {
    path: '/change-password',
    element: <RequireAuth passwordPage>{full(<ChangePasswordPage />)}</RequireAuth>,
    errorElement: <RouteError />,
  },
  {
    path: '/',
    element: <RequireAuth>{full(<AppLayout />)}</RequireAuth>,
    errorElement: <RouteError />,
    children: [
      { errorElement: <RouteError />, children: [
        { index: true, element: <HomePage /> },
        { path: 'plans', element: <RequireRole roles={ACCESS.plans}><PlansPage /></RequireRole> },
        { path: 'plans/:planId', element: <RequireRole roles={ACCESS.plans}><PlanPage /></RequireRole> },
        { path: 'plans/:planId/items/:itemId', element: <RequireRole roles={ACCESS.plans}><ItemPage /></RequireRole> },
        { path: 'indicators/:indicatorId', element: <RequireRole roles={ACCESS.plans}><IndicatorPage /></RequireRole> },
        { path: 'projects', element: <RequireRole roles={ACCESS.projects}><ProjectsPage /></RequireRole> },
        { path: 'projects/map', element: <RequireRole roles={ACCESS.projects}><ProjectMapPage /></RequireRole> },
        { path: 'projects/problems', element: <RequireRole roles={ACCESS.projects}><ProblemsPage /></RequireRole> },
        { path: 'projects/:projectId', element: <RequireRole roles={ACCESS.projects}><ProjectPage /></RequireRole> },
        { path: 'reports', element: <RequireRole roles={ACCESS.reports}><ReportsPage /></RequireRole> },
        { path: 'reports/:reportId', element: <RequireRole roles={REPORT_READERS}><ReportPage /></RequireRole> },
        { path: 'cycles', element: <RequireRole roles={ACCESS.cycles}><CyclesPage /></RequireRole> },
        { path: 'cycles/:cycleId', element: <RequireRole roles={ACCESS.cycles}><CyclePage /></RequireRole> },
        { path: 'notifications', element: <NotificationsPage /> },
        { path: 'settings/channels', element: <RequireRole roles={ACCESS.channels}><ChannelsPage /></RequireRole> },
        // where a failed-delivery notification leads: the outbox on the channels page
        { path: 'deliveries', element: <Navigate to="/settings/channels#deliveries" replace /> },
        { path: 'admin/units', element: <RequireRole roles={ACCESS.units}><UnitsPage /></RequireRole> },
        { path: 'admin/users', element: <RequireRole roles={ACCESS.users}><UsersPage /></RequireRole> },
        { path: 'admin/security', element: <RequireRole roles={ACCESS.security}><SecurityPage /></RequireRole> },
        { path: 'admin/audit', element: <RequireRole roles={ACCESS.audit}><AuditPage /></RequireRole> },
        { path: 'profile', element: <ProfilePage /> },
        { path: '*', element: <NotFoundPage /> },
      ] },
    ],
  },
]);
