import type { HealthQuery, SyncHealthProvider } from '../../data/health-types.ts';

/**
 * Downloads the CSV of `query`. A provider with `exportFile` (the REST provider with a token)
 * fetches it with its credentials and saves it as a file; otherwise the export URL is followed
 * as a download. The link is clicked inside `root` (the element's shadow root).
 */
export async function downloadCsv(provider: SyncHealthProvider, query: HealthQuery, root: ParentNode): Promise<void> {
  let href = provider.exportUrl(query);
  let objectUrl: string | undefined;
  if (provider.exportFile) {
    const file = await provider.exportFile(query, { signal: new AbortController().signal });
    href = objectUrl = URL.createObjectURL(file);
  }
  const link = document.createElement('a');
  link.href = href;
  link.download = 'sync-health.csv';
  link.style.display = 'none';
  root.appendChild(link);
  link.click();
  link.remove();
  // Revoked after the click has started the download.
  if (objectUrl) setTimeout(() => URL.revokeObjectURL(objectUrl), 10_000);
}
