import { useTranslation } from 'react-i18next';
import { errorText } from '../api/client';
import { useLang } from '../canvas/inspector/use-lang';
import { Dialog } from '../shell/dialog';
import { useMembers } from '../team/api';
import { useQueueSettings } from './api';
import { QueueSettingsForm } from './queue-settings-form';

/** For admins: who hears of each queue's new conversations, by email and by a signed webhook. */
export function QueueSettingsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const queues = useQueueSettings({ enabled: true });
  const members = useMembers();
  return (
    <Dialog title={t('inbox.queueSettings.title')} onClose={onClose} wide>
      <p className="help">{t('inbox.queueSettings.intro')}</p>
      {queues.error ? (
        <p className="notice notice-error" role="alert">
          {errorText(queues.error, lang)}
        </p>
      ) : !queues.data || !members.data ? (
        <p className="help">{t('common.loading')}</p>
      ) : queues.data.length === 0 ? (
        <p className="notice">{t('inbox.queueSettings.none')}</p>
      ) : (
        queues.data.map((queue) => (
          <QueueSettingsForm key={queue.queue} queue={queue} members={members.data} />
        ))
      )}
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
    </Dialog>
  );
}
