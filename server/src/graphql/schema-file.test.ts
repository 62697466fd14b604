import { readFileSync } from 'node:fs';
import { printPortalSchema, SCHEMA_FILE } from './emit-schema';

describe('packages/graphql-schema/schema.graphql', () => {
  it('is what the server emits (run `npm run schema:emit` after changing the schema)', async () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(await printPortalSchema());
  });
});
