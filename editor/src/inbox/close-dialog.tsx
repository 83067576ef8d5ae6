import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../api/client';
import { useLang } from '../canvas/inspector/use-lang';
import { Dialog } from '../shell/dialog';
import { type HandoffDetail, type HandoffResult, RESULTS, useChangeHandoff } from './api';

/** Closes the conversation with how it ended; a journey waiting for it goes on by that result. */
export function CloseDialog({
  handoff: h,
  onClose,
}: {
  handoff: HandoffDetail;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const change = useChangeHandoff(h.id);
  const [result, setResult] = useState<HandoffResult | null>(null);

  function close() {
    if (!result) return;
    change.mutate({ close: { result } }, { onSuccess: onClose });
  }

  return (
    <Dialog title={t('inbox.close.title', { name: h.contact.name })} onClose={onClose}>
      <fieldset className="inbox-results">
        <legend className="label">{t('inbox.close.question')}</legend>
        {RESULTS.map((r) => (
          <label key={r} className={`inbox-result-option${result === r ? ' selected' : ''}`}>
            <input
              type="radio"
              name="handoff-result"
              value={r}
              checked={result === r}
              onChange={() => setResult(r)}
            />
            <span>
              <strong>{t(`inbox.result.${r}`)}</strong>
              <span className="help">{t(`inbox.resultHelp.${r}`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <p className="help">
        {h.waitsForAgent && h.journey
          ? t('inbox.close.journeyGoesOn', { journey: h.journey.name })
          : t('inbox.close.noJourney')}
      </p>
      {change.error ? (
        <p className="notice notice-error" role="alert">
          {errorText(change.error, lang)}
        </p>
      ) : null}
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button
          type="button"
          className="btn btn-primary"
          disabled={!result || change.isPending}
          title={result ? undefined : t('inbox.close.pickFirst')}
          onClick={close}
        >
          {t('inbox.close.confirm')}
        </button>
      </div>
    </Dialog>
  );
}
