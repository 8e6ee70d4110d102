import { browser } from 'wxt/browser';
import { openSidePanel } from '../../browser/side-panel';
import type { Prospect } from '../../model';
import { requestPanelFocus } from '../../storage/panel-focus';

/** Focuses a tab already showing the person, else opens their LinkedIn profile, else a mail search. */
export async function openProspectPage(prospect: Prospect): Promise<void> {
  if (prospect.linkedinUrl) {
    const [open] = await browser.tabs.query({ url: `${prospect.linkedinUrl}*` });
    if (open?.id !== undefined) {
      await browser.tabs.update(open.id, { active: true });
      if (open.windowId !== undefined) await browser.windows.update(open.windowId, { focused: true });
      return;
    }
    await browser.tabs.create({ url: prospect.linkedinUrl });
    return;
  }
  const email = prospect.emails[0];
  if (email) await browser.tabs.create({ url: `https://mail.google.com/mail/u/0/#search/${encodeURIComponent(email)}` });
}

/** Opens the side panel (this click is the user gesture it needs) on this prospect. */
export async function showInSidePanel(prospect: Prospect): Promise<void> {
  await requestPanelFocus(prospect.id);
  const current = await browser.windows.getCurrent();
  await openSidePanel({ windowId: current.id });
}
