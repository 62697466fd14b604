/**
 * The audit log's details are JSON text the server wrote: shown as "key: value" pairs a person
 * can read, or as they are when they are not an object.
 */
export function auditDetailsText(details: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(details);
  } catch {
    return details;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return details === 'null' ? '' : details;
  return Object.entries(parsed as Record<string, unknown>)
    .map(([key, value]) => `${key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/_/g, ' ').toLowerCase()}: ${
      typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join('; ');
}

/** "roles.granted" → "Roles granted"; "auth.sign_in_failed" → "Auth sign in failed". */
export function auditActionText(action: string): string {
  const words = action.replace(/[._]/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
