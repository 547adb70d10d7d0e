import type { Translation } from './en.ts';

// German CRM/ERP vocabulary: "Datensatz" (record), "Synchronisierung" (sync), formal "Sie".
const de: Translation = {
  $code: 'de',
  $dir: 'ltr',
  statusLabel: {
    up_to_date: 'Aktuell',
    sync_not_found: 'Synchronisierung nicht gefunden',
    sync_disabled: 'Synchronisierung deaktiviert',
    record_not_synced: 'Datensatz nicht synchronisiert',
    sync_unknown: 'Synchronisierung unbekannt',
    record_excluded: 'Datensatz ausgeschlossen',
    in_progress: 'Wird synchronisiert',
  },
  statusHelp: {
    up_to_date: () => 'Der Datensatz ist korrekt synchronisiert.',
    sync_not_found: (i) => `Die Integration ist aktiv, aber dieser Datensatz wird nicht mit ${i} synchronisiert.`,
    sync_disabled: (i) => `Die Synchronisierung ist in den Einstellungen von ${i} deaktiviert.`,
    record_not_synced: () => 'Ein Fehler hat die Synchronisierung dieses Datensatzes verhindert.',
    sync_unknown: (i) => `Der Datensatz wird mit ${i} synchronisiert, aber es liegen keine Informationen zum Synchronisierungsstatus vor.`,
    record_excluded: (_i, group) =>
      group ? `Der Datensatz gehört zur Ausschlussgruppe „${group}“.` : 'Der Datensatz gehört zu einer Ausschlussgruppe.',
    in_progress: () => 'Dieser Datensatz wird gerade synchronisiert.',
  },
  statusLinkHint: 'Wählen Sie den Status aus, um die Seite zum Synchronisierungsstatus zu öffnen.',
  syncedWith: 'Synchronisiert mit',
  status: 'Status',
  lastUpdated: 'Zuletzt aktualisiert',
  notAvailable: '—',
  openRecord: 'Datensatz öffnen',
  opensInNewTab: '(wird in einem neuen Tab geöffnet)',
  loading: 'Synchronisierungsstatus wird geladen…',
  empty: 'Keine Synchronisierungsinformationen für diesen Datensatz.',
  errorTitle: 'Der Synchronisierungsstatus konnte nicht geladen werden.',
  retry: 'Erneut versuchen',
  setupTitle: 'Zusatzfunktionen aktivieren',
  setupText: (i) =>
    `${i} ist verbunden, aber die Zusatzfunktionen sind nicht aktiviert. Daher fehlen möglicherweise Synchronisierungsdetails.`,
  setupLink: 'Zusatzfunktionen aktivieren',
  cardsLabel: 'Integrationssynchronisierung',
  nextSync: (relative) => `Nächste Synchronisierung ${relative}`,
  resync: 'Erneut synchronisieren',
  resyncing: 'Wird erneut synchronisiert…',
  resyncFailed: (message) => `Erneute Synchronisierung fehlgeschlagen: ${message}`,
  history: 'Verlauf',
  historyLoading: 'Verlauf wird geladen…',
  historyEmpty: 'Noch keine Synchronisierungsversuche.',
  historyFailed: (message) => `Der Verlauf konnte nicht geladen werden: ${message}`,
  direction: { inbound: 'Ins CRM', outbound: 'Ins externe System' },
  copyDetails: 'Details kopieren',
  copied: 'Kopiert',
  copyFailed: 'Kopieren fehlgeschlagen',
  showMore: (count, hidden) => `${count} weitere anzeigen (${hidden} ausgeblendet)`,
  statusChanged: (sync, status) => `${sync}: ${status}`,
  statusesChanged: (count) => `Synchronisierungsstatus bei ${count} Datensätzen geändert.`,
};

export default de;
