import { type Channel, channelNames, type SendContent } from '@ruta/shared';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ChannelPicker } from './channel-picker';
import { DurationInput } from './duration-input';
import { EmailEditor } from './email-editor';
import { Section } from './field';
import { journeyVariables } from './journey-variables';
import { LiquidScope } from './liquid-scope';
import { MessagePreview } from './message-preview';
import { RcsEditor } from './rcs-editor';
import { withChannels } from './send-channels';
import { SmsEditor } from './sms-editor';
import { StepFields } from './step-fields';
import type { NodeFormProps } from './types';
import { VariablePicker } from './variable-picker';
import { WhatsAppEditor } from './whatsapp-editor';

/** Send a message: channel and fallbacks, the content per channel, and a live preview. */
export function SendForm(props: NodeFormProps<'send'>) {
  const { node, definition, onChange } = props;
  const { t } = useTranslation();
  // Content of a channel switched off, kept while the form is open so switching back restores it.
  const remembered = useRef<SendContent>({});
  const variables = useMemo(() => journeyVariables(definition), [definition]);
  const channels = [node.channel, ...node.fallbackChannels];
  const setContent = <C extends Channel>(channel: C, value: SendContent[C]) =>
    onChange({ ...node, content: { ...node.content, [channel]: value } });

  return (
    <>
      <StepFields {...props} />
      <Section title={t('inspector.channels')} path={['fallbackChannels']}>
        <ChannelPicker
          channel={node.channel}
          fallbacks={node.fallbackChannels}
          onChange={(channel, fallbacks) => {
            const next = withChannels(node, channel, fallbacks, remembered.current);
            remembered.current = { ...remembered.current, ...next.dropped };
            const { fallbackAfter: _dropped, ...withoutWatch } = next.node;
            onChange(fallbacks.length > 0 ? next.node : withoutWatch);
          }}
        />
        {node.fallbackChannels.length > 0 && (
          <>
            <p className="help">{t('inspector.fallbackOnFailure')}</p>
            <div className="field check-field">
              <label>
                <input
                  type="checkbox"
                  checked={node.fallbackAfter !== undefined}
                  onChange={(e) => {
                    const { fallbackAfter: _off, ...rest } = node;
                    onChange(
                      e.target.checked
                        ? { ...node, fallbackAfter: { amount: 30, unit: 'minutes' } }
                        : rest,
                    );
                  }}
                  data-testid="fallback-after-toggle"
                />{' '}
                {t('inspector.fallbackAfterToggle')}
              </label>
            </div>
            {node.fallbackAfter && (
              <DurationInput
                legend={t('inspector.fallbackAfter')}
                help={t('inspector.fallbackAfterHelp')}
                value={node.fallbackAfter}
                path={['fallbackAfter']}
                onChange={(fallbackAfter) => onChange({ ...node, fallbackAfter })}
              />
            )}
          </>
        )}
      </Section>
      {channels.map((channel, index) => (
        <LiquidScope key={channel}>
          <Section
            path={['content', channel]}
            title={
              index === 0
                ? channelNames[channel]
                : t('inspector.fallbackN', { channel: channelNames[channel], n: index })
            }
            actions={<VariablePicker variables={variables} />}
          >
            {channel === 'whatsapp' && node.content.whatsapp && (
              <WhatsAppEditor
                content={node.content.whatsapp}
                onChange={(c) => setContent('whatsapp', c)}
              />
            )}
            {channel === 'sms' && node.content.sms && (
              <SmsEditor content={node.content.sms} onChange={(c) => setContent('sms', c)} />
            )}
            {channel === 'email' && node.content.email && (
              <EmailEditor content={node.content.email} onChange={(c) => setContent('email', c)} />
            )}
            {channel === 'rcs' && node.content.rcs && (
              <RcsEditor content={node.content.rcs} onChange={(c) => setContent('rcs', c)} />
            )}
            {!node.content[channel] && (
              <button
                type="button"
                className="btn btn-sm"
                onClick={() =>
                  onChange(
                    withChannels(node, node.channel, node.fallbackChannels, remembered.current)
                      .node,
                  )
                }
              >
                + {t('inspector.writeMessage')}
              </button>
            )}
          </Section>
        </LiquidScope>
      ))}
      <MessagePreview node={node} trigger={definition.trigger} />
    </>
  );
}
