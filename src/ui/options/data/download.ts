import { todayIso } from '../../../process';

// Long enough for the browser to have started reading the Blob; the URL is only a handle.
const REVOKE_AFTER_MS = 30_000;

/** Saves a Blob as a file through a temporary `<a download>`, then lets the object URL go. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  }
}

/** `relance-prospects-2026-03-14.csv`: the local date, so files sort and never overwrite another day's. */
export function datedFileName(stem: string, extension: string, now: Date = new Date()): string {
  return `${stem}-${todayIso(now)}.${extension}`;
}
