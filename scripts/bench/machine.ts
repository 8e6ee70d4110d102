import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { chromiumPath } from '../../tests/e2e/support/extension';

/** One line: CPU, cores, RAM, Chromium and Node versions. */
export function describeMachine(chromiumVersion: string): string {
  let cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  try {
    cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpu;
  } catch {
    // Not Linux: os.cpus() named it already.
  }
  const ramGb = Math.round(os.totalmem() / 2 ** 30);
  return `${cpu}, ${os.availableParallelism()} cores, ${ramGb} GB RAM, Chromium ${chromiumVersion}, Node ${process.version}`;
}

/** The full version: the browser's user agent reports only the major one ("156.0.0.0"). */
export function chromiumVersion(userAgent: string): string {
  const executable = chromiumPath();
  const printed = executable ? spawnSync(executable, ['--version'], { encoding: 'utf8' }).stdout : '';
  return /(\d+\.\d+\.\d+\.\d+)/.exec(printed ?? '')?.[1] ?? /Chrome\/([\d.]+)/.exec(userAgent)?.[1] ?? 'unknown';
}
