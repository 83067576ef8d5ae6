/** The pages a customer sees from an email link, in their browser's language. */
export type PageLang = 'es' | 'pt' | 'en';

export const TRACKING_TEXTS: Record<
  PageLang,
  {
    htmlLang: string;
    invalidTitle: string;
    invalidBody: string;
    askTitle: string;
    askBody: string;
    askButton: string;
    doneTitle: string;
    doneBody: string;
  }
> = {
  es: {
    htmlLang: 'es',
    invalidTitle: 'Enlace no válido',
    invalidBody: 'Este enlace no es válido o fue modificado.',
    askTitle: 'Dejar de recibir correos',
    askBody: '¿Quieres dejar de recibir nuestros correos?',
    askButton: 'Sí, darme de baja',
    doneTitle: 'Listo',
    doneBody: 'No recibirás más correos nuestros.',
  },
  pt: {
    htmlLang: 'pt-BR',
    invalidTitle: 'Link inválido',
    invalidBody: 'Este link é inválido ou foi alterado.',
    askTitle: 'Parar de receber e-mails',
    askBody: 'Quer parar de receber nossos e-mails?',
    askButton: 'Sim, quero me descadastrar',
    doneTitle: 'Pronto',
    doneBody: 'Você não vai mais receber nossos e-mails.',
  },
  en: {
    htmlLang: 'en',
    invalidTitle: 'Invalid link',
    invalidBody: 'This link is not valid or was modified.',
    askTitle: 'Stop receiving emails',
    askBody: 'Do you want to stop receiving our emails?',
    askButton: 'Yes, unsubscribe me',
    doneTitle: 'Done',
    doneBody: 'You will not receive any more emails from us.',
  },
};

/**
 * The first of Spanish, Portuguese or English the browser asks for (by q-value, then order);
 * Spanish when it asks for none of them.
 */
export function pageLanguage(acceptLanguage: string | undefined): PageLang {
  const asked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { lang: tag.trim().toLowerCase().split('-')[0], q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  const found = asked.find(
    (entry) => entry.lang === 'es' || entry.lang === 'pt' || entry.lang === 'en',
  );
  return (found?.lang as PageLang | undefined) ?? 'es';
}
