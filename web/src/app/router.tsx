import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter } from 'react-router';
import { RequireAuth, RequireRole } from './RequireAuth';
import { ACCESS } from './access';
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
