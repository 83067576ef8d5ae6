import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call, client } from '../api/client';
import { ConfirmDialog } from '../shell/confirm-dialog';

/** "Detener" asks first, saying how many people in flight it takes out of the journey. */
export function StopDialog({
  journey,
  onClose,
  onStopped,
}: {
  journey: { id: string; name: string };
  onClose: () => void;
  onStopped: () => void;
}) {
  const { t } = useTranslation();
  const impact = useQuery({
    queryKey: ['impact', journey.id],
    queryFn: () => call(client.journeys[':id'].impact.$get({ param: { id: journey.id } })),
  });
  const stop = useMutation({
    mutationFn: () => call(client.journeys[':id'].stop.$post({ param: { id: journey.id } })),
    onSuccess: onStopped,
  });
  return (
    <ConfirmDialog
      title={t('editor.stopTitle', { name: journey.name })}
      confirmLabel={t('editor.stop')}
      pending={stop.isPending || !impact.data}
      error={stop.error ?? impact.error}
      onConfirm={() => stop.mutate()}
      onClose={onClose}
    >
      <p data-testid="stop-impact">
        {impact.data ? t('editor.stopBody', { count: impact.data.inFlight }) : t('common.loading')}
      </p>
    </ConfirmDialog>
  );
}
