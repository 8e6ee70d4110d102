/**
 * The `npm run recognize` contract (DESIGN.md): JSON on stdout and exit 0; a missing file or
 * --url gives one line on stderr and a non-zero exit.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(here, '../../..');
const FIXTURES = path.join(ROOT, 'tests/fixtures/linkedin');

function runCli(...args: string[]) {
  const result = spawnSync('npx', ['--no-install', 'tsx', 'scripts/recognize.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, timedOut: result.error !== undefined };
}

const fixtureJson = (name: string) =>
  JSON.parse(readFileSync(path.join(FIXTURES, `${name}.json`), 'utf8')) as { url: string; contact: Record<string, string> };

describe('scripts/recognize.ts', { timeout: 120_000 }, () => {
  it('prints the recognised PageContact as JSON and exits 0', () => {
    const expected = fixtureJson('2024-hashed-classes');
    const run = runCli('--url', expected.url, path.join(FIXTURES, '2024-hashed-classes.html'));
    expect(run.timedOut).toBe(false);
    expect(run.status).toBe(0);
    const contact = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(contact).toMatchObject(expected.contact);
    expect(contact.confidence).toMatchObject({ linkedinUrl: 'url', fullName: 'title' });
  });

  it('never runs the saved page’s scripts or event handlers', () => {
    const expected = fixtureJson('hostile-name');
    const run = runCli(`--url=${expected.url}`, path.join(FIXTURES, 'hostile-name.html'));
    expect(run.status).toBe(0);
    const contact = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(contact.fullName).toBe('Mallory <img src=x onerror=alert(1)>');
    expect(run.stdout).not.toContain('Pwned');
  });

  it('prints null (exit 0) for a page no adapter recognises', () => {
    const run = runCli('--url', 'https://www.linkedin.com/feed/', path.join(FIXTURES, '2022-text-heading-xlarge.html'));
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toBeNull();
  });

  it('fails with one line on stderr for a missing file', () => {
    const run = runCli('--url', 'https://www.linkedin.com/in/x/', path.join(FIXTURES, 'does-not-exist.html'));
    expect(run.status).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim()).not.toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('does-not-exist.html');
  });

  it('fails with one line on stderr without --url', () => {
    const run = runCli(path.join(FIXTURES, '2022-text-heading-xlarge.html'));
    expect(run.status).not.toBe(0);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('--url');
  });
});
