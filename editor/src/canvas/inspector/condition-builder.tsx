import {
  CONTACT_FIELDS,
  type Condition,
  type ConditionOp,
  type ConditionSource,
  ENGAGEMENT_FIELDS,
  type JourneyDefinition,
} from '@ruta/shared';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  engagementValues,
  newCondition,
  OPS,
  valueKind,
  withOp,
  withSource,
} from './condition-values';
import { Field } from './field';
import {
  COMMON_EVENT_PROPERTIES,
  journeyAttributes,
  journeyEventProperties,
  unique,
} from './journey-variables';
import { removeAt, replaceAt } from './list';
import { NumberInput } from './number-input';
import { TypedValueInput } from './typed-value';
import { useRowKeys } from './use-row-keys';

type Path = (string | number)[];

/** Field names to suggest per source. */
export function useFieldSuggestions(definition: JourneyDefinition) {
  return useMemo(
    () => ({
      contact: unique([...CONTACT_FIELDS, ...journeyAttributes(definition)]),
      event: unique([...COMMON_EVENT_PROPERTIES, ...journeyEventProperties(definition)]),
      engagement: [...ENGAGEMENT_FIELDS],
    }),
    [definition],
  );
}

/** Conditions that must all hold; used by branches, trigger filters, segments and goals. */
export function ConditionList({
  legend,
  conditions,
  onChange,
  sources,
  definition,
  minItems = 0,
  path,
  empty,
}: {
  legend: string;
  conditions: readonly Condition[];
  onChange: (conditions: Condition[]) => void;
  sources: readonly ConditionSource[];
  definition: JourneyDefinition;
  minItems?: number;
  /** Where the list sits in the form's object, for inline problems. */
  path: Path;
  /** Shown when the list is empty. */
  empty?: string;
}) {
  const { t } = useTranslation();
  const rows = useRowKeys(conditions.length);
  const suggestions = useFieldSuggestions(definition);
  const [first = 'contact'] = sources;
  return (
    <fieldset className="field conditions">
      <legend className="label">{legend}</legend>
      {conditions.length === 0 && empty && <p className="help">{empty}</p>}
      {conditions.map((condition, index) => (
        <div key={rows.keys[index]} className="condition">
          {index > 0 && (
            <span className="condition-and" aria-hidden="true">
              {t('inspector.and')}
            </span>
          )}
          <ConditionRow
            condition={condition}
            number={index + 1}
            sources={sources}
            suggestions={suggestions}
            path={[...path, index]}
            onChange={(next) => onChange(replaceAt(conditions, index, next))}
          />
          <button
            type="button"
            className="btn btn-ghost btn-sm icon-btn condition-remove"
            aria-label={t('inspector.removeCondition', { n: index + 1 })}
            disabled={conditions.length <= minItems}
            onClick={() => {
              rows.removed(index);
              onChange(removeAt(conditions, index));
            }}
          >
            ×
          </button>
        </div>
      ))}
      <div>
        <button
          type="button"
          className="btn btn-sm"
          onClick={() => onChange([...conditions, newCondition(first)])}
        >
          + {t('inspector.addCondition')}
        </button>
      </div>
    </fieldset>
  );
}

function ConditionRow({
  condition,
  number,
  sources,
  suggestions,
  path,
  onChange,
}: {
  condition: Condition;
  number: number;
  sources: readonly ConditionSource[];
  suggestions: Record<ConditionSource, string[]>;
  path: Path;
  onChange: (condition: Condition) => void;
}) {
  const { t } = useTranslation();
  const listId = useId();
  const label = (what: string) => t('inspector.conditionPart', { what, n: number });
  const kind = valueKind(condition.op);
  return (
    <div className="condition-body">
      <div className="grid-2">
        {sources.length > 1 ? (
          <Field hideLabel label={label(t('inspector.source'))} path={[...path, 'source']}>
            {(control) => (
              <select
                {...control}
                className="input"
                value={condition.source}
                onChange={(e) => onChange(withSource(condition, e.target.value as ConditionSource))}
              >
                {sources.map((source) => (
                  <option key={source} value={source}>
                    {t(`inspector.sources.${source}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : (
          <span className="condition-source">{t(`inspector.sources.${condition.source}`)}</span>
        )}
        <Field hideLabel label={label(t('inspector.field'))} path={[...path, 'field']}>
          {(control) =>
            condition.source === 'engagement' ? (
              <select
                {...control}
                className="input"
                value={condition.field}
                onChange={(e) => onChange({ ...condition, field: e.target.value })}
              >
                {ENGAGEMENT_FIELDS.map((field) => (
                  <option key={field} value={field}>
                    {t(`inspector.engagementFields.${field}`)}
                  </option>
                ))}
              </select>
            ) : (
              <>
                <input
                  {...control}
                  className="input mono"
                  list={listId}
                  placeholder={condition.source === 'event' ? 'cart_total' : 'first_name'}
                  value={condition.field}
                  onChange={(e) => onChange({ ...condition, field: e.target.value.trim() })}
                />
                <datalist id={listId}>
                  {suggestions[condition.source].map((field) => (
                    <option key={field} value={field} />
                  ))}
                </datalist>
              </>
            )
          }
        </Field>
      </div>
      <div className="grid-2">
        <Field hideLabel label={label(t('inspector.operator'))} path={[...path, 'op']}>
          {(control) => (
            <select
              {...control}
              className="input"
              value={condition.op}
              onChange={(e) => onChange(withOp(condition, e.target.value as ConditionOp))}
            >
              {OPS.map((op) => (
                <option key={op} value={op}>
                  {t(`inspector.ops.${op}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {kind !== 'none' && (
          <Field hideLabel label={label(t('inspector.value'))} path={[...path, 'value']}>
            {(control) => (
              <ValueControl
                control={control}
                condition={condition}
                kind={kind}
                onChange={onChange}
              />
            )}
          </Field>
        )}
      </div>
    </div>
  );
}

function ValueControl({
  control,
  condition,
  kind,
  onChange,
}: {
  control: { id: string };
  condition: Condition;
  kind: ReturnType<typeof valueKind>;
  onChange: (condition: Condition) => void;
}) {
  const { t } = useTranslation();
  const setValue = (value: Condition['value']) => {
    const { value: _old, ...rest } = condition;
    onChange(value === undefined ? rest : { ...rest, value });
  };
  if (kind === 'number' || kind === 'days') {
    return (
      <div className="row">
        <NumberInput
          {...control}
          min={kind === 'days' ? 0 : undefined}
          value={typeof condition.value === 'number' ? condition.value : undefined}
          onChange={setValue}
        />
        {kind === 'days' && <span className="unit-suffix">{t('inspector.daysAgo')}</span>}
      </div>
    );
  }
  if (kind === 'list') {
    return (
      <ListInput
        {...control}
        value={Array.isArray(condition.value) ? condition.value : []}
        onChange={setValue}
      />
    );
  }
  const scalar = Array.isArray(condition.value) ? undefined : condition.value;
  const special = condition.source === 'engagement' ? engagementValues(condition.field) : undefined;
  if (special === 'boolean') {
    return (
      <select
        {...control}
        className="input"
        value={String(scalar === true)}
        onChange={(e) => setValue(e.target.value === 'true')}
      >
        <option value="true">{t('common.yes')}</option>
        <option value="false">{t('common.no')}</option>
      </select>
    );
  }
  if (special === 'intent') {
    return (
      <select
        {...control}
        className="input"
        value={String(scalar ?? '')}
        onChange={(e) => setValue(e.target.value)}
      >
        {(['yes', 'no', 'opt_out'] as const).map((intent) => (
          <option key={intent} value={intent}>
            {t(`inspector.intents.${intent}`)}
          </option>
        ))}
      </select>
    );
  }
  return (
    <TypedValueInput
      id={control.id}
      label={t('inspector.value')}
      value={scalar}
      onChange={setValue}
    />
  );
}

/** "a, b, c" ⇄ ['a', 'b', 'c'], keeping what is typed while typing. */
function ListInput({
  id,
  value,
  onChange,
}: {
  id: string;
  value: readonly (string | number)[];
  onChange: (value: (string | number)[] | undefined) => void;
}) {
  const { t } = useTranslation();
  const shown = value.join(', ');
  const [draft, setDraft] = useState(shown);
  const [seen, setSeen] = useState(shown);
  if (shown !== seen) {
    setSeen(shown);
    setDraft(shown);
  }
  return (
    <input
      id={id}
      className="input"
      placeholder={t('inspector.listPlaceholder')}
      value={draft}
      onChange={(e) => {
        setDraft(e.target.value);
        const items = e.target.value
          .split(',')
          .map((item) => item.trim())
          .filter((item) => item !== '');
        const next = items.length > 0 ? items : undefined;
        setSeen((next ?? []).join(', '));
        onChange(next);
      }}
    />
  );
}
