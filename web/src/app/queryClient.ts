import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError, isAuthError, setCsrfToken } from '../api/client';
import { router } from './router';
import { ME_KEY } from '../modules/auth/hooks';

/** Any query or mutation answered 401 (not signed in / expired): forget the session, go to login. */
function onAuthError(err: unknown): void {
  if (!isAuthError(err)) return;
  setCsrfToken(null);
  queryClient.setQueryData(ME_KEY, null);
  const { pathname, search } = router.state.location;
  if (pathname === '/login') return;
  const expired = isApiError(err) && err.code === 'session_expired';
  void router.navigate('/login', { replace: true, state: { from: pathname + search, expired } });
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
