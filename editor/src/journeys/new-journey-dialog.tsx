import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { call, client, errorText } from '../api/client';
import type { JourneyDetail, TemplateSummary } from '../api/models';
import { currentLang } from '../i18n/index';
import { Dialog } from '../shell/dialog';

export function NewJourneyDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const templates = useQuery({
    queryKey: ['templates'],
    queryFn: () => call(client.templates.$get()),
  });
  const [templateId, setTemplateId] = useState<string | null>('abandoned_cart');
  const [name, setName] = useState('');
  const [error, setError] = useState<string>();
  const lang = currentLang();

  async function create(event: FormEvent) {
    event.preventDefault();
    const chosen = templates.data?.find((tpl) => tpl.id === templateId);
    try {
      const journey = await call(
        client.journeys.$post({
          json: {
            name: name.trim() || chosen?.name[lang] || t('journeys.blank'),
            ...(templateId ? { templateId, language: lang } : {}),
          },
        }),
      );
      navigate(`/journeys/${journey.id}`);
    } catch (e) {
      setError(errorText(e, lang));
    }
  }

  return (
    <Dialog title={t('journeys.createTitle')} onClose={onClose}>
      <form onSubmit={create}>
        <div className="field">
          <label htmlFor="journey-name">{t('journeys.name')}</label>
          <input
            id="journey-name"
            className="input"
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder={t('journeys.namePlaceholder')}
          />
        </div>
        <h3>{t('journeys.fromTemplate')}</h3>
        <div className="template-grid">
          {templates.data?.map((tpl) => (
            <button
              type="button"
              aria-pressed={templateId === tpl.id}
              key={tpl.id}
              className={templateId === tpl.id ? 'template-card selected' : 'template-card'}
              onClick={() => setTemplateId(tpl.id)}
            >
              <strong>{tpl.name[lang]}</strong>
              <span>{tpl.description[lang]}</span>
            </button>
          ))}
          <button
            type="button"
            aria-pressed={templateId === null}
            className={templateId === null ? 'template-card selected' : 'template-card'}
            onClick={() => setTemplateId(null)}
            data-testid="template-blank"
          >
            <strong>{t('journeys.blank')}</strong>
            <span>{t('journeys.blankDescription')}</span>
          </button>
        </div>
        {error && <p className="notice notice-error">{error}</p>}
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary">
            {t('common.create')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
