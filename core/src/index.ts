export * from './errors.js';
export * from './roles.js';
export * from './password.js';
export * from './schemas/common.js';
export * from './schemas/auth.js';
export * from './schemas/units.js';
export * from './schemas/users.js';
export * from './schemas/security.js';
