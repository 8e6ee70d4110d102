import type { BrowserContext, Page } from '@playwright/test';
import { launchPlainBrowser, serve } from './browser';
import { mutationHeavyMailPage, type WorkloadResult } from './host-page';
import type { Session } from './session';
import { median, rounded, type Sampled, sampled } from './stats';

const MAIL_URL = 'https://mail.google.com/mail/u/0/';
const MAIL_PATTERN = /^https:\/\/mail\.google\.com\/mail\//;
/** Past document_idle, so the content script has started. */
const AFTER_LOAD_MS = 1000;
/** Work the extension deferred (debounced scans) lands here; counted by the renderer's task time only. */
const TAIL_MS = 300;

export type HostOverheadFigures = {
  /** Median over pairs of (workload time with the extension) / (without). */
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
};

type ThreadTimes = { taskMs: number; cpuMs: number };
type Side = { page: Page; threadTimes: () => Promise<ThreadTimes> };

/** The page is loaded once per browser and the workload re-run on it: short runs, many pairs, drift shared by both sides. */
async function prepareSide(context: BrowserContext): Promise<Side> {
  await serve(context, MAIL_PATTERN, () => mutationHeavyMailPage());
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(MAIL_URL);
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
 * The same mutation-heavy Gmail-like page and workload in two browsers, one with the
 * extension (its Gmail content script watching) and one without; paired runs, the order
 * alternating, so drift on a shared machine hits both sides alike.
 */
export async function measureHostOverhead(session: Session): Promise<HostOverheadFigures> {
  const { scale } = session;
  const plain = await launchPlainBrowser();
  try {
    const withExtension = await prepareSide(session.extension.context);
    const withoutExtension = await prepareSide(plain.context);
    const workload = { rounds: scale.workloadRounds, navigations: scale.workloadNavigations };
    // Unmeasured: compiles the page's code and warms both browsers' caches.
    await runOnce(withExtension, workload);
    await runOnce(withoutExtension, workload);

    const on: Run[] = [];
    const off: Run[] = [];
    for (let pair = 0; pair < scale.overheadPairs; pair++) {
      if (pair % 2 === 0) {
        on.push(await runOnce(withExtension, workload));
        off.push(await runOnce(withoutExtension, workload));
      } else {
        off.push(await runOnce(withoutExtension, workload));
        on.push(await runOnce(withExtension, workload));
      }
      const [lastOn, lastOff] = [on.at(-1), off.at(-1)];
      session.log(
        `  host overhead pair ${pair + 1}: ${lastOn?.elapsedMs.toFixed(0)} ms (CPU ${lastOn?.cpuMs.toFixed(0)}) with, ${lastOff?.elapsedMs.toFixed(0)} ms (CPU ${lastOff?.cpuMs.toFixed(0)}) without`,
      );
    }
    await withExtension.page.close();
    const ratiosOf = (measure: (run: Run) => number) =>
      on.map((run, index) => {
        const baseline = off[index];
        return baseline ? measure(run) / measure(baseline) : Number.NaN;
      });
    const pairRatios = ratiosOf((run) => run.elapsedMs);
    return {
      ratio: rounded(median(pairRatios), 4),
      withExtensionMs: sampled(on.map((run) => run.elapsedMs)),
      withoutExtensionMs: sampled(off.map((run) => run.elapsedMs)),
      pairRatios: pairRatios.map((ratio) => rounded(ratio, 4)),
      taskTimeRatio: rounded(median(ratiosOf((run) => run.taskMs)), 4),
      cpuTimeRatio: rounded(median(ratiosOf((run) => run.cpuMs)), 4),
      longTaskMs: {
        withExtension: rounded(median(on.map((run) => run.longTaskMs))),
        withoutExtension: rounded(median(off.map((run) => run.longTaskMs))),
      },
      mutationsPerRun: median(on.map((run) => run.mutations)),
    };
  } finally {
    await plain.close();
  }
}
