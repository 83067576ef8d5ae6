import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JourneyVariables } from './journey-variables';
import { useLiquidTarget } from './liquid-scope';

/** `{{ contact.first_name }}`: what picking a variable inserts. */
export function liquidTag(path: string): string {
  return `{{ ${path} }}`;
}

/**
 * "Insert variable": a menu of contact.*, event.* and journey.* that inserts the picked variable
 * at the cursor of the Liquid field focused last.
 */
export function VariablePicker({ variables }: { variables: JourneyVariables }) {
  const { t } = useTranslation();
  const target = useLiquidTarget();
  const [open, setOpen] = useState(false);
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLButtonElement>('[role="menuitem"]:not(:disabled)')?.focus();
    const close = (event: MouseEvent) => {
      const inside =
        menu.current?.contains(event.target as Node) ||
        button.current?.contains(event.target as Node);
      if (!inside) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  const groups = [
    { key: 'contact', title: t('inspector.variableGroups.contact'), paths: variables.contact },
    { key: 'event', title: t('inspector.variableGroups.event'), paths: variables.event },
    { key: 'journey', title: t('inspector.variableGroups.journey'), paths: variables.journey },
  ].filter((group) => group.paths.length > 0);

  const onMenuKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const items = [
      ...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? []),
    ];
    const index = items.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'Escape') {
      event.preventDefault();
      setOpen(false);
      button.current?.focus();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      items[(index + step + items.length) % items.length]?.focus();
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      (event.key === 'Home' ? items[0] : items.at(-1))?.focus();
    }
  };

  return (
    <div className="var-picker">
      <button
        ref={button}
        type="button"
        className="btn btn-sm"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? `${id}-menu` : undefined}
        onClick={() => setOpen(!open)}
      >
        <span aria-hidden="true">{'{ }'}</span> {t('inspector.insertVariable')}
      </button>
      {open && (
        <div
          ref={menu}
          id={`${id}-menu`}
          role="menu"
          aria-label={t('inspector.variables')}
          className="var-menu"
          tabIndex={-1}
          onKeyDown={onMenuKey}
        >
          <p className="var-menu-target">
            {target
              ? t('inspector.insertInto', { field: target.label })
              : t('inspector.pickFieldFirst')}
          </p>
          {groups.map((group) => (
            <div key={group.key} className="var-group">
              <p className="var-group-title">{group.title}</p>
              {group.paths.map((name) => {
                const path = `${group.key}.${name}`;
                return (
                  <button
                    key={path}
                    type="button"
                    role="menuitem"
                    className="var-item"
                    disabled={!target}
                    onClick={() => {
                      target?.insert(liquidTag(path));
                      setOpen(false);
                    }}
                  >
                    <code>{path}</code>
                  </button>
                );
              })}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
