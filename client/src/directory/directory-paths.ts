/** What the edit page leaves in the history entry, to confirm on the directory. */
export interface EntryUpdatedState {
  entryUpdated?: { organisationId: string; name: string };
}
