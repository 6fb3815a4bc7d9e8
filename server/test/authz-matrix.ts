import type { Role } from '@lantu/core';

/** Plans and indicators: business roles read (enterprise users not yet: plans are internal), the office writes. */
const READ: readonly Role[] = ['leader', 'office', 'unit_head', 'reporter', 'investment', 'service_officer'];
const WRITE: readonly Role[] = ['office'];

/**
 * The declared authorisation matrix: every /api route and who may call it.
 * `public`: anyone; `session`: signed in, second factor may be pending; `user`: any fully signed-in user;
 * a role list: only holders of one of those roles. The test fails when a route is missing here.
 */
export const MATRIX: Record<string, 'public' | 'session' | 'user' | readonly Role[]> = {
  'GET /api/health': 'public',
  'POST /api/v1/auth/login': 'public',
  'GET /api/v1/auth/me': 'session',
  'POST /api/v1/auth/totp': 'session',
  'POST /api/v1/auth/totp/enrol': 'session',
  'POST /api/v1/auth/totp/enrol/confirm': 'session',
  'POST /api/v1/auth/logout': 'session',
  'POST /api/v1/auth/password': 'user',
  'GET /api/v1/zone': 'user',
  'GET /api/v1/units': 'user',
  'POST /api/v1/units': ['sysadmin'],
  'PATCH /api/v1/units/:id': ['sysadmin'],
  'DELETE /api/v1/units/:id': ['sysadmin'],
  'GET /api/v1/users': ['sysadmin', 'secadmin'],
  'GET /api/v1/users/export': ['sysadmin', 'secadmin'],
  'GET /api/v1/users/:id': ['sysadmin', 'secadmin'],
  'POST /api/v1/users': ['sysadmin'],
  'PATCH /api/v1/users/:id': ['sysadmin'],
  'POST /api/v1/users/:id/disable': ['sysadmin'],
  'POST /api/v1/users/:id/enable': ['sysadmin'],
  'POST /api/v1/users/:id/unlock': ['sysadmin'],
  'POST /api/v1/users/:id/reset-password': ['sysadmin'],
  'POST /api/v1/users/:id/reset-totp': ['secadmin'],
  'POST /api/v1/users/:id/grants': ['secadmin'],
  'DELETE /api/v1/users/:id/grants/:grantId': ['secadmin'],
  'GET /api/v1/security/policy': ['secadmin'],
  'PUT /api/v1/security/policy': ['secadmin'],
  'GET /api/v1/audit-events': ['auditor'],
  'GET /api/v1/audit-events/export': ['auditor'],
  'GET /api/v1/audit-events/verify': ['auditor'],
  'GET /api/v1/plans': READ,
  'POST /api/v1/plans': WRITE,
  'GET /api/v1/plans/:planId': READ,
  'PATCH /api/v1/plans/:planId': WRITE,
  'GET /api/v1/plans/:planId/items': READ,
  'POST /api/v1/plans/:planId/items': WRITE,
  'GET /api/v1/items/:id': READ,
  'PATCH /api/v1/items/:id': WRITE,
  'DELETE /api/v1/items/:id': WRITE,
  'POST /api/v1/items/:id/move': WRITE,
  'GET /api/v1/items/:id/history': READ,
  'GET /api/v1/items/:id/indicators': READ,
  'POST /api/v1/items/:id/indicators': WRITE,
  'GET /api/v1/indicators': READ,
  'GET /api/v1/indicators/:id': READ,
  'PATCH /api/v1/indicators/:id': WRITE,
  'DELETE /api/v1/indicators/:id': WRITE,
  'GET /api/v1/indicators/:id/series': READ,
  'GET /api/v1/indicators/:id/values': READ,
  'PUT /api/v1/indicators/:id/values/:period': WRITE,
  'DELETE /api/v1/indicators/:id/values/:period': WRITE,
  'POST /api/v1/indicator-values/:id/evidence': WRITE,
  'GET /api/v1/evidence/:id': READ,
  'GET /api/v1/plans/:planId/export': READ,
  'GET /api/v1/plans/:planId/template': READ,
  'POST /api/v1/plans/:planId/import': ['office'],
};
