export * from './indicator-types.js';
export * from './indicator.js';
export * from './forecast.js';
export * from './rollup.js';
export * from './formula.js';
export * from './projects.js';
export * from './reporting.js';
