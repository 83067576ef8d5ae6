import { CSV_COLUMN_TARGETS, CSV_IGNORE } from '@ruta/shared';
import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

const ATTRIBUTE = 'attributes.';

/**
 * How each column of a file is read, as the API answered, each one a choice: a contact field,
 * consent for a channel, a custom attribute (named after the header unless the marketer renames
 * it) or nothing. A change goes to `onRemap` as the API names targets (`phone`, `attributes.talla`,
 * `ignore`); the table shows what the API answers next.
 */
export function ColumnMapping(props: {
  columns: Record<string, string>;
  disabled: boolean;
  onRemap: (header: string, target: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <p className="help">{t('contacts.remapHelp')}</p>
      <table className="table table-compact">
        <thead>
          <tr>
            <th>{t('contacts.column')}</th>
            <th>{t('contacts.readAs')}</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(props.columns).map(([header, target]) => (
            <ColumnRow
              key={header}
              header={header}
              target={target}
              disabled={props.disabled}
              onRemap={props.onRemap}
            />
          ))}
        </tbody>
      </table>
    </>
  );
}

function ColumnRow({
  header,
  target,
  disabled,
  onRemap,
}: {
  header: string;
  target: string;
  disabled: boolean;
  onRemap: (header: string, target: string) => void;
}) {
  const { t } = useTranslation();
  const attribute = target.startsWith(ATTRIBUTE) ? target.slice(ATTRIBUTE.length) : undefined;
  const [name, setName] = useState(attribute ?? header);
  useEffect(() => setName(attribute ?? header), [attribute, header]);
  const rename = () => {
    const chosen = name.trim();
    if (chosen && chosen !== attribute) onRemap(header, `${ATTRIBUTE}${chosen}`);
    else setName(attribute ?? header);
  };
  return (
    <tr>
      <td>{header}</td>
      <td>
        <div className="row">
          <select
            className="input input-sm"
            aria-label={t('contacts.readAsFor', { header })}
            value={attribute === undefined ? target : ATTRIBUTE}
            disabled={disabled}
            onChange={(e) => {
              const choice = e.target.value;
              onRemap(header, choice === ATTRIBUTE ? `${ATTRIBUTE}${header}` : choice);
            }}
            data-testid="column-target"
          >
            {CSV_COLUMN_TARGETS.map((value) => (
              <option key={value} value={value}>
                {columnWords(t, value)}
              </option>
            ))}
            <option value={ATTRIBUTE}>{t('contacts.customAttribute')}</option>
            <option value={CSV_IGNORE}>{t('contacts.ignoreColumn')}</option>
          </select>
          {attribute !== undefined && (
            <input
              className="input input-sm"
              aria-label={t('contacts.attributeName', { header })}
              value={name}
              disabled={disabled}
              onChange={(e) => setName(e.target.value)}
              onBlur={rename}
              onKeyDown={(e) => {
                if (e.key === 'Enter') e.currentTarget.blur();
              }}
              data-testid="column-attribute"
            />
          )}
        </div>
      </td>
    </tr>
  );
}

/** How a column is read, in words: `phone` → Teléfono, `consent.sms` → Consentimiento de SMS. */
function columnWords(t: TFunction, target: string): string {
  const [kind, name = ''] = target.split('.');
  if (kind === 'consent')
    return t('contacts.readConsent', { channel: t(`runs.words.channel.${name}`) });
  if (kind === 'attributes') return t('contacts.readAttribute', { name });
  return t(`contacts.fields.${target}`, { defaultValue: target });
}
