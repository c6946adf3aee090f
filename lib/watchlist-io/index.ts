export * from './limits';
export * from './file-format';
export * from './entry-schema';
export * from './export-json';
export * from './export-csv';
export * from './merge-plan';
export * from './parse-import';
