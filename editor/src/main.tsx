import './no-eval';

// Everything else loads after no-eval has run: a bundler chunk imported statically would be
// evaluated first, and zod probes for eval as soon as a chunk defines a schema (a CSP violation).
void import('./boot');
