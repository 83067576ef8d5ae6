import {
  cyclicComponents,
  type JourneyDefinition,
  type JourneyNode,
  successorsOf,
} from '@ruta/shared';
import { useTranslation } from 'react-i18next';
import { Field } from './field';
import { NumberInput } from './number-input';
import { useProblemsAt } from './problems-context';

/** Whether the step sits on a loop of the journey (then it may need a visit bound). */
export function isInLoop(id: string, definition: JourneyDefinition): boolean {
  const successors = successorsOf(Object.keys(definition.nodes), definition.edges);
  return cyclicComponents(successors).some((component) => component.includes(id));
}

/** What every step has: its name and, on loops, how many times one run may pass through it. */
export function StepFields<N extends JourneyNode>({
  id,
  node,
  definition,
  onChange,
}: {
  id: string;
  node: N;
  definition: JourneyDefinition;
  onChange: (node: N) => void;
}) {
  const { t } = useTranslation();
  const boundProblems = useProblemsAt(['maxVisits']);
  const showBound =
    node.type !== 'exit' &&
    (node.maxVisits !== undefined || boundProblems.length > 0 || isInLoop(id, definition));
  return (
    <div className="step-fields">
      <Field label={t('inspector.name')} path={['name']}>
        {(control) => (
          <input
            {...control}
            className="input"
            maxLength={80}
            placeholder={t(`nodes.${node.type}`)}
            value={node.name ?? ''}
            onChange={(e) => {
              const { name: _old, ...rest } = node;
              onChange((e.target.value === '' ? rest : { ...rest, name: e.target.value }) as N);
            }}
          />
        )}
      </Field>
      {showBound && (
        <Field
          label={t('inspector.maxVisits')}
          help={t('inspector.maxVisitsHelp')}
          path={['maxVisits']}
        >
          {(control) => (
            <NumberInput
              {...control}
              className="input insp-amount"
              min={1}
              max={100}
              step={1}
              value={node.maxVisits}
              onChange={(value) => {
                const { maxVisits: _old, ...rest } = node;
                onChange((value === undefined ? rest : { ...rest, maxVisits: value }) as N);
              }}
            />
          )}
        </Field>
      )}
    </div>
  );
}
