import type { Translation } from './en.ts';

// Spanish CRM/ERP vocabulary: "registro" (record), "sincronización" (sync), informal "tú" as in
// current business software.
const es: Translation = {
  $code: 'es',
  $dir: 'ltr',
  statusLabel: {
    up_to_date: 'Actualizado',
    sync_not_found: 'Sincronización no encontrada',
    sync_disabled: 'Sincronización desactivada',
    record_not_synced: 'Registro no sincronizado',
    sync_unknown: 'Sincronización desconocida',
    record_excluded: 'Registro excluido',
    in_progress: 'Sincronizando',
  },
  statusHelp: {
    up_to_date: () => 'El registro está sincronizado correctamente.',
    sync_not_found: (i) => `La integración está activa, pero este registro no está sincronizado con ${i}.`,
    sync_disabled: (i) => `La sincronización está desactivada en la configuración de ${i}.`,
    record_not_synced: () => 'Un error impidió sincronizar este registro.',
    sync_unknown: (i) =>
      `El registro está sincronizado con ${i}, pero no hay información disponible sobre el estado de la sincronización.`,
    record_excluded: (_i, group) =>
      group ? `El registro pertenece al grupo de exclusión «${group}».` : 'El registro pertenece a un grupo de exclusión.',
    in_progress: () => 'Hay una sincronización de este registro en curso.',
  },
  statusLinkHint: 'Selecciona el estado para abrir la página de estado de la sincronización.',
  syncedWith: 'Sincronizado con',
  status: 'Estado',
  lastUpdated: 'Última actualización',
  notAvailable: '—',
  openRecord: 'Abrir registro',
  opensInNewTab: '(se abre en una pestaña nueva)',
  loading: 'Cargando el estado de la sincronización…',
  empty: 'No hay información de sincronización para este registro.',
  errorTitle: 'No se pudo cargar el estado de la sincronización.',
  retry: 'Reintentar',
  setupTitle: 'Activar funciones adicionales',
  setupText: (i) =>
    `${i} está conectado, pero sus funciones adicionales no están activadas, por lo que pueden faltar detalles de la sincronización.`,
  setupLink: 'Activar funciones adicionales',
  cardsLabel: 'Sincronización de integraciones',
  nextSync: (relative) => `Próxima sincronización ${relative}`,
  resync: 'Volver a sincronizar',
  resyncing: 'Volviendo a sincronizar…',
  resyncFailed: (message) => `Error al volver a sincronizar: ${message}`,
  history: 'Historial',
  historyLoading: 'Cargando el historial…',
  historyEmpty: 'Aún no hay intentos de sincronización.',
  historyFailed: (message) => `No se pudo cargar el historial: ${message}`,
  direction: { inbound: 'Hacia el CRM', outbound: 'Hacia el sistema externo' },
  copyDetails: 'Copiar detalles',
  copied: 'Copiado',
  copyFailed: 'No se pudo copiar',
  showMore: (count, hidden) => `Mostrar ${count} más (${hidden} ocultas)`,
  statusChanged: (sync, status) => `${sync}: ${status}`,
  statusesChanged: (count) => `El estado de la sincronización cambió en ${count} registros.`,
};

export default es;
