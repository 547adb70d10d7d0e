// The demo's "Sync health" page (`npm start`, then /demo/health.html): <integration-sync-health>
// on the same API and ledger as the record page, updating live while the simulated connector
// reports. Its record links open the record page; the filters follow the query string
// (sync-url), e.g. /demo/health.html?integrationId=netsuite&code=MISSING_REQUIRED_FIELD.
import '../src/define.ts';

const element = document.querySelector('integration-sync-health')!;
const query = new URLSearchParams(location.search);
const portalId = query.get('portalId');
if (portalId) element.portalId = portalId;
// record-url must be absolute: the record page of this demo, on this origin.
element.recordUrl = `${location.origin}/?record={objectType}:{objectId}`;
if (query.get('lang')) element.lang = query.get('lang')!;
