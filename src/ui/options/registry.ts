import { DataView as DataOptionsView } from './data/DataView';
import { OffersView } from './offers/OffersView';
import { PlaybookView } from './playbook/PlaybookView';
import { SettingsView } from './settings/SettingsView';
import type { ViewRegistry } from './views';
import { WebmailsView } from './webmails/WebmailsView';

/** Which component renders each options section (sections without one are hidden). */
export const OPTIONS_VIEWS: ViewRegistry = {
  data: DataOptionsView,
  offers: OffersView,
  playbook: PlaybookView,
  settings: SettingsView,
  webmails: WebmailsView,
};
