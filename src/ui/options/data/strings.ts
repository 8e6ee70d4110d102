import type { BackupErrorCode } from '../../../db/backup';
import type { RelanceTableName } from '../../../db/database';
import type { CsvEncoding } from '../../../import/csv-read';
import type { MappableField } from '../../../import/mapping';
import type { MatchedBy } from '../../../import/plan';
import { defineStrings } from '../../localized';

const frNumber = (value: number) => new Intl.NumberFormat('fr').format(value);
const enNumber = (value: number) => new Intl.NumberFormat('en').format(value);

type DataStrings = {
  intro: string;
  working: string;
  cancel: string;
  colon: string;
  // Reminder
  reminderTitle: string;
  reminderNever: string;
  reminderOld: (days: number) => string;
  reminderUninstall: string;
  reminderAction: string;
  // Import
  importTitle: string;
  importIntro: string;
  importFile: string;
  noFileChosen: string;
  importFileHint: string;
  steps: { file: string; mapping: string; check: string; import: string };
  stepsLabel: string;
  reading: (fileName: string) => string;
  emptyFile: string;
  mappingTitle: string;
  detected: (encoding: string, delimiter: string, rows: number) => string;
  encodings: Record<CsvEncoding, string>;
  delimiters: Record<string, string>;
  columnHeader: string;
  fieldHeader: string;
  previewHeader: string;
  untitledColumn: (index: number) => string;
  fieldFor: (header: string) => string;
  ignore: string;
  fields: Record<MappableField, string>;
  noIdentityColumn: string;
  repeatedField: (field: string) => string;
  mappingConfirm: string;
  planning: string;
  reportTitle: string;
  reportCounts: { ok: string; duplicates: string; rejected: string; warnings: string };
  rowsInFile: (rows: number) => string;
  rejectedTitle: string;
  duplicatesTitle: string;
  warningsTitle: string;
  line: (line: number) => string;
  andMore: (count: number) => string;
  rejections: {
    'no-identity': string;
    'invalid-email': (value: string) => string;
    'invalid-linkedin-url': (value: string) => string;
    'too-long': (field: string, limit: number) => string;
    'too-many': (field: string, limit: number) => string;
    'invalid-value': (field: string) => string;
  };
  recordFields: Record<string, string>;
  duplicateOfProspect: (name: string) => string;
  duplicateOfRow: (line: number) => string;
  via: Record<MatchedBy, string>;
  warnings: {
    'unknown-stage': (value: string) => string;
    'unknown-qualification': (value: string) => string;
    'csv-syntax': string;
    'invalid-email-dropped': (value: string) => string;
    'invalid-linkedin-url-dropped': (value: string) => string;
    'sales-navigator-link': (value: string) => string;
    'unknown-outcome': (value: string) => string;
    'invalid-creation-date': (value: string) => string;
    'invalid-outcome-date': (value: string) => string;
  };
  policyTitle: string;
  policySkip: string;
  policySkipHint: string;
  policyMerge: string;
  policyMergeHint: string;
  importConfirm: (created: number, merged: number) => string;
  nothingToImport: string;
  backToMapping: string;
  importing: string;
  importProgress: string;
  importDone: (created: number, merged: number) => string;
  importAnother: string;
  importFailed: string;
  nothingImported: string;
  startOver: string;
  // Export
  exportTitle: string;
  exportIntro: string;
  exportPreset: string;
  presets: { relance: string; hubspot: string; pipedrive: string };
  exportProspects: string;
  exportInteractions: string;
  exportRelances: string;
  exported: (fileName: string) => string;
  exportFailed: (message: string) => string;
  // Backup
  backupTitle: string;
  backupIntro: string;
  backupDownload: string;
  backupProgress: string;
  backupDone: (fileName: string) => string;
  backupFailed: (message: string) => string;
  lastBackup: (date: string) => string;
  noBackupYet: string;
  restoreTitle: string;
  restoreIntro: string;
  restoreFile: string;
  readingBackup: string;
  previewTitle: string;
  previewSchema: (version: number) => string;
  previewExportedAt: (date: string) => string;
  previewNoDate: string;
  previewTable: string;
  previewRows: string;
  previewTotal: string;
  tables: Record<RelanceTableName, string>;
  restoreWarning: string;
  restoreConfirm: string;
  restoreProgress: string;
  restoreDone: (rows: number) => string;
  restoreUpgraded: (version: number) => string;
  backupErrors: Record<BackupErrorCode, string>;
  restoreFailed: (message: string) => string;
  errorDetail: (message: string) => string;
  dataUntouched: string;
  // Storage
  storageTitle: string;
  storagePersisted: string;
  storageNotPersisted: string;
  storageUnknown: string;
  storagePersist: string;
  storagePersistGranted: string;
  storagePersistRefused: string;
  storageUsage: (usage: string, quota: string) => string;
  storageUsageUnknown: string;
  storageUnlimited: string;
  megabytes: (value: string) => string;
};

export const dataStrings = defineStrings<DataStrings>({
  fr: {
    intro:
      'Importez un fichier de prospects (Excel, HubSpot, Pipedrive…), exportez vos données en CSV et gardez une sauvegarde complète : tout est stocké dans ce navigateur, nulle part ailleurs.',
    working: 'En cours…',
    cancel: 'Annuler',
    colon: '\u00a0: ',
    reminderTitle: 'Pensez à sauvegarder vos données',
    reminderNever: 'Vous n’avez encore jamais téléchargé de sauvegarde.',
    reminderOld: (days) => `Votre dernière sauvegarde date de plus de ${days} jours.`,
    reminderUninstall:
      'Vos prospects, échanges et relances ne sont enregistrés que dans ce navigateur : désinstaller l’extension (ou effacer les données du navigateur) les supprime définitivement.',
    reminderAction: 'Télécharger une sauvegarde maintenant',
    importTitle: 'Importer des prospects (CSV)',
    importIntro:
      'Fichier CSV séparé par « ; », « , » ou tabulation, en UTF-8 ou Windows-1252 (Excel). Rien n’est enregistré avant votre confirmation.',
    importFile: 'Choisir un fichier CSV…',
    noFileChosen: 'Aucun fichier choisi',
    importFileHint: 'Les colonnes sont reconnues automatiquement ; vous pourrez les corriger à l’étape suivante.',
    steps: { file: 'Fichier', mapping: 'Colonnes', check: 'Vérification', import: 'Import' },
    stepsLabel: 'Étapes de l’import',
    reading: (fileName) => `Lecture de « ${fileName} »…`,
    emptyFile: 'Ce fichier ne contient aucune ligne de données (seulement un en-tête, ou rien).',
    mappingTitle: 'Correspondance des colonnes',
    detected: (encoding, delimiter, rows) =>
      `Encodage ${encoding}, séparateur ${delimiter}, ${frNumber(rows)} ligne${rows > 1 ? 's' : ''} de données.`,
    encodings: { 'utf-8': 'UTF-8', 'windows-1252': 'Windows-1252 (Excel)', 'utf-16le': 'UTF-16', 'utf-16be': 'UTF-16' },
    delimiters: { ';': '« ; »', ',': '« , »', '\t': 'tabulation' },
    columnHeader: 'Colonne du fichier',
    fieldHeader: 'Champ Relance',
    previewHeader: 'Aperçu (premières lignes)',
    untitledColumn: (index) => `(colonne ${index} sans titre)`,
    fieldFor: (header) => `Champ pour la colonne « ${header} »`,
    ignore: '— Ne pas importer —',
    fields: {
      fullName: 'Nom complet',
      firstName: 'Prénom',
      lastName: 'Nom de famille',
      email: 'E-mail',
      phone: 'Téléphone',
      company: 'Société',
      jobTitle: 'Poste',
      linkedinUrl: 'Profil LinkedIn',
      location: 'Ville / lieu',
      stage: 'Étape',
      qualification: 'Qualification',
      tags: 'Tags',
      notes: 'Notes',
      source: 'Source',
      headline: 'Accroche LinkedIn',
      createdAt: 'Date de création',
      outcome: 'Résultat (gagné / perdu)',
      outcomeReason: 'Motif du résultat',
      outcomeDate: 'Date du résultat',
    },
    noIdentityColumn:
      'Aucune colonne ne donne de nom, d’e-mail ni de profil LinkedIn : chaque ligne serait rejetée. Choisissez au moins l’une d’elles.',
    repeatedField: (field) => `Plusieurs colonnes vont dans « ${field} » : seule la première remplie sera gardée.`,
    mappingConfirm: 'Vérifier les lignes',
    planning: 'Vérification des lignes et recherche des doublons…',
    reportTitle: 'Rapport de vérification',
    reportCounts: { ok: 'à importer', duplicates: 'doublons', rejected: 'rejetées', warnings: 'avertissements' },
    rowsInFile: (rows) => `${frNumber(rows)} ligne${rows > 1 ? 's' : ''} de données dans le fichier.`,
    rejectedTitle: 'Lignes rejetées',
    duplicatesTitle: 'Doublons',
    warningsTitle: 'Avertissements',
    line: (line) => `Ligne ${line}`,
    andMore: (count) => `… et ${count} autre${count > 1 ? 's' : ''}.`,
    rejections: {
      'no-identity': 'ni nom, ni e-mail, ni profil LinkedIn',
      'invalid-email': (value) => `e-mail invalide « ${value} »`,
      'invalid-linkedin-url': (value) => `« ${value} » n’est pas l’adresse d’un profil LinkedIn`,
      'too-long': (field, limit) => `${field} trop long (${limit} caractères au plus)`,
      'too-many': (field, limit) => `trop de valeurs dans ${field} (${limit} au plus)`,
      'invalid-value': (field) => `valeur invalide dans ${field}`,
    },
    recordFields: {
      fullName: 'nom',
      emails: 'e-mail',
      phones: 'téléphone',
      company: 'société',
      jobTitle: 'poste',
      headline: 'accroche',
      linkedinUrl: 'profil LinkedIn',
      location: 'ville',
      tags: 'tags',
      notes: 'notes',
      source: 'source',
      salesNavId: 'identifiant Sales Navigator',
      outcome: 'motif du résultat',
    },
    duplicateOfProspect: (name) => `déjà dans vos prospects (${name})`,
    duplicateOfRow: (line) => `répète la ligne ${line} du fichier`,
    via: { linkedin: 'même profil LinkedIn', email: 'même e-mail', name: 'même nom et société' },
    warnings: {
      'unknown-stage': (value) => `étape inconnue « ${value} » : importé en Prospection`,
      'unknown-qualification': (value) => `qualification inconnue « ${value} » : importé comme suspect`,
      'csv-syntax': 'guillemets mal fermés dans le fichier : vérifiez cette ligne après l’import',
      'invalid-email-dropped': (value) => `e-mail invalide « ${value} » : laissé de côté, le reste de la ligne est importé`,
      'invalid-linkedin-url-dropped': (value) =>
        `« ${value} » n’est pas l’adresse d’un profil LinkedIn : laissé de côté, le reste de la ligne est importé`,
      'sales-navigator-link': (value) =>
        `lien Sales Navigator « ${value} » : gardé comme identifiant Sales Navigator, le profil LinkedIn reste à compléter`,
      'unknown-outcome': (value) => `résultat inconnu « ${value} » (ni gagné ni perdu) : importé sans résultat`,
      'invalid-creation-date': (value) => `date de création illisible « ${value} » : datée du jour de l’import`,
      'invalid-outcome-date': (value) => `date du résultat illisible « ${value} » : datée du jour de l’import`,
    },
    policyTitle: 'Que faire des doublons ?',
    policySkip: 'Les ignorer',
    policySkipHint: 'Les fiches existantes restent telles quelles.',
    policyMerge: 'Compléter les fiches existantes',
    policyMergeHint: 'Ajoute les e-mails, téléphones et tags nouveaux et remplit les champs vides ; rien n’est écrasé.',
    importConfirm: (created, merged) =>
      merged > 0
        ? `Importer ${frNumber(created)} prospect${created > 1 ? 's' : ''} et compléter les fiches existantes`
        : `Importer ${frNumber(created)} prospect${created > 1 ? 's' : ''}`,
    nothingToImport: 'Aucune ligne à importer avec ce choix.',
    backToMapping: 'Revenir aux colonnes',
    importing: 'Import en cours',
    importProgress: 'Écriture des prospects',
    importDone: (created, merged) =>
      `Import terminé : ${created} prospect${created > 1 ? 's' : ''} créé${created > 1 ? 's' : ''}` +
      (merged > 0 ? `, ${merged} fiche${merged > 1 ? 's' : ''} complétée${merged > 1 ? 's' : ''}.` : '.'),
    importAnother: 'Importer un autre fichier',
    importFailed: 'L’import a échoué.',
    nothingImported: 'Rien n’a été importé : vos données sont inchangées.',
    startOver: 'Recommencer',
    exportTitle: 'Exporter en CSV',
    exportIntro: 'Des fichiers CSV lisibles par Excel et par votre CRM. Le format Relance se réimporte tel quel.',
    exportPreset: 'Format des prospects',
    presets: { relance: 'Relance (Excel, réimport)', hubspot: 'HubSpot', pipedrive: 'Pipedrive' },
    exportProspects: 'Exporter les prospects',
    exportInteractions: 'Exporter les échanges',
    exportRelances: 'Exporter les relances',
    exported: (fileName) => `Fichier « ${fileName} » téléchargé.`,
    exportFailed: (message) => `L’export a échoué : ${message}`,
    backupTitle: 'Sauvegarde complète',
    backupIntro:
      'Un fichier JSON avec toutes vos données (prospects, échanges, relances, offres, réglages) : gardez-le en lieu sûr, il permet de tout retrouver sur un autre navigateur ou après une réinstallation.',
    backupDownload: 'Télécharger une sauvegarde',
    backupProgress: 'Préparation de la sauvegarde',
    backupDone: (fileName) => `Sauvegarde « ${fileName} » téléchargée.`,
    backupFailed: (message) => `La sauvegarde a échoué : ${message}`,
    lastBackup: (date) => `Dernière sauvegarde : ${date}.`,
    noBackupYet: 'Aucune sauvegarde pour le moment.',
    restoreTitle: 'Restaurer une sauvegarde',
    restoreIntro:
      'Choisissez un fichier de sauvegarde Relance, ou la copie brute enregistrée quand vos données ne s’ouvraient pas : son contenu s’affiche avant que quoi que ce soit ne soit remplacé.',
    restoreFile: 'Choisir une sauvegarde (.json)…',
    readingBackup: 'Lecture de la sauvegarde…',
    previewTitle: 'Contenu de la sauvegarde',
    previewSchema: (version) => `Version du schéma : ${version}`,
    previewExportedAt: (date) => `Faite le ${date}`,
    previewNoDate: 'Date de la sauvegarde inconnue',
    previewTable: 'Données',
    previewRows: 'Enregistrements',
    previewTotal: 'Total',
    tables: {
      prospects: 'Prospects',
      interactions: 'Échanges',
      relances: 'Relances',
      stageEvents: 'Changements d’étape',
      offers: 'Offres',
      settings: 'Réglages',
      decisions: 'Décisions sur les doublons',
    },
    restoreWarning:
      'La restauration remplace toutes vos données actuelles par celles de la sauvegarde. Ce qui a été saisi depuis sera perdu : téléchargez d’abord une sauvegarde si besoin.',
    restoreConfirm: 'Remplacer mes données par cette sauvegarde',
    restoreProgress: 'Restauration',
    restoreDone: (rows) => `Restauration terminée : ${rows} enregistrement${rows > 1 ? 's' : ''} restauré${rows > 1 ? 's' : ''}.`,
    restoreUpgraded: (version) => `La sauvegarde (schéma ${version}) a été mise à jour au format actuel.`,
    backupErrors: {
      'not-a-backup': 'Ce fichier n’est pas une sauvegarde Relance.',
      'newer-schema':
        'Cette sauvegarde vient d’une version plus récente de Relance : mettez d’abord l’extension à jour, puis restaurez-la.',
      'wrong-database': 'Ce fichier est la sauvegarde d’une autre application, pas de Relance.',
      corrupt: 'Cette sauvegarde est endommagée ou incomplète et ne peut pas être restaurée.',
    },
    restoreFailed: (message) => `La restauration a échoué : ${message}`,
    errorDetail: (message) => `Détail technique : ${message}`,
    dataUntouched: 'Vos données actuelles n’ont pas été modifiées.',
    storageTitle: 'Stockage',
    storagePersisted: 'Stockage persistant : activé. Le navigateur ne videra pas ces données pour libérer de la place.',
    storageNotPersisted: 'Stockage persistant : non activé.',
    storageUnknown: 'Ce navigateur n’indique pas l’état du stockage.',
    storagePersist: 'Demander le stockage persistant',
    storagePersistGranted: 'Stockage persistant accordé.',
    storagePersistRefused:
      'Le navigateur n’a pas accordé le stockage persistant. Grâce à la permission « unlimitedStorage », vos données restent tout de même à l’abri du nettoyage automatique.',
    storageUsage: (usage, quota) => `Espace utilisé : ${usage} sur ${quota} disponibles.`,
    storageUsageUnknown: 'Espace utilisé : inconnu.',
    storageUnlimited:
      'L’extension a la permission « unlimitedStorage » : pas de limite de taille pour vos données, que le navigateur n’efface pas quand le disque se remplit. Seule la désinstallation les supprime : gardez une sauvegarde.',
    megabytes: (value) => `${value} Mo`,
  },
  en: {
    intro:
      'Import a prospect file (Excel, HubSpot, Pipedrive…), export your data as CSV and keep a full backup: everything is stored in this browser and nowhere else.',
    working: 'Working…',
    cancel: 'Cancel',
    colon: ': ',
    reminderTitle: 'Remember to back up your data',
    reminderNever: 'You have never downloaded a backup yet.',
    reminderOld: (days) => `Your last backup is more than ${days} days old.`,
    reminderUninstall:
      'Your prospects, contacts and relances are stored in this browser only: uninstalling the extension (or clearing the browser’s data) deletes them for good.',
    reminderAction: 'Download a backup now',
    importTitle: 'Import prospects (CSV)',
    importIntro: 'A CSV file separated by “;”, “,” or tabs, in UTF-8 or Windows-1252 (Excel). Nothing is saved until you confirm.',
    importFile: 'Choose a CSV file…',
    noFileChosen: 'No file chosen',
    importFileHint: 'Columns are recognised automatically; you can correct them at the next step.',
    steps: { file: 'File', mapping: 'Columns', check: 'Check', import: 'Import' },
    stepsLabel: 'Import steps',
    reading: (fileName) => `Reading “${fileName}”…`,
    emptyFile: 'This file holds no data rows (only a header, or nothing).',
    mappingTitle: 'Column mapping',
    detected: (encoding, delimiter, rows) =>
      `Encoding ${encoding}, separator ${delimiter}, ${enNumber(rows)} data row${rows === 1 ? '' : 's'}.`,
    encodings: { 'utf-8': 'UTF-8', 'windows-1252': 'Windows-1252 (Excel)', 'utf-16le': 'UTF-16', 'utf-16be': 'UTF-16' },
    delimiters: { ';': '“;”', ',': '“,”', '\t': 'tab' },
    columnHeader: 'File column',
    fieldHeader: 'Relance field',
    previewHeader: 'Preview (first rows)',
    untitledColumn: (index) => `(untitled column ${index})`,
    fieldFor: (header) => `Field for column “${header}”`,
    ignore: '— Do not import —',
    fields: {
      fullName: 'Full name',
      firstName: 'First name',
      lastName: 'Last name',
      email: 'Email',
      phone: 'Phone',
      company: 'Company',
      jobTitle: 'Job title',
      linkedinUrl: 'LinkedIn profile',
      location: 'City / location',
      stage: 'Stage',
      qualification: 'Qualification',
      tags: 'Tags',
      notes: 'Notes',
      source: 'Source',
      headline: 'LinkedIn headline',
      createdAt: 'Creation date',
      outcome: 'Result (won / lost)',
      outcomeReason: 'Result reason',
      outcomeDate: 'Result date',
    },
    noIdentityColumn: 'No column gives a name, an email or a LinkedIn profile: every row would be rejected. Choose at least one of them.',
    repeatedField: (field) => `Several columns feed “${field}”: only the first filled one is kept.`,
    mappingConfirm: 'Check the rows',
    planning: 'Checking the rows and looking for duplicates…',
    reportTitle: 'Check report',
    reportCounts: { ok: 'to import', duplicates: 'duplicates', rejected: 'rejected', warnings: 'warnings' },
    rowsInFile: (rows) => `${enNumber(rows)} data row${rows === 1 ? '' : 's'} in the file.`,
    rejectedTitle: 'Rejected rows',
    duplicatesTitle: 'Duplicates',
    warningsTitle: 'Warnings',
    line: (line) => `Line ${line}`,
    andMore: (count) => `… and ${count} more.`,
    rejections: {
      'no-identity': 'no name, email or LinkedIn profile',
      'invalid-email': (value) => `invalid email “${value}”`,
      'invalid-linkedin-url': (value) => `“${value}” is not a LinkedIn profile URL`,
      'too-long': (field, limit) => `${field} too long (at most ${limit} characters)`,
      'too-many': (field, limit) => `too many values in ${field} (at most ${limit})`,
      'invalid-value': (field) => `invalid value in ${field}`,
    },
    recordFields: {
      fullName: 'name',
      emails: 'email',
      phones: 'phone',
      company: 'company',
      jobTitle: 'job title',
      headline: 'headline',
      linkedinUrl: 'LinkedIn profile',
      location: 'city',
      tags: 'tags',
      notes: 'notes',
      source: 'source',
      salesNavId: 'Sales Navigator id',
      outcome: 'result reason',
    },
    duplicateOfProspect: (name) => `already in your prospects (${name})`,
    duplicateOfRow: (line) => `repeats line ${line} of the file`,
    via: { linkedin: 'same LinkedIn profile', email: 'same email', name: 'same name and company' },
    warnings: {
      'unknown-stage': (value) => `unknown stage “${value}”: imported at Prospecting`,
      'unknown-qualification': (value) => `unknown qualification “${value}”: imported as suspect`,
      'csv-syntax': 'badly closed quotes in the file: check this row after the import',
      'invalid-email-dropped': (value) => `invalid email “${value}”: left out, the rest of the row is imported`,
      'invalid-linkedin-url-dropped': (value) => `“${value}” is not a LinkedIn profile URL: left out, the rest of the row is imported`,
      'sales-navigator-link': (value) =>
        `Sales Navigator link “${value}”: kept as the Sales Navigator id, the LinkedIn profile is still to fill in`,
      'unknown-outcome': (value) => `unknown result “${value}” (neither won nor lost): imported without a result`,
      'invalid-creation-date': (value) => `unreadable creation date “${value}”: dated on the day of the import`,
      'invalid-outcome-date': (value) => `unreadable result date “${value}”: dated on the day of the import`,
    },
    policyTitle: 'What about duplicates?',
    policySkip: 'Skip them',
    policySkipHint: 'Existing records stay as they are.',
    policyMerge: 'Complete the existing records',
    policyMergeHint: 'Adds new emails, phones and tags and fills empty fields; nothing is overwritten.',
    importConfirm: (created, merged) =>
      merged > 0
        ? `Import ${enNumber(created)} prospect${created === 1 ? '' : 's'} and complete existing records`
        : `Import ${enNumber(created)} prospect${created === 1 ? '' : 's'}`,
    nothingToImport: 'No row to import with this choice.',
    backToMapping: 'Back to the columns',
    importing: 'Importing',
    importProgress: 'Writing the prospects',
    importDone: (created, merged) =>
      `Import finished: ${created} prospect${created === 1 ? '' : 's'} created` +
      (merged > 0 ? `, ${merged} record${merged === 1 ? '' : 's'} completed.` : '.'),
    importAnother: 'Import another file',
    importFailed: 'The import failed.',
    nothingImported: 'Nothing was imported: your data is unchanged.',
    startOver: 'Start over',
    exportTitle: 'Export as CSV',
    exportIntro: 'CSV files that Excel and your CRM can read. The Relance format re-imports as is.',
    exportPreset: 'Prospect format',
    presets: { relance: 'Relance (Excel, re-import)', hubspot: 'HubSpot', pipedrive: 'Pipedrive' },
    exportProspects: 'Export prospects',
    exportInteractions: 'Export contacts log',
    exportRelances: 'Export relances',
    exported: (fileName) => `File “${fileName}” downloaded.`,
    exportFailed: (message) => `The export failed: ${message}`,
    backupTitle: 'Full backup',
    backupIntro:
      'A JSON file with all your data (prospects, contacts, relances, offers, settings): keep it somewhere safe, it brings everything back in another browser or after a reinstall.',
    backupDownload: 'Download a backup',
    backupProgress: 'Preparing the backup',
    backupDone: (fileName) => `Backup “${fileName}” downloaded.`,
    backupFailed: (message) => `The backup failed: ${message}`,
    lastBackup: (date) => `Last backup: ${date}.`,
    noBackupYet: 'No backup yet.',
    restoreTitle: 'Restore a backup',
    restoreIntro:
      'Choose a Relance backup file, or the raw copy saved when your data would not open: its content is shown before anything is replaced.',
    restoreFile: 'Choose a backup (.json)…',
    readingBackup: 'Reading the backup…',
    previewTitle: 'What the backup holds',
    previewSchema: (version) => `Schema version: ${version}`,
    previewExportedAt: (date) => `Made on ${date}`,
    previewNoDate: 'Backup date unknown',
    previewTable: 'Data',
    previewRows: 'Records',
    previewTotal: 'Total',
    tables: {
      prospects: 'Prospects',
      interactions: 'Contacts log',
      relances: 'Relances',
      stageEvents: 'Stage changes',
      offers: 'Offers',
      settings: 'Settings',
      decisions: 'Duplicate decisions',
    },
    restoreWarning:
      'Restoring replaces all your current data with the backup’s. Anything entered since will be lost: download a backup first if needed.',
    restoreConfirm: 'Replace my data with this backup',
    restoreProgress: 'Restoring',
    restoreDone: (rows) => `Restore finished: ${rows} record${rows === 1 ? '' : 's'} restored.`,
    restoreUpgraded: (version) => `The backup (schema ${version}) was brought up to the current format.`,
    backupErrors: {
      'not-a-backup': 'This file is not a Relance backup.',
      'newer-schema': 'This backup comes from a newer version of Relance: update the extension first, then restore it.',
      'wrong-database': 'This file is a backup of another application, not of Relance.',
      corrupt: 'This backup is damaged or incomplete and cannot be restored.',
    },
    restoreFailed: (message) => `The restore failed: ${message}`,
    errorDetail: (message) => `Technical detail: ${message}`,
    dataUntouched: 'Your current data has not been changed.',
    storageTitle: 'Storage',
    storagePersisted: 'Persistent storage: on. The browser will not clear this data to free up space.',
    storageNotPersisted: 'Persistent storage: off.',
    storageUnknown: 'This browser does not report the storage state.',
    storagePersist: 'Ask for persistent storage',
    storagePersistGranted: 'Persistent storage granted.',
    storagePersistRefused:
      'The browser did not grant persistent storage. Thanks to the “unlimitedStorage” permission, your data is still safe from automatic clean-up.',
    storageUsage: (usage, quota) => `Space used: ${usage} of ${quota} available.`,
    storageUsageUnknown: 'Space used: unknown.',
    storageUnlimited:
      'The extension has the “unlimitedStorage” permission: no size limit for your data, which the browser does not clear when the disk fills up. Only uninstalling deletes it: keep a backup.',
    megabytes: (value) => `${value} MB`,
  },
});
