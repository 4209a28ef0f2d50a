// The sources of the "+ Add or import" popover. Only the Sync API and CSV exist so far.
export type Source = { name: string; description: string; href?: (baseId: string) => string };

export const SOURCES: Source[] = [
  { name: "Sync API", description: "Sync CSV data from your own system with API requests", href: (b) => `/bases/${b}/sync/new` },
  { name: "CSV file", description: "Create a synced table from a CSV file", href: (b) => `/bases/${b}/sync/new?source=csv` },
  { name: "Google Sheets", description: "Sync a spreadsheet" },
  { name: "Salesforce", description: "Sync objects and reports" },
  { name: "Jira Cloud", description: "Sync issues and projects" },
  { name: "Email (CSV attachments)", description: "Sync CSV files sent by email" },
];

export function filterSources(query: string): Source[] {
  const q = query.trim().toLowerCase();
  if (!q) return SOURCES;
  return SOURCES.filter((s) => s.name.toLowerCase().includes(q) || s.description.toLowerCase().includes(q));
}
