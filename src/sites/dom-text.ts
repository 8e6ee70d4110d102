/**
 * Read-only DOM helpers shared by the site adapters. They ship in every content script
 * (8 KB gzip budget per site), so they stay small and dependency-free.
 */

export type JsonLdNode = Record<string, unknown>;
type Root = Document | Element;

// Zero-width space, word joiner, BOM, LRM/RLM/ALM and the bidi embeddings/isolates: invisible
// characters that pages sprinkle into names and that would defeat equality and search.
// ZWJ/ZWNJ (U+200C/D) are kept: they are meaningful inside emoji sequences and some scripts.
const INVISIBLE = /[\u200b\u200e\u200f\u061c\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

// Screen-reader-only copies; LinkedIn pairs them with an aria-hidden visible copy.
const SCREEN_READER_ONLY = '.visually-hidden, .a11y-text, .sr-only';
const NOT_TEXT = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);

/** Collapsed, trimmed text without invisible characters; undefined when nothing is left. */
export function cleanText(s: string | null | undefined): string | undefined {
  if (!s) return undefined;
  const text = s.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
  return text === '' ? undefined : text;
}

/**
 * The element's text as a reader sees it, once. LinkedIn doubles many strings as
 * `<span aria-hidden="true">X</span><span class="visually-hidden">X</span>`; a screen-reader
 * copy that repeats a visible aria-hidden copy is dropped. A screen-reader-only text with no
 * visible twin (a label, a lone name) is kept.
 */
export function textOf(el: Element | null | undefined): string | undefined {
  if (!el) return undefined;
  const visibleCopies = new Set<string>();
  for (const hidden of Array.from(el.querySelectorAll('[aria-hidden="true"]'))) {
    const text = cleanText(hidden.textContent);
    if (text) visibleCopies.add(text);
  }
  const parts: string[] = [];
  const walk = (node: Node): void => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) {
        parts.push(child.nodeValue ?? '');
      } else if (child.nodeType === 1) {
        const element = child as Element;
        if (NOT_TEXT.has(element.tagName.toUpperCase())) continue;
        if (element.tagName.toUpperCase() === 'BR') parts.push(' ');
        if (visibleCopies.size > 0 && element.matches(SCREEN_READER_ONLY)) {
          const text = cleanText(element.textContent);
          if (text && visibleCopies.has(text)) continue;
        }
        walk(element);
      }
    }
  };
  walk(el);
  return cleanText(parts.join(''));
}

/** Every match of `selector`, or none when the selector is not supported by this engine. */
export function queryAll(root: Root, selector: string): Element[] {
  try {
    return Array.from(root.querySelectorAll(selector));
  } catch {
    return [];
  }
}

/** First non-empty text among the selectors, tried in order (newest UI first, then older ones). */
export function firstText(root: Root, selectors: readonly string[]): string | undefined {
  for (const selector of selectors) {
    for (const el of queryAll(root, selector)) {
      const text = textOf(el);
      if (text) return text;
    }
  }
  return undefined;
}

/** `<meta name=key>` or `<meta property=key>` content (og:*, profile:*, twitter:*). */
export function metaContent(doc: Document, key: string): string | undefined {
  for (const meta of Array.from(doc.getElementsByTagName('meta'))) {
    if (meta.getAttribute('property') === key || meta.getAttribute('name') === key) {
      const content = cleanText(meta.getAttribute('content'));
      if (content) return content;
    }
  }
  return undefined;
}

/** Top-level JSON-LD nodes of the page, `@graph`s flattened; broken scripts are skipped. */
export function jsonLdNodes(doc: Document): JsonLdNode[] {
  const nodes: JsonLdNode[] = [];
  const add = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) add(item);
    } else if (typeof value === 'object' && value !== null) {
      const node = value as JsonLdNode;
      if (Array.isArray(node['@graph'])) add(node['@graph']);
      else nodes.push(node);
    }
  };
  for (const script of queryAll(doc, 'script[type="application/ld+json"]')) {
    try {
      add(JSON.parse(script.textContent ?? ''));
    } catch {
      // A page's broken JSON-LD is the page's problem; the other sources still count.
    }
  }
  return nodes;
}

/** True when the JSON-LD node's `@type` is (or includes) `type`. */
export function hasJsonLdType(node: JsonLdNode, type: string): boolean {
  const value = node['@type'];
  return value === type || (Array.isArray(value) && value.includes(type));
}
