import { useMutation, useQuery, useQueryClient, keepPreviousData } from '@tanstack/react-query';
import type { CreateUserBody, Role, UpdateUserBody, User } from '@lantu/core';
import * as usersApi from './api';

export const USERS_KEY = ['users'] as const;

export function useUsers(params: usersApi.UserListParams) {
  return useQuery({
    queryKey: [...USERS_KEY, 'list', params],
    queryFn: () => usersApi.fetchUsers(params),
    placeholderData: keepPreviousData,
  });
}

export function useUser(id: string | null) {
  return useQuery({
    queryKey: [...USERS_KEY, 'one', id],
    queryFn: () => usersApi.fetchUser(id ?? ''),
    enabled: id !== null,
  });
}

/** Every user mutation refreshes lists and details afterwards (also after a version conflict). */
function useUserMutation<V>(fn: (vars: V) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: async () => {
      await qc.invalidateQueries({ queryKey: USERS_KEY });
      await qc.invalidateQueries({ queryKey: ['units'] });
    },
  });
}

export function useCreateUser() {
  return useUserMutation((body: CreateUserBody) => usersApi.createUser(body));
}

export function useUpdateUser() {
  return useUserMutation(({ id, body }: { id: string; body: UpdateUserBody }) => usersApi.updateUser(id, body));
}

export function useUserAction() {
  return useUserMutation(({ user, action }: { user: User; action: usersApi.UserAction }) =>
    usersApi.runUserAction(user.id, action, user.version),
  );
}

export function useResetPassword() {
  return useUserMutation(({ id, password }: { id: string; password: string }) => usersApi.resetPassword(id, password));
}

export function useAddGrant() {
  return useUserMutation(({ id, unitId, role }: { id: string; unitId: string; role: Role }) =>
    usersApi.addGrant(id, unitId, role),
  );
}

export function useRemoveGrant() {
  return useUserMutation(({ id, grantId }: { id: string; grantId: string }) => usersApi.removeGrant(id, grantId));
}
