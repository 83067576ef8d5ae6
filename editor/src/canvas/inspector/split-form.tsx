import { portLabel, type SplitVariant } from '@ruta/shared';
import { useTranslation } from 'react-i18next';
import { intlLocale } from '../../i18n/index';
import { Field, Section } from './field';
import { removeAt, replaceAt } from './list';
import { NumberInput } from './number-input';
import { PortInput } from './port-input';
import { slugify, uniquePort } from './ports';
import { StepFields } from './step-fields';
import type { NodeFormProps } from './types';
import { useLang } from './use-lang';
import { useRowKeys } from './use-row-keys';

const MAX_VARIANTS = 10;

/** Splits 100 into `count` whole percentages that add up exactly (34/33/33). */
export function evenPercents(count: number): number[] {
  const base = Math.floor(100 / count);
  return Array.from({ length: count }, (_, i) => base + (i < 100 - base * count ? 1 : 0));
}

function sumOf(variants: readonly SplitVariant[]): number {
  return Math.round(variants.reduce((sum, v) => sum + v.percent, 0) * 100) / 100;
}

/** A/B split: variants with a label, an output and a percentage that must add up to 100. */
export function SplitForm(props: NodeFormProps<'split'>) {
  const { node, onChange } = props;
  const { t, i18n } = useTranslation();
  const lang = useLang();
  const rows = useRowKeys(node.variants.length);
  const variants = node.variants;
  const setVariants = (next: SplitVariant[]) => onChange({ ...node, variants: next });
  const sum = sumOf(variants);
  const balanced = Math.abs(sum - 100) < 1e-9;
  const shownSum = new Intl.NumberFormat(intlLocale(i18n.resolvedLanguage)).format(sum);

  return (
    <>
      <StepFields {...props} />
      <Section title={t('inspector.variants')} path={['variants']}>
        <div className="grid-rows">
          <div className="grid-head grid-split" aria-hidden="true">
            <span>{t('inspector.variantLabel')}</span>
            <span>{t('inspector.port')}</span>
            <span>%</span>
            <span />
          </div>
          {variants.map((variant, index) => {
            const others = variants.filter((_, i) => i !== index).map((v) => v.port);
            const setVariant = (next: SplitVariant) =>
              setVariants(replaceAt(variants, index, next));
            const n = index + 1;
            return (
              <div key={rows.keys[index]} className="split-row">
                <div className="grid-split">
                  <Field
                    hideLabel
                    label={t('inspector.variantLabelN', { n })}
                    path={['variants', index, 'label']}
                  >
                    {(control) => (
                      <input
                        {...control}
                        className="input"
                        maxLength={80}
                        value={variant.label ?? ''}
                        onChange={(e) => {
                          const label = e.target.value;
                          const auto =
                            variant.port === uniquePort(slugify(variant.label ?? ''), others);
                          const port =
                            auto && slugify(label)
                              ? uniquePort(slugify(label), others)
                              : variant.port;
                          const { label: _old, ...rest } = variant;
                          setVariant(label === '' ? { ...rest, port } : { ...rest, label, port });
                        }}
                      />
                    )}
                  </Field>
                  <Field
                    hideLabel
                    label={t('inspector.variantPortN', { n })}
                    path={['variants', index, 'port']}
                  >
                    {(control) => (
                      <PortInput
                        control={control}
                        value={variant.port}
                        onChange={(port) => setVariant({ ...variant, port })}
                      />
                    )}
                  </Field>
                  <Field
                    hideLabel
                    label={t('inspector.variantPercentN', { n })}
                    path={['variants', index, 'percent']}
                  >
                    {(control) => (
                      <NumberInput
                        {...control}
                        min={0}
                        max={100}
                        value={variant.percent}
                        onChange={(percent) => {
                          if (percent !== undefined) setVariant({ ...variant, percent });
                        }}
                      />
                    )}
                  </Field>
                  <button
                    type="button"
                    className="btn btn-ghost btn-sm icon-btn"
                    aria-label={t('inspector.removeVariant', { n })}
                    disabled={variants.length <= 2}
                    onClick={() => {
                      rows.removed(index);
                      setVariants(removeAt(variants, index));
                    }}
                  >
                    ×
                  </button>
                </div>
                <p className="port-label">→ {portLabel(node, variant.port)[lang]}</p>
              </div>
            );
          })}
        </div>
        <p className={`split-sum${balanced ? ' split-sum-ok' : ' split-sum-bad'}`} role="status">
          {balanced
            ? t('inspector.sumOk', { sum: shownSum })
            : t('inspector.sumMustBe100', { sum: shownSum })}
        </p>
        <div className="row">
          <button
            type="button"
            className="btn btn-sm"
            disabled={variants.length >= MAX_VARIANTS}
            onClick={() => {
              const letter = String.fromCharCode(65 + variants.length);
              const port = uniquePort(
                slugify(letter),
                variants.map((v) => v.port),
              );
              setVariants([...variants, { port, label: letter, percent: Math.max(0, 100 - sum) }]);
            }}
          >
            + {t('inspector.addVariant')}
          </button>
          <button
            type="button"
            className="btn btn-sm"
            onClick={() => {
              const percents = evenPercents(variants.length);
              setVariants(variants.map((v, i) => ({ ...v, percent: percents[i] ?? 0 })));
            }}
          >
            {t('inspector.splitEvenly')}
          </button>
        </div>
      </Section>
    </>
  );
}
