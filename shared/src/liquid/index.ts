export { RENDER_LIMIT_MS } from './engine';
export type { TemplateError } from './liquid-error';
export { parseTemplate } from './parse-template';
export { type RenderOptions, type RenderResult, renderTemplate } from './render-template';
export {
  buildTemplateContext,
  type TemplateContact,
  type TemplateContext,
  type TemplateEvent,
} from './template-context';
export { templateVariables } from './template-variables';
