/**
 * `npm run recognize -- --url <page URL> <file.html>`: prints the PageContact that the site
 * adapters read from a saved page, as JSON (or `null`), and exits 0. A missing --url or an
 * unreadable file exits non-zero with one line on stderr. (Test contract, DESIGN.md.)
 */
import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { recognize } from '../src/sites/registry';

const USAGE = 'usage: recognize --url <page URL> <file.html>';

function fail(message: string): never {
  process.stderr.write(`recognize: ${message.replace(/\s+/g, ' ').trim()}\n`);
  process.exit(2);
}

function parseArgs(argv: string[]): { url: string; file: string } {
  let url: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--url') url = argv[++i];
    else if (arg.startsWith('--url=')) url = arg.slice('--url='.length);
    else if (arg === '--') continue;
    else if (arg.startsWith('--')) fail(`unknown option ${arg}; ${USAGE}`);
    else files.push(arg);
  }
  if (!url) fail(`missing --url; ${USAGE}`);
  if (files.length !== 1 || !files[0]) fail(`expected exactly one HTML file; ${USAGE}`);
  try {
    new URL(url);
  } catch {
    fail(`--url is not a valid URL: ${url}`);
  }
  return { url, file: files[0] };
}

async function main(): Promise<void> {
  const { url, file } = parseArgs(process.argv.slice(2));
  let html: string;
  try {
    html = readFileSync(file, 'utf8');
  } catch (error) {
    fail(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }

  // A saved page is untrusted input: parse it, never run or fetch anything it references.
  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      enableJavaScriptEvaluation: false,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
      navigation: {
        disableMainFrameNavigation: true,
        disableChildFrameNavigation: true,
        disableChildPageNavigation: true,
        disableFallbackToSetURL: true,
      },
    },
  });
  let output: string;
  try {
    const doc = new window.DOMParser().parseFromString(html, 'text/html');
    // happy-dom's Document implements the DOM the adapters read; its TS type is its own.
    const contact = recognize(url, doc as unknown as Document);
    output = `${JSON.stringify(contact, null, 2)}\n`;
  } finally {
    await window.happyDOM.close();
  }
  process.stdout.write(output, () => process.exit(0));
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
