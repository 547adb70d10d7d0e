import type { SyncStatus } from '../../src/index.ts';

/** What a CRM user of each built-in locale reads: the seven status labels and the three field labels. */
export const EXPECTED: Record<string, { statusLabel: Record<SyncStatus, string>; fields: [string, string, string] }> = {
  de: {
    statusLabel: {
      up_to_date: 'Aktuell',
      sync_not_found: 'Synchronisierung nicht gefunden',
      sync_disabled: 'Synchronisierung deaktiviert',
      record_not_synced: 'Datensatz nicht synchronisiert',
      sync_unknown: 'Synchronisierung unbekannt',
      record_excluded: 'Datensatz ausgeschlossen',
      in_progress: 'Wird synchronisiert',
      partially_synced: 'Teilweise synchronisiert',
    },
    fields: ['Synchronisiert mit', 'Status', 'Zuletzt aktualisiert'],
  },
  es: {
    statusLabel: {
      up_to_date: 'Actualizado',
      sync_not_found: 'Sincronización no encontrada',
      sync_disabled: 'Sincronización desactivada',
      record_not_synced: 'Registro no sincronizado',
      sync_unknown: 'Sincronización desconocida',
      record_excluded: 'Registro excluido',
      in_progress: 'Sincronizando',
      partially_synced: 'Sincronizado parcialmente',
    },
    fields: ['Sincronizado con', 'Estado', 'Última actualización'],
  },
  ja: {
    statusLabel: {
      up_to_date: '最新',
      sync_not_found: '同期が見つかりません',
      sync_disabled: '同期無効',
      record_not_synced: 'レコード未同期',
      sync_unknown: '同期ステータス不明',
      record_excluded: 'レコード除外済み',
      in_progress: '同期中',
      partially_synced: '一部同期済み',
    },
    fields: ['同期先', 'ステータス', '最終更新'],
  },
  'pt-BR': {
    statusLabel: {
      up_to_date: 'Atualizado',
      sync_not_found: 'Sincronização não encontrada',
      sync_disabled: 'Sincronização desativada',
      record_not_synced: 'Registro não sincronizado',
      sync_unknown: 'Sincronização desconhecida',
      record_excluded: 'Excluído da sincronização',
      in_progress: 'Sincronizando',
      partially_synced: 'Sincronizado parcialmente',
    },
    fields: ['Sincronizado com', 'Status', 'Última atualização'],
  },
  he: {
    statusLabel: {
      up_to_date: 'מעודכן',
      sync_not_found: 'לא נמצא סנכרון',
      sync_disabled: 'הסנכרון מושבת',
      record_not_synced: 'הרשומה לא סונכרנה',
      sync_unknown: 'מצב הסנכרון לא ידוע',
      record_excluded: 'הרשומה הוחרגה',
      in_progress: 'בתהליך סנכרון',
      partially_synced: 'סונכרן חלקית',
    },
    fields: ['מסונכרן עם', 'סטטוס', 'עדכון אחרון'],
  },
};
