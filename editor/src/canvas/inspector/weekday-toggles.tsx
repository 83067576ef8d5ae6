import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/** Monday first, as calendars in Latin America show the week; values are Date.getDay() numbers. */
const WEEK = [1, 2, 3, 4, 5, 6, 0] as const;

/** Seven toggles; none pressed means any day. */
export function WeekdayToggles({
  legend,
  value,
  onChange,
}: {
  legend: string;
  value: readonly number[] | undefined;
  onChange: (value: number[] | undefined) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const days = value ?? [];
  return (
    <fieldset className="field" aria-describedby={`${id}-help`}>
      <legend className="label">{legend}</legend>
      <div className="weekdays">
        {WEEK.map((day) => {
          const on = days.includes(day);
          return (
            <button
              key={day}
              type="button"
              className="weekday"
              aria-pressed={on}
              aria-label={t(`inspector.weekdayNames.${day}`)}
              onClick={() => {
                const next = on ? days.filter((d) => d !== day) : [...days, day];
                onChange(next.length === 0 ? undefined : WEEK.filter((d) => next.includes(d)));
              }}
            >
              {t(`inspector.weekdayShort.${day}`)}
            </button>
          );
        })}
      </div>
      <p id={`${id}-help`} className="help">
        {days.length === 0 ? t('inspector.anyDay') : t('inspector.onlyTheseDays')}
      </p>
    </fieldset>
  );
}
