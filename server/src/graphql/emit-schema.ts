import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { buildPortalSchema } from './build-schema';

export const SCHEMA_FILE = path.resolve(__dirname, '..', '..', '..', 'packages', 'graphql-schema', 'schema.graphql');

/** Sorted, so the committed file only changes when the schema does. */
export async function printPortalSchema(): Promise<string> {
  const header = '# Emitted by the server (npm run schema:emit). Do not edit: change the server\'s classes.\n\n';
  return header + printSchema(lexicographicSortSchema(await buildPortalSchema())) + '\n';
}

if (require.main === module) {
  printPortalSchema().then((text) => {
    writeFileSync(SCHEMA_FILE, text);
    console.warn(`schema written to ${SCHEMA_FILE}`);
  }).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
