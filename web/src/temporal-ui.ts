/** Links to the Temporal Web UI, where operators watch each case's workflow (the API names the UI in the page). */

/** Where the Web UI lists the cases, or '' when the API was given no TEMPORAL_UI_URL. */
const workflows = document.querySelector('meta[name="temporal-ui"]')?.getAttribute('content') ?? '';

/** The Web UI's page of a case's workflow (its ID is the case number), or undefined without a Web UI. */
export function temporalUiHref(caseNumber: string): string | undefined {
  return workflows ? `${workflows}/${encodeURIComponent(caseNumber)}` : undefined;
}
