import { type Channel, channelNames } from '@ruta/shared';
import { useTranslation } from 'react-i18next';
import { Segmented } from './segmented';
import { CHANNELS } from './send-channels';

/** The primary channel (segmented) and the ordered fallbacks (checkbox list with up/down). */
export function ChannelPicker({
  channel,
  fallbacks,
  onChange,
}: {
  channel: Channel;
  fallbacks: readonly Channel[];
  onChange: (channel: Channel, fallbacks: Channel[]) => void;
}) {
  const { t } = useTranslation();
  const others = CHANNELS.filter((each) => each !== channel);
  // Chosen fallbacks first, in their order, then the rest.
  const ordered = [...fallbacks, ...others.filter((each) => !fallbacks.includes(each))];
  const move = (index: number, delta: number) => {
    const next = [...fallbacks];
    const [item] = next.splice(index, 1) as [Channel];
    next.splice(index + delta, 0, item);
    onChange(channel, next);
  };
  return (
    <>
      <Segmented
        legend={t('inspector.channel')}
        options={CHANNELS.map((value) => ({ value, label: channelNames[value] }))}
        value={channel}
        onChange={(value) =>
          onChange(
            value,
            fallbacks.filter((each) => each !== value),
          )
        }
      />
      <fieldset className="field">
        <legend className="label">{t('inspector.fallback')}</legend>
        <ul className="fallback-list">
          {ordered.map((each) => {
            const index = fallbacks.indexOf(each);
            const on = index >= 0;
            const name = channelNames[each];
            return (
              <li key={each} className={on ? 'on' : undefined}>
                <label className="grow">
                  <input
                    type="checkbox"
                    checked={on}
                    onChange={(e) =>
                      onChange(
                        channel,
                        e.target.checked
                          ? [...fallbacks, each]
                          : fallbacks.filter((f) => f !== each),
                      )
                    }
                  />{' '}
                  {on && <span className="fallback-order">{index + 1}.</span>} {name}
                </label>
                {on && (
                  <>
                    <button
                      type="button"
                      className="btn btn-ghost btn-sm icon-btn"
                      aria-label={t('inspector.moveUp', { item: name })}
                      disabled={index === 0}
                      onClick={() => move(index, -1)}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      className="btn btn-ghost btn-sm icon-btn"
                      aria-label={t('inspector.moveDown', { item: name })}
                      disabled={index === fallbacks.length - 1}
                      onClick={() => move(index, 1)}
                    >
                      ↓
                    </button>
                  </>
                )}
              </li>
            );
          })}
        </ul>
        <p className="help">{t('inspector.fallbackHelp')}</p>
      </fieldset>
    </>
  );
}
