import { useMemo } from 'react';
import type { NodeOf } from '../../../graph/types.ts';
import { isInitializer } from '../../../graph/types.ts';
import { resolveNodeWeights, type NodeWeights } from '../../../graph/weights.ts';
import { useT } from '../../../i18n/useT.ts';
import '../../../i18n/explain-messages.ts';
import { useEditCommit } from '../../../ui/fields/useEditCommit.ts';
import { convCellsEdit, kernelIndex } from './value-edit.ts';
import { ValueGrid } from './ValueGrid.tsx';

/** Largest filter edited cell by cell, and how many filters and channels are laid out. */
const MAX_SIDE = 7;
const FILTERS_SHOWN = 8;
const CHANNELS_SHOWN = 4;

/**
 * A Conv2D's filters as small grids, one per filter and input channel, like the slides'
 * filter; each cell and each bias can be typed into. A kernel drawn by an initializer
 * becomes explicit on the first edit, keeping every other drawn value.
 */
export function KernelEditor({ node, inC }: { node: NodeOf<'Conv2D'>; inC: number }) {
  const t = useT();
  const { kernelSize, filters, kernel } = node.params;
  const [kh, kw] = kernelSize;
  const weights = useMemo(() => resolveNodeWeights(node, inC), [node, inC]);
  const drawn = kh <= MAX_SIDE && kw <= MAX_SIDE;
  return (
    <section className="ex-section" aria-label={t('kernel.title')}>
      <h3 className="ex-heading">{t('kernel.title')}</h3>
      {isInitializer(kernel) && (
        <p className="ex-note">
          {t('kernel.initializer', { init: kernel.init, seed: kernel.seed })}
        </p>
      )}
      {!drawn && <p className="ex-note">{t('kernel.tooLarge', { kh, kw, max: MAX_SIDE })}</p>}
      {drawn &&
        Array.from({ length: Math.min(filters, FILTERS_SHOWN) }, (_, f) => (
          <FilterRow key={f} {...{ node, inC, weights, f }} />
        ))}
      {drawn && (filters > FILTERS_SHOWN || inC > CHANNELS_SHOWN) && (
        <p className="ex-note">
          {t('kernel.more', { filters, c: inC, fs: FILTERS_SHOWN, cs: CHANNELS_SHOWN })}
        </p>
      )}
    </section>
  );
}

interface FilterRowProps {
  node: NodeOf<'Conv2D'>;
  inC: number;
  weights: NodeWeights;
  f: number;
}

/** Filter f: one editable grid per input channel, then its bias. */
function FilterRow({ node, inC, weights, f }: FilterRowProps) {
  const t = useT();
  const commit = useEditCommit();
  const [kh, kw] = node.params.kernelSize;
  const shape = [kh, kw, inC, node.params.filters];
  const at = (r: number, k: number, c: number) => kernelIndex(shape, r, k, c, f);
  return (
    <div className="ex-filter-row">
      {Array.from({ length: Math.min(inC, CHANNELS_SHOWN) }, (_, c) => (
        <figure className="ex-figure" key={c}>
          <figcaption>{t('conv.filter', { f, c })}</figcaption>
          <ValueGrid
            label={t('kernel.grid', { f, c })}
            rows={kh}
            cols={kw}
            value={(r, k) => weights.kernel[at(r, k, c)]}
            cellLabel={(row, col) => t('kernel.cell', { f, c, row, col })}
            onCommit={(r, k, value) =>
              commit(convCellsEdit(node, inC, 'kernel', [{ index: at(r, k, c), value }]))
            }
          />
        </figure>
      ))}
      {weights.bias && (
        <figure className="ex-figure">
          <figcaption>{t('kernel.biasCaption')}</figcaption>
          <ValueGrid
            label={t('kernel.bias', { f })}
            rows={1}
            cols={1}
            value={() => weights.bias![f]}
            cellLabel={() => t('kernel.bias', { f })}
            onCommit={(_, __, value) =>
              commit(convCellsEdit(node, inC, 'bias', [{ index: f, value }]))
            }
          />
        </figure>
      )}
    </div>
  );
}
