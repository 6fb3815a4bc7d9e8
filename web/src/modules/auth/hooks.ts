import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MeResponse, Role } from '@lantu/core';
import * as authApi from './api';

export const ME_KEY = ['me'] as const;
/** Set when this tab signed out: the page left is not one to return to after the next sign-in. */
export const SIGNED_OUT_KEY = ['signed-out'] as const;

/** The session query (also fetched ahead by the route warm-up). */
export const meQuery = queryOptions({ queryKey: ME_KEY, queryFn: authApi.fetchMe, staleTime: 5 * 60_000 });

/** The session: MeResponse when signed in (or part way through), null when signed out. */
export function useMe() {
  return useQuery(meQuery);
}

/** The signed-in user; only for screens behind RequireAuth, which guarantees it. */
export function useCurrentUser(): MeResponse {
  const { data } = useMe();
  if (!data) throw new Error('useCurrentUser outside RequireAuth');
  return data;
}

export function hasAnyRole(me: Pick<MeResponse, 'roles'>, roles: readonly Role[] | null): boolean {
  return roles === null || me.roles.some((r) => roles.includes(r));
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: authApi.login,
    onSuccess: (res) => {
      const me: Partial<typeof res> = { ...res };
      delete me.demoTotpCode;
      qc.setQueryData(SIGNED_OUT_KEY, false);
      qc.setQueryData(ME_KEY, me as MeResponse);
    },
  });
}

export function useSubmitTotp() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: authApi.submitTotp, onSuccess: (me) => qc.setQueryData(ME_KEY, me) });
}

export function useStartTotpEnrol() {
  return useMutation({ mutationFn: authApi.startTotpEnrol });
}

export function useConfirmTotpEnrol() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: authApi.confirmTotpEnrol, onSuccess: (me) => qc.setQueryData(ME_KEY, me) });
}

/** Signs out; the local cache is dropped even when the server call fails. */
export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: authApi.logout,
    onSettled: () => {
      qc.setQueryData(SIGNED_OUT_KEY, true);
      qc.setQueryData(ME_KEY, null);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] && q.queryKey[0] !== SIGNED_OUT_KEY[0] });
    },
  });
}

export function useChangePassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: authApi.changePassword,
    onSuccess: () => qc.invalidateQueries({ queryKey: ME_KEY }),
  });
}
