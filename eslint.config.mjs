// Lint rules for the whole workspace. Module boundaries are enforced here:
// a service never imports another service; platform libs never import services; contracts depend on nothing;
// the testing lib is only for test files.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default [
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '.infra/**',
      'libs/contracts/src/generated/**',
      'coverage/**',
      '.nx/**',
    ],
  },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  prettier,
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            {
              sourceTag: 'type:service',
              onlyDependOnLibsWithTags: ['type:platform', 'type:contracts', 'type:domain', 'type:testing'],
            },
            // Shared domain knowledge (the default e-mail wording…): plain data and functions, no framework, no I/O.
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: [] },
            {
              sourceTag: 'type:platform',
              onlyDependOnLibsWithTags: ['type:platform', 'type:contracts', 'type:testing'],
            },
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:platform', 'type:contracts'] },
            {
              sourceTag: 'type:e2e',
              onlyDependOnLibsWithTags: ['type:contracts', 'type:testing', 'type:platform'],
            },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Read configuration through @demarches/platform-config, never process.env directly.',
        },
      ],
    },
  },
  {
    // Tests assert on values they just set up; a non-null assertion there fails loudly anyway.
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // Only the config lib and tooling read the environment.
    files: [
      'libs/platform/config/**/*.ts',
      'libs/testing/**/*.ts',
      'tools/**',
      'bench/**',
      'e2e/**',
      '**/*.spec.ts',
      '**/*.int-spec.ts',
      'jest.*.ts',
    ],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // The testing library may only be imported from tests.
    files: ['services/**/*.ts', 'libs/platform/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*.int-spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: '@demarches/testing', message: 'The testing library is for test files only.' }] },
      ],
    },
  },
];
