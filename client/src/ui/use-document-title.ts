import { useEffect } from 'react';

/** "Find training – Greater Peterborough – Partnership Portal"; "Error: " first while the page shows errors. */
export function useDocumentTitle(parts: Array<string | null | undefined>, hasErrors = false) {
  const title = `${hasErrors ? 'Error: ' : ''}${[...parts.filter(Boolean), 'Partnership Portal'].join(' – ')}`;
  useEffect(() => {
    document.title = title;
  }, [title]);
}
