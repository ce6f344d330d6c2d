/**
 * The workbench's pages as paths under `/app` (the API serves `index.html` for each), with the History API: a
 * link is a real link, so reloading, bookmarking and opening in a new tab work.
 */
import { useSyncExternalStore } from 'react';

/** The workbench's page prefix (api/web/workbench.ts). */
export const APP = '/app';

const subscribe = (notify: () => void) => {
  window.addEventListener('popstate', notify);
  return () => window.removeEventListener('popstate', notify);
};

/** The current path and query, re-rendering on navigation. */
export function useLocation(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname + window.location.search);
}

/** Goes to `to` (a path under `/app`) without reloading the page. */
export function navigate(to: string): void {
  window.history.pushState(null, '', to);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

/** The page address of one case. */
export const caseHref = (caseNumber: string): string => `${APP}/cases/${encodeURIComponent(caseNumber)}`;
