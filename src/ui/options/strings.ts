import { defineStrings } from '../localized';

export const optionsStrings = defineStrings({
  fr: {
    title: 'Relance — options',
    nav: 'Sections des options',
    views: {
      dashboard: 'Tableau de bord',
      prospects: 'Fichier prospects',
      data: 'Import, export, sauvegarde',
      duplicates: 'Doublons',
      offers: 'Offres (étape 1)',
      playbook: 'Processus de vente',
      settings: 'Réglages',
      webmails: 'Messageries',
    },
    notFound: 'Section inconnue.',
  },
  en: {
    title: 'Relance — options',
    nav: 'Options sections',
    views: {
      dashboard: 'Dashboard',
      prospects: 'Prospect file',
      data: 'Import, export, backup',
      duplicates: 'Duplicates',
      offers: 'Offers (step 1)',
      playbook: 'Sales process',
      settings: 'Settings',
      webmails: 'Webmails',
    },
    notFound: 'Unknown section.',
  },
});
