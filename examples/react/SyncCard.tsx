// React 19 renders custom elements natively: an object prop becomes a property on the element
// (React 19 sets it as a property when the element has one), and `onisc-navigate` listens to the
// `isc-navigate` event. Only the JSX typing below is needed to make TypeScript agree.
import 'integration-sync-card/define';
import type { IntegrationSyncCard, IscLoadDetail, IscNavigateDetail, RecordRef, SyncDataProvider } from 'integration-sync-card';

// NOTE: inside the augmentation, DetailedHTMLProps and HTMLAttributes are React's own.
declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- React declares JSX as a namespace
  namespace JSX {
    interface IntrinsicElements {
      'integration-sync-card': DetailedHTMLProps<HTMLAttributes<IntegrationSyncCard>, IntegrationSyncCard> & {
        record?: RecordRef;
        provider?: SyncDataProvider;
        endpoint?: string;
        theme?: 'light' | 'dark' | 'auto';
        'refresh-interval'?: number;
        'onisc-navigate'?: (event: CustomEvent<IscNavigateDetail>) => void;
        'onisc-load'?: (event: CustomEvent<IscLoadDetail>) => void;
      };
    }
  }
}

export interface SyncCardProps {
  record: RecordRef;
  /** Omit it to use `endpoint` (or the page default set with setDefaultProvider). */
  provider?: SyncDataProvider;
  endpoint?: string;
  /** Open links your own way (an SPA route, a CRM modal): call `event.preventDefault()`. */
  onNavigate?: (event: CustomEvent<IscNavigateDetail>) => void;
}

export function SyncCard({ record, provider, endpoint, onNavigate }: SyncCardProps) {
  return <integration-sync-card record={record} provider={provider} endpoint={endpoint} theme="auto" onisc-navigate={onNavigate} />;
}
