/**
 * SQL for a demo id derived from a name (md5 of it) that is a well-formed UUID: version 4 and the
 * RFC variant set, as the API's id checks (class-validator IsUUID) require. A bare md5()::uuid
 * is accepted by PostgreSQL but refused by the API, so a demo row with one could not be acted on.
 */
export function nameUuidSql(nameExpression: string): string {
  return `overlay(overlay(md5(${nameExpression}) placing '4' from 13) placing '8' from 17)::uuid`;
}
