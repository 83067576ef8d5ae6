import type {
  EventSignal,
  JourneyDefinition,
  MessageButton,
  ReplyMatch,
  ReplySignal,
  WaitSignal,
  WaitSignalKind,
} from '@ruta/shared';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ChipsInput } from './chips-input';
import { ConditionList } from './condition-builder';
import { Field } from './field';
import { PortInput } from './port-input';

export const SIGNAL_KINDS: readonly WaitSignalKind[] = [
  'reply',
  'open',
  'click',
  'delivered',
  'read',
  'event',
];

type Path = (string | number)[];

/** One signal's controls: its kind and output, then what to match (reply) or which event. */
export function SignalFields({
  signal,
  path,
  buttons,
  attributes,
  events,
  definition,
  onKind,
  onChange,
}: {
  signal: WaitSignal;
  path: Path;
  buttons: readonly MessageButton[];
  attributes: readonly string[];
  events: readonly string[];
  definition: JourneyDefinition;
  onKind: (kind: WaitSignalKind) => void;
  onChange: (signal: WaitSignal) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <div className="grid-2">
        <Field label={t('inspector.signalKind')} path={[...path, 'kind']}>
          {(control) => (
            <select
              {...control}
              className="input"
              value={signal.kind}
              onChange={(e) => onKind(e.target.value as WaitSignalKind)}
            >
              {SIGNAL_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`inspector.signalKinds.${kind}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('inspector.port')} path={[...path, 'port']}>
          {(control) => (
            <PortInput
              control={control}
              value={signal.port}
              onChange={(port) => onChange({ ...signal, port })}
            />
          )}
        </Field>
      </div>
      {signal.kind === 'reply' && (
        <ReplyFields
          signal={signal}
          path={path}
          buttons={buttons}
          attributes={attributes}
          onChange={onChange}
        />
      )}
      {signal.kind === 'event' && (
        <EventFields
          signal={signal}
          path={path}
          events={events}
          definition={definition}
          onChange={onChange}
        />
      )}
    </>
  );
}

type MatchMode = 'any' | 'intent' | 'keywords' | 'button';

function matchMode(match: ReplyMatch | undefined): MatchMode {
  if (match?.buttonId !== undefined) return 'button';
  if (match?.intent !== undefined) return 'intent';
  if (match?.keywords !== undefined) return 'keywords';
  return 'any';
}

function ReplyFields({
  signal,
  path,
  buttons,
  attributes,
  onChange,
}: {
  signal: ReplySignal;
  path: Path;
  buttons: readonly MessageButton[];
  attributes: readonly string[];
  onChange: (signal: WaitSignal) => void;
}) {
  const { t } = useTranslation();
  const listId = useId();
  const mode = matchMode(signal.match);
  const setMatch = (match: ReplyMatch | undefined) => {
    const { match: _old, ...rest } = signal;
    onChange(match ? { ...rest, match } : rest);
  };
  const buttonIds = buttons.map((b) => b.id);
  const currentButton = signal.match?.buttonId;
  return (
    <>
      <div className="grid-2">
        <Field label={t('inspector.match')} path={[...path, 'match']}>
          {(control) => (
            <select
              {...control}
              className="input"
              value={mode}
              onChange={(e) => {
                const next = e.target.value as MatchMode;
                if (next === 'any') setMatch(undefined);
                if (next === 'intent') setMatch({ intent: 'yes' });
                if (next === 'keywords') setMatch({ keywords: [] });
                if (next === 'button') setMatch({ buttonId: buttonIds[0] ?? '' });
              }}
            >
              <option value="any">{t('inspector.anyReply')}</option>
              <option value="intent">{t('inspector.intent')}</option>
              <option value="keywords">{t('inspector.keywords')}</option>
              <option value="button">{t('inspector.buttonTap')}</option>
            </select>
          )}
        </Field>
        {mode === 'intent' && (
          <Field label={t('inspector.intent')} path={[...path, 'match', 'intent']}>
            {(control) => (
              <select
                {...control}
                className="input"
                value={signal.match?.intent}
                onChange={(e) => setMatch({ intent: e.target.value as 'yes' | 'no' | 'opt_out' })}
              >
                {(['yes', 'no', 'opt_out'] as const).map((intent) => (
                  <option key={intent} value={intent}>
                    {t(`inspector.intents.${intent}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        {mode === 'button' && (
          <Field label={t('inspector.buttonTap')} path={[...path, 'match', 'buttonId']}>
            {(control) =>
              buttons.length > 0 ? (
                <select
                  {...control}
                  className="input"
                  value={currentButton}
                  onChange={(e) => setMatch({ buttonId: e.target.value })}
                >
                  {currentButton !== undefined && !buttonIds.includes(currentButton) && (
                    <option value={currentButton}>{currentButton || '—'}</option>
                  )}
                  {buttons.map((button) => (
                    <option key={button.id} value={button.id}>
                      {`${button.text} (${button.id})`}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  {...control}
                  className="input mono"
                  value={currentButton ?? ''}
                  onChange={(e) => setMatch({ buttonId: e.target.value.trim() })}
                />
              )
            }
          </Field>
        )}
      </div>
      {mode === 'button' && buttons.length === 0 && (
        <p className="help">{t('inspector.noButtonsHelp')}</p>
      )}
      {mode === 'keywords' && (
        <ChipsInput
          label={t('inspector.keywords')}
          values={signal.match?.keywords ?? []}
          placeholder={t('inspector.keywordsPlaceholder')}
          help={t('inspector.keywordsHelp')}
          onChange={(keywords) => setMatch({ keywords })}
        />
      )}
      {(mode !== 'button' || signal.saveAs !== undefined) && (
        <Field
          label={t('inspector.saveAs')}
          help={t('inspector.saveAsHelp')}
          path={[...path, 'saveAs']}
        >
          {(control) => (
            <>
              <input
                {...control}
                className="input mono"
                list={listId}
                placeholder="nps_score"
                value={signal.saveAs ?? ''}
                onChange={(e) => {
                  const { saveAs: _old, ...rest } = signal;
                  const saveAs = e.target.value.trim();
                  onChange(saveAs ? { ...rest, saveAs } : rest);
                }}
              />
              <datalist id={listId}>
                {attributes.map((attribute) => (
                  <option key={attribute} value={attribute} />
                ))}
              </datalist>
            </>
          )}
        </Field>
      )}
    </>
  );
}

function EventFields({
  signal,
  path,
  events,
  definition,
  onChange,
}: {
  signal: EventSignal;
  path: Path;
  events: readonly string[];
  definition: JourneyDefinition;
  onChange: (signal: WaitSignal) => void;
}) {
  const { t } = useTranslation();
  const listId = useId();
  const keyed = definition.trigger.kind === 'event' ? definition.trigger.entryKey : undefined;
  return (
    <>
      <div className="grid-2">
        <Field label={t('inspector.eventName')} path={[...path, 'event']}>
          {(control) => (
            <>
              <input
                {...control}
                className="input mono"
                list={listId}
                placeholder="order_placed"
                value={signal.event}
                onChange={(e) => onChange({ ...signal, event: e.target.value.trim() })}
              />
              <datalist id={listId}>
                {events.map((event) => (
                  <option key={event} value={event} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        <Field label={t('inspector.scope')} path={[...path, 'scope']}>
          {(control) => (
            <select
              {...control}
              className="input"
              value={signal.scope}
              onChange={(e) =>
                onChange({ ...signal, scope: e.target.value as EventSignal['scope'] })
              }
            >
              <option value="entry_key">
                {keyed ? t('inspector.scopeEntryKey', { key: keyed }) : t('inspector.scopeEntry')}
              </option>
              <option value="contact">{t('inspector.scopeContact')}</option>
            </select>
          )}
        </Field>
      </div>
      <ConditionList
        legend={t('inspector.eventFilters')}
        empty={t('inspector.noFilters')}
        conditions={signal.filters}
        sources={['event']}
        definition={definition}
        path={[...path, 'filters']}
        onChange={(filters) => onChange({ ...signal, filters })}
      />
    </>
  );
}
