import { DashboardView } from './dashboard/DashboardView';
import { DataView as DataOptionsView } from './data/DataView';
import { DuplicatesView } from './duplicates/DuplicatesView';
import { OffersView } from './offers/OffersView';
import { PlaybookView } from './playbook/PlaybookView';
import { ProspectsView } from './prospects/ProspectsView';
import { SettingsView } from './settings/SettingsView';
import type { ViewRegistry } from './views';
import { WebmailsView } from './webmails/WebmailsView';

/** Which component renders each options section (sections without one are hidden). */
export const OPTIONS_VIEWS: ViewRegistry = {
  dashboard: DashboardView,
  prospects: ProspectsView,
  duplicates: DuplicatesView,
  data: DataOptionsView,
  offers: OffersView,
  playbook: PlaybookView,
  settings: SettingsView,
  webmails: WebmailsView,
};
