import type { CodegenConfig } from '@graphql-codegen/cli';

// Client types come from the schema the server emits; the generated folder is committed so a
// build needs neither the server nor this step.
const config: CodegenConfig = {
  schema: '../packages/graphql-schema/schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*'],
  ignoreNoDocuments: true,
  generates: {
    './src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        scalars: { DateTime: 'string', SafeInt: 'number' },
        enumsAsTypes: true,
        useTypeImports: true,
        skipTypename: false,
      },
    },
  },
};

export default config;
