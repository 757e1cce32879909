/**
 * lib/query: framework-free SQL for the dashboard — filter state → WHERE clause + sentence,
 * one SELECT per view, the CSV loading SQL, and the executor interface shared by
 * DuckDB-WASM (browser) and @duckdb/node-api (tests). Node-only code lives in ./node-duckdb.ts
 * and is not re-exported here.
 */
export * from './sql';
export * from './filters';
export * from './executor';
export * from './load';
export * from './labels';
export * from './views';
export * from './format';
