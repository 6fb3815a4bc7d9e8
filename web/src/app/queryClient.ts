import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError, isAuthError, setCsrfToken } from '../api/client';
import { router } from './router';
import { ME_KEY } from '../modules/auth/hooks';

/** An account with an administrator-set password may do nothing until it sets its own. */
function onPasswordChangeRequired(err: unknown): void {
  if (!isApiError(err) || err.code !== 'password_change_required') return;
  void queryClient.invalidateQueries({ queryKey: ME_KEY });
  if (router.state.location.pathname !== '/change-password') void router.navigate('/change-password', { replace: true });
}

/** Any query or mutation answered 401 (not signed in / expired): forget the session, go to login. */
function onAuthError(err: unknown): void {
  onPasswordChangeRequired(err);
  if (!isAuthError(err)) return;
  setCsrfToken(null);
  // Whose page this was: after a sign-out (no user any more) or for another user, it is not where to go back to.
  const who = queryClient.getQueryData<{ user?: { username?: string } } | null>(ME_KEY)?.user?.username;
  queryClient.setQueryData(ME_KEY, null);
  const { pathname, search } = router.state.location;
  if (pathname === '/login') return;
  const expired = isApiError(err) && err.code === 'session_expired';
  void router.navigate('/login', { replace: true, state: who ? { from: pathname + search, expired, user: who } : { expired } });
}

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onAuthError }),
  mutationCache: new MutationCache({ onError: onAuthError }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (count, err) => !isApiError(err) || (err.status >= 500 && count < 2),
    },
    mutations: { retry: false },
  },
});
