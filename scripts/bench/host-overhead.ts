import type { BrowserContext, Page } from '@playwright/test';
import { launchPlainBrowser, serve } from './browser';
import { mutationHeavyMailPage, type WorkloadResult } from './host-page';
import type { Session } from './session';
import { median, rounded, type Sampled, sampled } from './stats';

const MAIL_URL = 'https://mail.google.com/mail/u/0/';
const MAIL_PATTERN = /^https:\/\/mail\.google\.com\/mail\//;
/** The same page on a host the extension may not read: no content script runs there. */
const UNREAD_URL = 'https://mail.relance-bench.test/mail/u/0/';
const UNREAD_PATTERN = /^https:\/\/mail\.relance-bench\.test\/mail\//;
/** Past document_idle, so the content script has started. */
const AFTER_LOAD_MS = 1000;
/** Work the extension deferred (debounced scans) lands here; counted by the renderer's task time only. */
const TAIL_MS = 300;

export type HostOverheadFigures = {
  /**
   * Median over pairs of (workload time with the Gmail content script) / (without), both tabs
   * in the browser that has the extension: same process state and caches on both sides, so
   * the only difference is what the extension runs in the page.
   */
  ratio: number;
  withExtensionMs: Sampled;
  withoutExtensionMs: Sampled;
  pairRatios: number[];
  /** Same pairs, from the renderer's main-thread task time (CDP Performance.TaskDuration), workload + tail. */
  taskTimeRatio: number;
  /**
   * Same pairs, from the main thread's CPU time (CDP Performance.ThreadTime), workload + tail:
   * time the thread was descheduled (other processes on these 2 cores) does not count, so this
   * is far less noisy than wall time here.
   */
  cpuTimeRatio: number;
  longTaskMs: { withExtension: number; withoutExtension: number };
  mutationsPerRun: number;
  /** The same comparison against a second browser without the extension (noisier: two processes, two caches). */
  separateBrowser: { ratio: number; cpuTimeRatio: number; withoutExtensionMs: Sampled };
};

type ThreadTimes = { taskMs: number; cpuMs: number };
type Side = { page: Page; threadTimes: () => Promise<ThreadTimes> };

/** The page is loaded once per browser and the workload re-run on it: short runs, many pairs, drift shared by both sides. */
async function prepareSide(context: BrowserContext, url = MAIL_URL, pattern = MAIL_PATTERN): Promise<Side> {
  await serve(context, pattern, () => mutationHeavyMailPage());
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(url);
  await page.waitForTimeout(AFTER_LOAD_MS);
  return {
    page,
    async threadTimes() {
      const { metrics } = await cdp.send('Performance.getMetrics');
      const seconds = (name: string) => metrics.find((metric) => metric.name === name)?.value ?? Number.NaN;
      return { taskMs: seconds('TaskDuration') * 1000, cpuMs: seconds('ThreadTime') * 1000 };
    },
  };
}

type Run = WorkloadResult & ThreadTimes;

/**
 * One workload. Its hash navigations wake the content script's page-wide observer each time
 * (it watches the whole document for 6 s after a navigation), so every run sees the extension
 * at its busiest, not settled.
 */
async function runOnce(side: Side, options: { rounds: number; navigations: number }): Promise<Run> {
  // A background tab's timers are throttled: the measured tab is always the one in front.
  await side.page.bringToFront();
  const before = await side.threadTimes();
  const result = await side.page.evaluate(
    (workload) => (window as unknown as { runBenchWorkload(o: typeof workload): Promise<WorkloadResult> }).runBenchWorkload(workload),
    options,
  );
  await side.page.waitForTimeout(TAIL_MS);
  const after = await side.threadTimes();
  return { ...result, taskMs: after.taskMs - before.taskMs, cpuMs: after.cpuMs - before.cpuMs };
}

/**
 * The same mutation-heavy Gmail-like page and workload, with the extension's Gmail content
 * script watching and without: in the extension's browser on a host it may not read, and in a
 * second browser without the extension. Paired runs, the order rotating, so drift on a shared
 * machine hits every side alike.
 */
export async function measureHostOverhead(session: Session): Promise<HostOverheadFigures> {
  const { scale } = session;
  const plain = await launchPlainBrowser();
  try {
    const withExtension = await prepareSide(session.extension.context);
    const unreadHost = await prepareSide(session.extension.context, UNREAD_URL, UNREAD_PATTERN);
    const otherBrowser = await prepareSide(plain.context);
    const sides = [withExtension, unreadHost, otherBrowser];
    const workload = { rounds: scale.workloadRounds, navigations: scale.workloadNavigations };
    // Unmeasured: compiles the page's code and warms both browsers' caches.
    for (const side of sides) await runOnce(side, workload);

    const runs = new Map<Side, Run[]>(sides.map((side) => [side, []]));
    for (let pair = 0; pair < scale.overheadPairs; pair++) {
      for (let turn = 0; turn < sides.length; turn++) {
        const side = sides[(pair + turn) % sides.length] as Side;
        runs.get(side)?.push(await runOnce(side, workload));
      }
      const last = (side: Side) => runs.get(side)?.at(-1);
      const timing = (run: Run | undefined) => `${run?.elapsedMs.toFixed(0)} ms (CPU ${run?.cpuMs.toFixed(0)})`;
      session.log(
        `  host overhead round ${pair + 1}: ${timing(last(withExtension))} with, ${timing(last(unreadHost))} without, ${timing(last(otherBrowser))} in a browser without the extension`,
      );
    }
    for (const side of sides) await side.page.close();
    const on = runs.get(withExtension) ?? [];
    const off = runs.get(unreadHost) ?? [];
    const plainRuns = runs.get(otherBrowser) ?? [];
    const ratiosOf = (baselines: Run[], measure: (run: Run) => number) =>
      on.map((run, index) => {
        const baseline = baselines[index];
        return baseline ? measure(run) / measure(baseline) : Number.NaN;
      });
    const pairRatios = ratiosOf(off, (run) => run.elapsedMs);
    return {
      ratio: rounded(median(pairRatios), 4),
      withExtensionMs: sampled(on.map((run) => run.elapsedMs)),
      withoutExtensionMs: sampled(off.map((run) => run.elapsedMs)),
      pairRatios: pairRatios.map((ratio) => rounded(ratio, 4)),
      taskTimeRatio: rounded(median(ratiosOf(off, (run) => run.taskMs)), 4),
      cpuTimeRatio: rounded(median(ratiosOf(off, (run) => run.cpuMs)), 4),
      longTaskMs: {
        withExtension: rounded(median(on.map((run) => run.longTaskMs))),
        withoutExtension: rounded(median(off.map((run) => run.longTaskMs))),
      },
      mutationsPerRun: median(on.map((run) => run.mutations)),
      separateBrowser: {
        ratio: rounded(median(ratiosOf(plainRuns, (run) => run.elapsedMs)), 4),
        cpuTimeRatio: rounded(median(ratiosOf(plainRuns, (run) => run.cpuMs)), 4),
        withoutExtensionMs: sampled(plainRuns.map((run) => run.elapsedMs)),
      },
    };
  } finally {
    await plain.close();
  }
}
