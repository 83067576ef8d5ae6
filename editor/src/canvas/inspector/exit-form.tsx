import { CONVERTED_OUTCOME, outcomeLabel } from '@ruta/shared';
import { useTranslation } from 'react-i18next';
import { Field, Section } from './field';
import { PortInput } from './port-input';
import { StepFields } from './step-fields';
import type { NodeFormProps } from './types';
import { useLang } from './use-lang';

const SUGGESTED = [CONVERTED_OUTCOME, 'completed', 'no_response', 'opted_out', 'handed_off'];

/** Exit: the run ends here with an outcome; 'converted' counts as a conversion. */
export function ExitForm(props: NodeFormProps<'exit'>) {
  const { node, onChange } = props;
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <>
      <StepFields {...props} />
      <Section title={t('inspector.outcomeSection')}>
        <Field label={t('inspector.outcome')} help={t('inspector.outcomeHelp')} path={['outcome']}>
          {(control) => (
            <PortInput
              control={control}
              value={node.outcome}
              onChange={(outcome) => onChange({ ...node, outcome })}
            />
          )}
        </Field>
        {node.outcome && (
          <p className="help" data-testid="outcome-words">
            {t('inspector.outcomeShownAs', { words: outcomeLabel(node.outcome)[lang] })}
          </p>
        )}
        <fieldset className="suggestions">
          <legend className="sr-only">{t('inspector.suggestions')}</legend>
          {SUGGESTED.map((outcome) => (
            <button
              key={outcome}
              type="button"
              className={`chip chip-button${outcome === node.outcome ? ' chip-on' : ''}`}
              aria-pressed={outcome === node.outcome}
              onClick={() => onChange({ ...node, outcome })}
            >
              {outcome === CONVERTED_OUTCOME
                ? `★ ${outcomeLabel(outcome)[lang]}`
                : outcomeLabel(outcome)[lang]}
            </button>
          ))}
        </fieldset>
      </Section>
    </>
  );
}
