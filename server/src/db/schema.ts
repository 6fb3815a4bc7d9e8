/** Every table, for Drizzle and drizzle-kit. Each module owns its *.table.ts. */
export * from '../modules/zones/zones.table.js';
export * from '../modules/units/units.table.js';
export * from '../modules/users/users.table.js';
export * from '../modules/auth/auth.table.js';
export * from '../modules/security/security.table.js';
export * from '../modules/audit/audit.table.js';
export * from '../modules/plans/plans.table.js';
export * from '../modules/indicators/indicators.table.js';
export * from '../modules/projects/projects.table.js';
export * from '../modules/reporting/reporting.table.js';
export * from '../modules/notifications/notifications.table.js';
