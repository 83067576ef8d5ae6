import { createHash } from 'node:crypto';

/**
 * Content-Security-Policy per kind of response. Everything Ruta serves comes from its own origin:
 * no third-party script, style, font or connection anywhere.
 */
const policy = (directives: Record<string, string[]>) =>
  Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');

/** API answers (JSON, problems, files): nothing in them may load or run anything. */
export const API_CSP = policy({
  'default-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
});

/**
 * The editor, as Vite builds it: its own module scripts and style sheets only. React and React
 * Flow set styles through the DOM (element.style), which CSP allows without 'unsafe-inline'.
 */
export const EDITOR_CSP = policy({
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
});

/**
 * The API reference (Scalar's standalone bundle, served by Ruta): its script files from Ruta; the
 * style element it injects carries the page's nonce (`<meta property="csp-nonce">`).
 */
export function docsCsp(nonce: string): string {
  return policy({
    'default-src': ["'none'"],
    'script-src': ["'self'"],
    'style-src': ["'self'", `'nonce-${nonce}'`],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    'frame-ancestors': ["'none'"],
  });
}

/** A small server-rendered page with one inline style element (its hash) and a same-origin form. */
export function inlineStyleCsp(style: string): string {
  const hash = createHash('sha256').update(style).digest('base64');
  return policy({
    'default-src': ["'none'"],
    'style-src': [`'sha256-${hash}'`],
    'base-uri': ["'none'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  });
}
