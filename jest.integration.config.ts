// integration tests across the whole workspace (see docs/testing.md).
const preset = require('./jest.preset.js');

export default {
  ...preset,
  displayName: 'integration',
  testMatch: ['<rootDir>/{services,libs,tools}/**/*.int-spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.infra/'],
  globalSetup: '<rootDir>/libs/testing/src/jest/global-setup.ts',
  testTimeout: 120000,
};
