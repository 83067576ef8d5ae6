import {
  createContext,
  type Dispatch,
  type InputHTMLAttributes,
  type ReactNode,
  type SetStateAction,
  type TextareaHTMLAttributes,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';

/** The text field a picked variable goes into: the one focused last (at first, the first one). */
export interface LiquidTarget {
  label: string;
  insert(text: string): void;
}

interface LiquidScopeValue {
  target: LiquidTarget | null;
  setTarget: Dispatch<SetStateAction<LiquidTarget | null>>;
}

const LiquidContext = createContext<LiquidScopeValue | null>(null);

/** Wraps a form whose Liquid fields share one variable picker. */
export function LiquidScope({ children }: { children: ReactNode }) {
  const [target, setTarget] = useState<LiquidTarget | null>(null);
  const value = useMemo(() => ({ target, setTarget }), [target]);
  return <LiquidContext.Provider value={value}>{children}</LiquidContext.Provider>;
}

export function useLiquidTarget(): LiquidTarget | null {
  return useContext(LiquidContext)?.target ?? null;
}

type Common = {
  /** How the picker names this field ("Texto del SMS"). */
  targetLabel: string;
  value: string;
  onChange: (value: string) => void;
};
type LiquidTextProps =
  | (Common & { multiline?: false } & Omit<
        InputHTMLAttributes<HTMLInputElement>,
        'value' | 'onChange'
      >)
  | (Common & { multiline: true } & Omit<
        TextareaHTMLAttributes<HTMLTextAreaElement>,
        'value' | 'onChange'
      >);

/** A text input or textarea holding a Liquid template; focusing it makes it the picker's target. */
export function LiquidText(props: LiquidTextProps) {
  const { targetLabel, value, onChange, multiline, ...rest } = props;
  const scope = useContext(LiquidContext);
  const element = useRef<HTMLInputElement | HTMLTextAreaElement | null>(null);
  const latest = useRef({ value, onChange });
  useEffect(() => {
    latest.current = { value, onChange };
  });
  const target = useMemo<LiquidTarget>(
    () => ({
      label: targetLabel,
      insert(text) {
        const el = element.current;
        const { value: current, onChange: change } = latest.current;
        const start = el?.selectionStart ?? current.length;
        const end = el?.selectionEnd ?? start;
        change(current.slice(0, start) + text + current.slice(end));
        const caret = start + text.length;
        // After React has written the new value: put the caret right after the variable.
        setTimeout(() => {
          if (!el?.isConnected) return;
          el.focus();
          el.setSelectionRange(caret, caret);
        });
      },
    }),
    [targetLabel],
  );
  const setTarget = scope?.setTarget;
  useEffect(
    () => () => setTarget?.((current) => (current === target ? null : current)),
    [setTarget, target],
  );
  const common = {
    value,
    onFocus: () => setTarget?.(target),
  };
  if (multiline) {
    const textareaProps = rest as TextareaHTMLAttributes<HTMLTextAreaElement>;
    return (
      <textarea
        {...textareaProps}
        {...common}
        ref={(el) => {
          element.current = el;
        }}
        className={textareaProps.className ?? 'input'}
        onChange={(event) => onChange(event.target.value)}
      />
    );
  }
  const inputProps = rest as InputHTMLAttributes<HTMLInputElement>;
  return (
    <input
      {...inputProps}
      {...common}
      ref={(el) => {
        element.current = el;
      }}
      className={inputProps.className ?? 'input'}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}
