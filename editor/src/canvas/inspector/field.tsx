import type { ValidationProblem } from '@ruta/shared';
import { type ReactNode, useId } from 'react';
import { useProblemsAt } from './problems-context';

export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

/**
 * A labelled control: the label points at the control, help and this field's validation problems
 * are announced with it.
 */
export function Field({
  label,
  help,
  path,
  className,
  hideLabel,
  children,
}: {
  label: ReactNode;
  help?: ReactNode;
  /** Where the value sits in the form's object, to show its problems inline. */
  path?: ValidationProblem['path'];
  className?: string;
  /** For rows under a visible column heading: the label is for assistive technology only. */
  hideLabel?: boolean;
  children: (control: ControlProps) => ReactNode;
}) {
  const id = useId();
  const problems = useProblemsAt(path);
  const described = [help ? `${id}-help` : '', problems.length > 0 ? `${id}-problems` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className={`field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className={hideLabel ? 'sr-only' : undefined}>
        {label}
      </label>
      {children({
        id,
        ...(described ? { 'aria-describedby': described } : {}),
        ...(problems.length > 0 ? { 'aria-invalid': true as const } : {}),
      })}
      {help && (
        <p id={`${id}-help`} className="help">
          {help}
        </p>
      )}
      {problems.length > 0 && (
        <p id={`${id}-problems`} className="field-problem">
          {problems.join(' ')}
        </p>
      )}
    </div>
  );
}

/** A titled block of the inspector, with optional actions at the right of its heading. */
export function Section({
  title,
  actions,
  children,
  path,
}: {
  title: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  path?: ValidationProblem['path'];
}) {
  const problems = useProblemsAt(path);
  return (
    <section className="insp-section">
      <div className="insp-section-head">
        <h3>{title}</h3>
        {actions}
      </div>
      {problems.length > 0 && <p className="field-problem">{problems.join(' ')}</p>}
      {children}
    </section>
  );
}
