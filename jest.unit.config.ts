// unit tests across the whole workspace (see docs/testing.md).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const preset = require('./jest.preset.js');

export default {
  ...preset,
  displayName: 'unit',
  testMatch: ['<rootDir>/{services,libs,tools}/**/*.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.infra/'],

};
