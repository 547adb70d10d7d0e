import type { Translation } from './en.ts';

// Brazilian Portuguese CRM/ERP vocabulary: "registro" (record), "sincronização" (sync), "status",
// "recursos" (features), "aba" (tab). NOTE: "excluído" alone reads as "deleted" in pt-BR software,
// so the excluded status says "excluído da sincronização".
const ptBR: Translation = {
  $code: 'pt-BR',
  $dir: 'ltr',
  statusLabel: {
    up_to_date: 'Atualizado',
    sync_not_found: 'Sincronização não encontrada',
    sync_disabled: 'Sincronização desativada',
    record_not_synced: 'Registro não sincronizado',
    sync_unknown: 'Sincronização desconhecida',
    record_excluded: 'Excluído da sincronização',
    in_progress: 'Sincronizando',
  },
  statusHelp: {
    up_to_date: () => 'O registro está sincronizado corretamente.',
    sync_not_found: (i) => `A integração está ativa, mas este registro não está sincronizado com ${i}.`,
    sync_disabled: (i) => `A sincronização está desativada nas configurações de ${i}.`,
    record_not_synced: () => 'Um erro impediu a sincronização deste registro.',
    sync_unknown: (i) =>
      `O registro está sincronizado com ${i}, mas as informações de status da sincronização não estão disponíveis.`,
    record_excluded: (_i, group) =>
      group ? `O registro está no grupo de exclusão “${group}”.` : 'O registro está em um grupo de exclusão.',
    in_progress: () => 'Uma sincronização deste registro está em andamento.',
  },
  statusLinkHint: 'Selecione o status para abrir a página de status da sincronização.',
  syncedWith: 'Sincronizado com',
  status: 'Status',
  lastUpdated: 'Última atualização',
  notAvailable: '—',
  openRecord: 'Abrir registro',
  opensInNewTab: '(abre em uma nova aba)',
  loading: 'Carregando o status da sincronização…',
  empty: 'Nenhuma informação de sincronização para este registro.',
  errorTitle: 'Não foi possível carregar o status da sincronização.',
  retry: 'Tentar novamente',
  setupTitle: 'Ativar recursos adicionais',
  setupText: (i) =>
    `${i} está conectado, mas os recursos adicionais não estão ativados; por isso, alguns detalhes da sincronização podem estar faltando.`,
  setupLink: 'Ativar recursos adicionais',
  cardsLabel: 'Sincronização de integrações',
  nextSync: (relative) => `Próxima sincronização ${relative}`,
  resync: 'Sincronizar novamente',
  resyncing: 'Sincronizando novamente…',
  resyncFailed: (message) => `Falha ao sincronizar novamente: ${message}`,
  history: 'Histórico',
  historyLoading: 'Carregando o histórico…',
  historyEmpty: 'Nenhuma tentativa de sincronização ainda.',
  historyFailed: (message) => `Não foi possível carregar o histórico: ${message}`,
  direction: { inbound: 'Para o CRM', outbound: 'Para o sistema externo' },
  copyDetails: 'Copiar detalhes',
  copied: 'Copiado',
  copyFailed: 'Não foi possível copiar',
  showMore: (count, hidden) => `Mostrar mais ${count} (${hidden} ocultas)`,
  statusChanged: (sync, status) => `${sync}: ${status}`,
  statusesChanged: (count) => `O status da sincronização mudou em ${count} registros.`,
};

export default ptBR;
