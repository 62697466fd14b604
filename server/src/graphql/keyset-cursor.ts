/**
 * Opaque cursors for keyset paging: the sort key of the last row, as a tuple of strings in
 * base64url JSON. Each list says what its values must look like; anything else is refused, so a
 * cursor can never carry more than the values it was made from.
 */
export function encodeKeysetCursor(values: readonly string[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeKeysetCursor(text: string, checks: ReadonlyArray<(value: string) => boolean>): string[] | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== checks.length) return null;
    return value.every((item, i) => typeof item === 'string' && checks[i](item)) ? (value as string[]) : null;
  } catch {
    return null;
  }
}
