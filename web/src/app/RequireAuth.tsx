import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import type { Role } from '@lantu/core';
import { SIGNED_OUT_KEY, hasAnyRole, useCurrentUser, useMe } from '../modules/auth/hooks';
import { FullPageSpin } from '../ui/FullPageSpin';
import { ErrorFallback } from '../ui/ErrorFallback';
import { NoAccess } from '../ui/NoAccess';

interface Props {
  children: ReactNode;
  /** The forced change-password page itself must stay reachable. */
  passwordPage?: boolean;
}

/** Lets signed-in users through; sends everyone else to /login (and back here afterwards). */
export function RequireAuth({ children, passwordPage = false }: Props) {
  const { data: me, isPending, error } = useMe();
  const location = useLocation();
  const signedOut = useQueryClient().getQueryData(SIGNED_OUT_KEY) === true;
  if (isPending) return <FullPageSpin />;
  if (error) return <ErrorFallback error={error} />;
  if (!me || me.stage !== 'ok') {
    // Back here after signing in, unless this tab's user signed out here (the next one starts at home).
    return <Navigate to="/login" replace state={signedOut ? undefined : { from: location.pathname + location.search }} />;
  }
  if (me.user.mustChangePassword && !passwordPage) return <Navigate to="/change-password" replace />;
  if (!me.user.mustChangePassword && passwordPage) return <Navigate to="/" replace />;
  return children;
}

/** Shows the page only to the roles that may use it. */
export function RequireRole({ roles, children }: { roles: readonly Role[] | null; children: ReactNode }) {
  const me = useCurrentUser();
  return hasAnyRole(me, roles) ? children : <NoAccess />;
}
