// unit tests across the whole workspace (see docs/testing.md).
const preset = require('./jest.preset.js');

export default {
  ...preset,
  displayName: 'unit',
  testMatch: ['<rootDir>/{services,libs,tools}/**/*.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.infra/'],
};
