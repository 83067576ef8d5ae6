import type { WhatsAppTemplateInfo } from '@ruta/shared';

/** One template as `GET /{waba-id}/message_templates` returns it (the fields Ruta asks for). */
export interface GraphTemplate {
  name: string;
  language: string;
  status: string;
  category: string;
  components?: GraphTemplateComponent[];
}

interface GraphTemplateComponent {
  type: string;
  text?: string;
  buttons?: { type: string; text?: string }[];
}

export interface GraphTemplatePage {
  data?: GraphTemplate[];
  paging?: { cursors?: { before?: string; after?: string }; next?: string };
}

/** Positional ({{1}}) or named ({{first_name}}) placeholders in a template body. */
const PLACEHOLDER = /\{\{\s*([^{}\s]+)\s*\}\}/g;

export function toTemplateInfo(template: GraphTemplate): WhatsAppTemplateInfo {
  const components = template.components ?? [];
  const body = components.find((c) => c.type.toUpperCase() === 'BODY')?.text ?? '';
  const buttons = components.find((c) => c.type.toUpperCase() === 'BUTTONS')?.buttons ?? [];
  return {
    name: template.name,
    language: template.language,
    status: template.status,
    category: template.category,
    body,
    paramCount: new Set(Array.from(body.matchAll(PLACEHOLDER), (m) => m[1])).size,
    quickReplies: buttons
      .filter((b) => b.type.toUpperCase() === 'QUICK_REPLY')
      .map((b) => b.text ?? ''),
  };
}
