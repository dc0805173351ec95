// e2e tests across the whole workspace (see docs/testing.md).
const preset = require('./jest.preset.js');

export default {
  ...preset,
  displayName: 'e2e',
  testMatch: ['<rootDir>/e2e/**/*.e2e-spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.infra/'],
  globalSetup: '<rootDir>/libs/testing/src/jest/global-setup.ts',
  testTimeout: 180000,
};
