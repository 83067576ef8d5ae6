import { type NodeType, nodeKinds } from '@ruta/shared';
import { useTranslation } from 'react-i18next';
import { currentLang } from '../i18n/index';
import { editorKinds, PALETTE_KINDS } from './kinds/index';

export const DRAG_TYPE = 'application/ruta-node';

/** Steps to drag onto the canvas (or press Enter on one to add it below the selection). */
export function Palette({
  onAdd,
  disabled,
}: {
  onAdd: (type: NodeType) => void;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const lang = currentLang();
  return (
    <aside className="palette" aria-label={t('editor.palette')}>
      <h3>{t('editor.palette')}</h3>
      {PALETTE_KINDS.map((type) => {
        const Icon = editorKinds[type].icon;
        return (
          <button
            type="button"
            key={type}
            className={`palette-item kind-${type}`}
            draggable={!disabled}
            disabled={disabled}
            data-testid={`palette-${type}`}
            onDragStart={(event) => {
              event.dataTransfer.setData(DRAG_TYPE, type);
              event.dataTransfer.effectAllowed = 'move';
            }}
            onClick={() => onAdd(type)}
          >
            <span className="palette-icon" aria-hidden>
              <Icon size={14} strokeWidth={2.4} />
            </span>
            {nodeKinds[type].label[lang]}
          </button>
        );
      })}
      <p className="help">{t('editor.paletteHint')}</p>
    </aside>
  );
}
