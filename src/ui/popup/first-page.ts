import { db } from '../../db/instance';
import { firstScreen, type QueueSection } from '../../db/relance-queue';
import { todayIso } from '../../process';

export interface FirstPage {
  today: string;
  /** Set once the read is back. */
  sections?: QueueSection[];
  /** The read is over, answered or failed. */
  settled: boolean;
  /** Undefined when the read failed (the live query then fills the page). */
  request: Promise<QueueSection[] | undefined>;
}

export function requestFirstPage(today: string = todayIso()): FirstPage {
  const page: FirstPage = {
    today,
    settled: false,
    request: firstScreen(db, today).then(
      (sections) => {
        page.sections = sections;
        page.settled = true;
        return sections;
      },
      () => {
        page.settled = true;
        return undefined;
      },
    ),
  };
  return page;
}

/**
 * The popup's first screen (db/relance-queue, firstScreen), asked for as the popup's code is
 * evaluated: the database opens and reads while React mounts, not after the first render.
 */
export const firstPage: FirstPage = requestFirstPage();
