// A Lightning record page component showing the integration sync card of the record. The card's
// element has an open shadow root, which Lightning Web Security does not allow for third-party web
// components inside LWC, so the component frames the iframe page (dist/embed.html) instead, with
// an embed token minted server side by Apex (IntegrationSyncCardToken.embedUrl) in its fragment.
import { LightningElement, api } from 'lwc';
import embedUrl from '@salesforce/apex/IntegrationSyncCardToken.embedUrl';

/** Where the iframe page is served (add its origin to Setup → Trusted URLs with frame-src). */
const EMBED_ORIGIN = 'https://sync.example.com';

export default class IntegrationSyncCard extends LightningElement {
  @api recordId;
  @api objectApiName;
  src;
  failed = false;
  height = 320;
  onMessage = (event) => {
    if (event.origin === EMBED_ORIGIN && event.data && event.data.type === 'isc:resize') this.height = event.data.height;
  };

  get frameStyle() {
    return `border:0;width:100%;height:${this.height}px`;
  }

  async connectedCallback() {
    window.addEventListener('message', this.onMessage);
    try {
      // A fresh token per view: it expires after 15 minutes, the page then says to reopen it.
      this.src = await embedUrl({ recordId: this.recordId, objectApiName: this.objectApiName });
    } catch {
      this.failed = true;
    }
  }

  disconnectedCallback() {
    window.removeEventListener('message', this.onMessage);
  }
}
