import { SITE_PAGES } from '../route-patterns';

export function directoryEntryEditPath(organisationId: string): string {
  return SITE_PAGES.directoryEntryEdit.replace(':organisationId', encodeURIComponent(organisationId));
}

/** What the edit page leaves in the history entry, to confirm on the directory. */
export interface EntryUpdatedState {
  entryUpdated?: { organisationId: string; name: string };
}
