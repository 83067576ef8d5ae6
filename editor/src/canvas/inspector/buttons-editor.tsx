import type { MessageButton } from '@ruta/shared';
import { useTranslation } from 'react-i18next';
import { CharCount } from './char-count';
import { Field } from './field';
import { removeAt, replaceAt } from './list';
import { uniquePort } from './ports';
import { useRowKeys } from './use-row-keys';

/** Quick-reply buttons: the id is what a tap reports to "wait for a reply"; the text is shown. */
export function ButtonsEditor({
  buttons,
  max,
  titleMax,
  onChange,
  path,
}: {
  buttons: readonly MessageButton[];
  max: number;
  /** The channel's limit on a button's text (WhatsApp 20, RCS 25). */
  titleMax: number;
  onChange: (buttons: MessageButton[]) => void;
  path: (string | number)[];
}) {
  const { t } = useTranslation();
  const rows = useRowKeys(buttons.length);
  return (
    <div className="field">
      <span className="label">{t('inspector.buttons')}</span>
      {buttons.length > 0 && (
        <div className="grid-rows">
          <div className="grid-head grid-3" aria-hidden="true">
            <span>{t('inspector.buttonText')}</span>
            <span>{t('inspector.buttonId')}</span>
            <span />
          </div>
          {buttons.map((button, index) => (
            <div key={rows.keys[index]} className="grid-3">
              <Field
                hideLabel
                label={t('inspector.buttonTextN', { n: index + 1 })}
                path={[...path, index, 'text']}
              >
                {(control) => (
                  <span className="counted">
                    <input
                      {...control}
                      className="input"
                      maxLength={titleMax}
                      value={button.text}
                      onChange={(e) =>
                        onChange(replaceAt(buttons, index, { ...button, text: e.target.value }))
                      }
                    />
                    <CharCount used={button.text.length} max={titleMax} />
                  </span>
                )}
              </Field>
              <Field
                hideLabel
                label={t('inspector.buttonIdN', { n: index + 1 })}
                path={[...path, index, 'id']}
              >
                {(control) => (
                  <input
                    {...control}
                    className="input mono"
                    value={button.id}
                    onChange={(e) =>
                      onChange(
                        replaceAt(buttons, index, {
                          ...button,
                          id: e.target.value.replace(/\s+/g, '_').replace(/[^A-Za-z0-9_-]/g, ''),
                        }),
                      )
                    }
                  />
                )}
              </Field>
              <button
                type="button"
                className="btn btn-ghost btn-sm icon-btn"
                aria-label={t('inspector.removeButton', { n: index + 1 })}
                onClick={() => {
                  rows.removed(index);
                  onChange(removeAt(buttons, index));
                }}
              >
                ×
              </button>
            </div>
          ))}
        </div>
      )}
      <div className="row">
        <button
          type="button"
          className="btn btn-sm"
          disabled={buttons.length >= max}
          onClick={() =>
            onChange([
              ...buttons,
              {
                id: uniquePort(
                  `button_${buttons.length + 1}`,
                  buttons.map((b) => b.id),
                ),
                text: '',
              },
            ])
          }
        >
          + {t('inspector.addButton')}
        </button>
        <span className="help">{t('inspector.buttonsMax', { count: buttons.length, max })}</span>
      </div>
    </div>
  );
}
