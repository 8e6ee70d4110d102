import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** gzip at its default level, as `gzip -c file | wc -c` reports it. */
function gzipBytes(file: string): number {
  return gzipSync(readFileSync(file)).length;
}

/** Site → gzip bytes of each content script of a build (`gmail.js` → `gmail`). */
export function contentScriptGzipBytes(buildDir: string): Record<string, number> {
  const dir = path.join(buildDir, 'content-scripts');
  const sizes: Record<string, number> = {};
  for (const file of readdirSync(dir)
    .filter((name) => name.endsWith('.js'))
    .sort()) {
    sizes[file.replace(/(\.content)?\.js$/, '')] = gzipBytes(path.join(dir, file));
  }
  return sizes;
}

/**
 * The JS an extension page loads before it can render: the entry script and every module it
 * preloads, as the built HTML lists them (chunks are gzipped one by one, as they are read).
 */
export function pageJsGzipBytes(buildDir: string, page: string): { bytes: number; files: string[] } {
  const html = readFileSync(path.join(buildDir, `${page}.html`), 'utf8');
  const files = new Set<string>();
  for (const tag of html.match(/<(script|link)\b[^>]*>/g) ?? []) {
    const isScript = tag.startsWith('<script') && /\bsrc=/.test(tag);
    const isPreload = tag.startsWith('<link') && /\brel=["']?modulepreload/.test(tag);
    const url = /\b(?:src|href)=["']?([^"' >]+)/.exec(tag)?.[1];
    if ((isScript || isPreload) && url?.endsWith('.js')) files.add(url.replace(/^\//, ''));
  }
  let bytes = 0;
  for (const file of files) bytes += gzipBytes(path.join(buildDir, file));
  return { bytes, files: [...files] };
}
