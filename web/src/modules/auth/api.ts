import type { LoginResponse, MeResponse } from '@lantu/core';
import { api, isAuthError, setCsrfToken } from '../../api/client';

export interface TotpEnrolment {
  secret: string;
  uri: string;
}

export interface ChangePasswordInput {
  currentPassword: string;
  newPassword: string;
}

function remember<T extends { csrfToken: string }>(res: T): T {
  setCsrfToken(res.csrfToken);
  return res;
}

/** The signed-in user, or null when nobody is (a 401 is the normal "signed out" answer here). */
export async function fetchMe(): Promise<MeResponse | null> {
  try {
    return remember(await api<MeResponse>('/auth/me'));
  } catch (err) {
    if (isAuthError(err)) {
      setCsrfToken(null);
      return null;
    }
    throw err;
  }
}

export async function login(body: { username: string; password: string }): Promise<LoginResponse> {
  return remember(await api<LoginResponse>('/auth/login', { method: 'POST', body }));
}

export async function submitTotp(code: string): Promise<MeResponse> {
  return remember(await api<MeResponse>('/auth/totp', { method: 'POST', body: { code } }));
}

export function startTotpEnrol(): Promise<TotpEnrolment> {
  return api<TotpEnrolment>('/auth/totp/enrol', { method: 'POST' });
}

export async function confirmTotpEnrol(code: string): Promise<MeResponse> {
  return remember(await api<MeResponse>('/auth/totp/enrol/confirm', { method: 'POST', body: { code } }));
}

export async function logout(): Promise<void> {
  await api<{ ok: true }>('/auth/logout', { method: 'POST' });
  setCsrfToken(null);
}

export function changePassword(body: ChangePasswordInput): Promise<{ ok: true }> {
  return api<{ ok: true }>('/auth/password', { method: 'POST', body });
}
