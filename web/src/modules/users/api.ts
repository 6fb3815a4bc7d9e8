import type { CreateUserBody, Role, UpdateUserBody, User } from '@lantu/core';
import { api, downloadUrl } from '../../api/client';

export type UserStatus = 'active' | 'disabled';

export interface UserFilters {
  q?: string;
  unitId?: string;
  role?: Role;
  status?: UserStatus;
}

export interface UserListParams extends UserFilters {
  page: number;
  pageSize: number;
}

export interface UserList {
  items: User[];
  total: number;
}

export function fetchUsers(params: UserListParams): Promise<UserList> {
  return api<UserList>('/users', { query: { ...params } });
}

export function fetchUser(id: string): Promise<User> {
  return api<User>(`/users/${id}`);
}

export function createUser(body: CreateUserBody): Promise<User> {
  return api<User>('/users', { method: 'POST', body });
}

export function updateUser(id: string, body: UpdateUserBody): Promise<User> {
  return api<User>(`/users/${id}`, { method: 'PATCH', body });
}

/** disable / enable / unlock / reset-totp: state changes guarded by the row version. */
export type UserAction = 'disable' | 'enable' | 'unlock' | 'reset-totp';

export function runUserAction(id: string, action: UserAction, version: number): Promise<User> {
  return api<User>(`/users/${id}/${action}`, { method: 'POST', body: { version } });
}

export function resetPassword(id: string, password: string): Promise<{ ok: true }> {
  return api<{ ok: true }>(`/users/${id}/reset-password`, { method: 'POST', body: { password } });
}

export function addGrant(id: string, unitId: string, role: Role): Promise<User> {
  return api<User>(`/users/${id}/grants`, { method: 'POST', body: { unitId, role } });
}

export function removeGrant(id: string, grantId: string): Promise<User> {
  return api<User>(`/users/${id}/grants/${grantId}`, { method: 'DELETE' });
}

export function usersExportUrl(filters: UserFilters): string {
  return downloadUrl('/users/export', { ...filters });
}
