import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { call, client, errorText } from '../api/client';
import type { JourneySummary } from '../api/models';
import { currentLang } from '../i18n/index';
import { ConfirmDialog } from '../shell/confirm-dialog';
import { Dialog } from '../shell/dialog';
import { toast } from '../shell/toast';

type Action = 'rename' | 'archive' | 'delete';

/** A journey's own actions (rename, duplicate, archive, delete), each confirmed and answered. */
export function JourneyActions({ journey }: { journey: JourneySummary }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [action, setAction] = useState<Action | null>(null);
  const [name, setName] = useState(journey.name);
  const done = async (message: string) => {
    setAction(null);
    toast(message);
    await queryClient.invalidateQueries({ queryKey: ['journeys'] });
  };
  const rename = useMutation({
    mutationFn: (next: string) =>
      call(client.journeys[':id'].$patch({ param: { id: journey.id }, json: { name: next } })),
    onSuccess: (j) => done(t('journeys.renamed', { name: j.name })),
  });
  const duplicate = useMutation({
    mutationFn: () =>
      call(
        client.journeys[':id'].duplicate.$post({
          param: { id: journey.id },
          json: { name: t('journeys.copyName', { name: journey.name }) },
        }),
      ),
    onSuccess: async (copy) => {
      await done(t('journeys.duplicated', { name: copy.name }));
      navigate(`/journeys/${copy.id}`);
    },
    onError: (error) => toast(errorText(error, currentLang()), 'error'),
  });
  const archive = useMutation({
    mutationFn: () => call(client.journeys[':id'].archive.$post({ param: { id: journey.id } })),
    onSuccess: () => done(t('journeys.archived', { name: journey.name })),
  });
  const remove = useMutation({
    mutationFn: () => call(client.journeys[':id'].$delete({ param: { id: journey.id } })),
    onSuccess: () => done(t('journeys.deleted', { name: journey.name })),
  });
  const mayArchive = ['draft', 'paused', 'stopped', 'completed'].includes(journey.status);
  // Only a draft never published: anything that ran (or could) is archived instead.
  const mayDelete = journey.status === 'draft' && journey.version === null;
  const choose = (next: Action | 'duplicate') => {
    setOpen(false);
    if (next === 'duplicate') duplicate.mutate();
    else setAction(next);
  };

  return (
    // Clicks here are the menu's, not the row's (which opens the journey).
    // biome-ignore lint/a11y/useKeyWithClickEvents lint/a11y/noStaticElementInteractions: only stops the row's click
    <div className="row-actions" onClick={(e) => e.stopPropagation()}>
      <button
        type="button"
        className="btn btn-ghost btn-sm"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={t('journeys.actionsFor', { name: journey.name })}
        data-testid={`journey-actions-${journey.id}`}
        onClick={() => setOpen((o) => !o)}
      >
        ⋯
      </button>
      {open && (
        <div className="menu" role="menu">
          <MenuItem label={t('journeys.rename')} onSelect={() => choose('rename')} />
          <MenuItem label={t('journeys.duplicate')} onSelect={() => choose('duplicate')} />
          <MenuItem
            label={t('journeys.archive')}
            disabledReason={mayArchive ? undefined : t('journeys.archiveNotNow')}
            onSelect={() => choose('archive')}
          />
          <MenuItem
            label={t('journeys.delete')}
            disabledReason={mayDelete ? undefined : t('journeys.deleteNotNow')}
            onSelect={() => choose('delete')}
          />
        </div>
      )}
      {action === 'rename' && (
        <Dialog
          title={t('journeys.renameTitle', { name: journey.name })}
          onClose={() => setAction(null)}
        >
          <form
            onSubmit={(e: FormEvent) => {
              e.preventDefault();
              if (name.trim()) rename.mutate(name.trim());
            }}
          >
            <div className="field">
              <label htmlFor="journey-new-name">{t('journeys.newName')}</label>
              <input
                id="journey-new-name"
                className="input"
                value={name}
                maxLength={120}
                onChange={(e) => setName(e.target.value)}
              />
            </div>
            {rename.error ? (
              <p className="notice notice-error" role="alert">
                {errorText(rename.error, currentLang())}
              </p>
            ) : null}
            <div className="dialog-actions">
              <button type="button" className="btn" onClick={() => setAction(null)}>
                {t('common.cancel')}
              </button>
              <button type="submit" className="btn btn-primary" disabled={rename.isPending}>
                {t('common.save')}
              </button>
            </div>
          </form>
        </Dialog>
      )}
      {action === 'archive' && (
        <ConfirmDialog
          title={t('journeys.archiveTitle', { name: journey.name })}
          confirmLabel={t('journeys.archive')}
          pending={archive.isPending}
          error={archive.error}
          onConfirm={() => archive.mutate()}
          onClose={() => setAction(null)}
        >
          <p>{t('journeys.archiveBody')}</p>
        </ConfirmDialog>
      )}
      {action === 'delete' && (
        <ConfirmDialog
          title={t('journeys.deleteTitle', { name: journey.name })}
          confirmLabel={t('journeys.delete')}
          pending={remove.isPending}
          error={remove.error}
          onConfirm={() => remove.mutate()}
          onClose={() => setAction(null)}
        >
          <p>{t('journeys.deleteBody')}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}

/** A menu entry; when it cannot be used now, it stays visible, disabled, and says why. */
function MenuItem({
  label,
  disabledReason,
  onSelect,
}: {
  label: string;
  disabledReason?: string | undefined;
  onSelect: () => void;
}) {
  return (
    <button
      type="button"
      role="menuitem"
      className="menu-item"
      disabled={disabledReason !== undefined}
      title={disabledReason}
      onClick={onSelect}
    >
      {label}
      {disabledReason && <span className="menu-item-why">{disabledReason}</span>}
    </button>
  );
}
