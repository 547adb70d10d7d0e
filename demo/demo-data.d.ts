// Types for demo-data.js, so TypeScript files can import it whatever `allowJs` says.

export interface RecordRef { objectType: string; objectId: string; portalId?: string }

export interface Integration {
  id: string;
  name: string;
  state: 'active' | 'extra_features_required' | 'disconnected';
  settingsUrl?: string | null;
}

export interface SyncDetail {
  message: string | null;
  code: string | null;
  url: string | null;
  exclusionGroup: string | null;
}

export interface Sync {
  id: string;
  integrationId: string;
  label: string | null;
  status: string;
  syncedWith: { name: string | null; url: string | null } | null;
  lastSyncedAt: string | null;
  nextSyncAt: string | null;
  detail: SyncDetail | null;
}

export interface SyncStatusResponse { integrations: Integration[]; syncs: Sync[] }

export interface DemoRecordListItem { objectType: string; objectId: string; title: string }

export const FAILING_RECORD: Readonly<{ objectType: 'company'; objectId: '500' }>;
export const demoRecordList: DemoRecordListItem[];
export function demoRecords(now?: number): Record<string, SyncStatusResponse>;
