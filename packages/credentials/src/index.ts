export * from './document-loader.js';
export * from './verify-open-badge.js';
