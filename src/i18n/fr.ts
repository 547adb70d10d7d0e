import type { Translation } from './en.ts';

// Status and field labels are the seed's (the CRM's French help centre), word for word.
const fr: Translation = {
  $code: 'fr',
  $dir: 'ltr',
  statusLabel: {
    up_to_date: 'À jour',
    sync_not_found: 'Synchronisation introuvable',
    sync_disabled: 'Synchronisation désactivée',
    record_not_synced: "Fiche d'informations non synchronisée",
    sync_unknown: 'Synchronisation inconnue',
    record_excluded: "Fiche d'informations exclue",
    in_progress: 'Synchronisation en cours',
  },
  statusHelp: {
    up_to_date: () => "La fiche d'informations est correctement synchronisée.",
    sync_not_found: (i) => `L'intégration est active, mais cette fiche d'informations n'est pas synchronisée avec ${i}.`,
    sync_disabled: (i) => `La synchronisation est désactivée dans la page des paramètres de ${i}.`,
    record_not_synced: () => "La fiche d'informations n'est pas synchronisée en raison d'une erreur.",
    sync_unknown: (i) =>
      `La fiche d'informations est synchronisée avec ${i}, mais les informations sur le statut de synchronisation ne sont pas disponibles.`,
    record_excluded: (_i, group) =>
      group
        ? `La fiche d'informations fait partie du groupe d'exclusion « ${group} ».`
        : "La fiche d'informations fait partie d'un groupe d'exclusion.",
    in_progress: () => "Une synchronisation de cette fiche d'informations est en cours.",
  },
  statusLinkHint: 'Sélectionnez le statut pour accéder à la page de statut de synchronisation.',
  syncedWith: 'Synchronisation avec',
  status: 'Statut',
  lastUpdated: 'Dernière mise à jour',
  notAvailable: '—',
  openRecord: "Ouvrir la fiche d'informations",
  opensInNewTab: '(s’ouvre dans un nouvel onglet)',
  loading: 'Chargement du statut de synchronisation…',
  empty: "Aucune information de synchronisation pour cette fiche d'informations.",
  errorTitle: "Le statut de synchronisation n'a pas pu être chargé.",
  retry: 'Réessayer',
  setupTitle: 'Activer des fonctionnalités supplémentaires',
  setupText: (i) =>
    `${i} est connecté, mais ses fonctionnalités supplémentaires ne sont pas activées : des informations de synchronisation peuvent manquer.`,
  setupLink: 'Activer les fonctionnalités supplémentaires',
  cardsLabel: "Synchronisation d'intégration",
  nextSync: (relative) => `Prochaine synchronisation ${relative}`,
  resync: 'Resynchroniser',
  resyncing: 'Resynchronisation…',
  resyncFailed: (message) => `La resynchronisation a échoué : ${message}`,
  history: 'Historique',
  historyLoading: "Chargement de l'historique…",
  historyEmpty: 'Aucune tentative de synchronisation pour le moment.',
  historyFailed: (message) => `L'historique n'a pas pu être chargé : ${message}`,
  direction: { inbound: 'Vers le CRM', outbound: 'Vers le système externe' },
  copyDetails: 'Copier les détails',
  copied: 'Copié',
  copyFailed: 'Copie impossible',
  showMore: (count, hidden) => `Afficher ${count} de plus (${hidden} masquées)`,
  statusChanged: (sync, status) => `${sync} : ${status}`,
  statusesChanged: (count) => `Le statut de synchronisation a changé sur ${count} fiches d'informations.`,
};

export default fr;
