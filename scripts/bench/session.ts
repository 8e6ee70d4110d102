import type { Extension } from '../../tests/e2e/support/extension';

/** How much data and how many repetitions a run uses; `--quick` only checks that every step works. */
export type Scale = {
  overheadPairs: number;
  workloadRounds: number;
  workloadNavigations: number;
  spaNavigationsPerSite: number;
  prospects: number;
  lookupRounds: number;
  lookupsPerRound: number;
  relances: number;
  firstRenderOpens: number;
  backupRuns: number;
  restoreRuns: number;
  dashboardProspects: number;
  dashboardInteractions: number;
  dashboardRelances: number;
  dashboardOpens: number;
  csvRows: number;
  csvRuns: number;
};

export const FULL_SCALE: Scale = {
  overheadPairs: 25,
  workloadRounds: 60,
  workloadNavigations: 3,
  spaNavigationsPerSite: 12,
  prospects: 100_000,
  lookupRounds: 40,
  lookupsPerRound: 10,
  relances: 100_000,
  firstRenderOpens: 7,
  backupRuns: 3,
  restoreRuns: 3,
  dashboardProspects: 10_000,
  dashboardInteractions: 100_000,
  dashboardRelances: 10_000,
  dashboardOpens: 5,
  csvRows: 10_000,
  csvRuns: 3,
};

export const QUICK_SCALE: Scale = {
  overheadPairs: 1,
  workloadRounds: 40,
  workloadNavigations: 2,
  spaNavigationsPerSite: 2,
  prospects: 5_000,
  lookupRounds: 4,
  lookupsPerRound: 10,
  relances: 5_000,
  firstRenderOpens: 1,
  backupRuns: 1,
  restoreRuns: 1,
  dashboardProspects: 1_000,
  dashboardInteractions: 10_000,
  dashboardRelances: 1_000,
  dashboardOpens: 1,
  csvRows: 1_000,
  csvRuns: 1,
};

/** The figures a run can be limited to with `--only=popup,dashboard` (to iterate on one of them). */
export const STEPS = ['overhead', 'spa', 'lookup', 'backup', 'popup', 'sidepanel', 'dashboard', 'csv'] as const;
export type Step = (typeof STEPS)[number];

export type Session = {
  extension: Extension;
  /** Whether this run measures that step (every step unless `--only` names some). */
  runs(step: Step): boolean;
  scale: Scale;
  /** The bench's page library (scripts/bench/in-page.ts, bundled). */
  benchScript: string;
  log(message: string): void;
};

export const extensionUrl = (session: Session, pathAndQuery: string): string =>
  `chrome-extension://${session.extension.id}/${pathAndQuery}`;
