import {
  type Channel,
  type Localized,
  renderTemplate,
  type SendContent,
  smsSegments,
  type TemplateContext,
} from '@ruta/shared';
import type { MessageFormat, RenderedContent } from '../channels/provider';

export type RenderOutcome =
  | {
      ok: true;
      format: MessageFormat;
      content: RenderedContent;
      segments?: number;
      pricingCategory?: string;
    }
  | { ok: false; reason: string; message: Localized };

async function render(source: string, context: TemplateContext): Promise<string> {
  const result = await renderTemplate(source, context);
  if (!result.ok) throw new TemplateRenderError(result.error);
  return result.text;
}

class TemplateRenderError extends Error {
  constructor(readonly localized: Localized) {
    super(localized.en);
  }
}

function stripHtml(html: string): string {
  return html
    .replace(/<(br|\/p|\/div|\/h\d|\/li)\s*\/?>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * The message as the contact will see it, for one channel. On WhatsApp, free text only goes out
 * inside the 24-hour window; outside it, the approved template.
 */
export async function renderMessage(
  channel: Channel,
  content: SendContent,
  context: TemplateContext,
  whatsappWindowOpen: boolean,
): Promise<RenderOutcome> {
  try {
    switch (channel) {
      case 'whatsapp': {
        const whatsapp = content.whatsapp;
        if (!whatsapp) break;
        if (whatsappWindowOpen && whatsapp.text) {
          const text = await render(whatsapp.text, context);
          return {
            ok: true,
            format: 'whatsapp_session',
            content: { kind: 'whatsapp_session', text, buttons: whatsapp.buttons },
            pricingCategory: 'service',
          };
        }
        if (whatsapp.template) {
          const params = await Promise.all(whatsapp.template.params.map((p) => render(p, context)));
          const preview = whatsapp.text ? await render(whatsapp.text, context) : params.join(' · ');
          return {
            ok: true,
            format: 'whatsapp_template',
            content: {
              kind: 'whatsapp_template',
              template: { ...whatsapp.template, params },
              buttons: whatsapp.buttons,
              preview,
            },
            pricingCategory: 'marketing',
          };
        }
        return {
          ok: false,
          reason: 'window_closed',
          message: {
            es: 'La ventana de 24 h de WhatsApp está cerrada y el paso no tiene plantilla aprobada.',
            pt: 'A janela de 24 h do WhatsApp está fechada e a etapa não tem modelo aprovado.',
            en: 'The WhatsApp 24-hour window is closed and the step has no approved template.',
          },
        };
      }
      case 'sms': {
        if (!content.sms) break;
        const text = await render(content.sms.text, context);
        return {
          ok: true,
          format: 'sms',
          content: { kind: 'sms', text },
          segments: smsSegments(text),
        };
      }
      case 'email': {
        if (!content.email) break;
        const html = await render(content.email.html, context);
        const subject = await render(content.email.subject, context);
        const text = content.email.text
          ? await render(content.email.text, context)
          : stripHtml(html);
        return { ok: true, format: 'email', content: { kind: 'email', subject, html, text } };
      }
      case 'rcs': {
        if (!content.rcs) break;
        const text = await render(content.rcs.text, context);
        return {
          ok: true,
          format: 'rcs',
          content: { kind: 'rcs', text, buttons: content.rcs.buttons },
        };
      }
    }
  } catch (error) {
    if (error instanceof TemplateRenderError)
      return { ok: false, reason: 'template_error', message: error.localized };
    throw error;
  }
  return {
    ok: false,
    reason: 'no_content',
    message: {
      es: `El paso no tiene contenido para ${channel}.`,
      pt: `A etapa não tem conteúdo para ${channel}.`,
      en: `The step has no ${channel} content.`,
    },
  };
}
