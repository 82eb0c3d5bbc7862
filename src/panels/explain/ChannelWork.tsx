import type { ReactNode } from 'react';
import type { ChannelTerms } from '../../engine/explain/conv2d.ts';
import type { WindowInfo } from '../../graph/window.ts';
import { useT } from '../../i18n/useT.ts';
import '../../i18n/explain-messages.ts';
import { formatValue } from '../../ui/format-value.ts';
import { MiniGrid } from './MiniGrid.tsx';
import { SumLine } from './SumLine.tsx';
import { WindowInput } from './WindowInput.tsx';

/** Largest window drawn cell by cell. */
const MAX_DRAWN_CELLS = 121;

export interface ChannelWorkProps {
  terms: ChannelTerms;
  g: WindowInfo;
  input: Float32Array;
  row: number;
  col: number;
  f: number;
  locked: boolean;
  inputLabel: string;
}

/**
 * The multiply-accumulate of one input channel, laid out as slide 1 draws it: the input
 * with the window, × the filter, = the products of corresponding cells, and their sum.
 */
export function ChannelWork(props: ChannelWorkProps) {
  const { terms, g, input, row, col, f, locked, inputLabel } = props;
  const t = useT();
  const c = terms.channel;
  const drawn = g.kh * g.kw <= MAX_DRAWN_CELLS;
  const size = { rows: g.kh, cols: g.kw };
  return (
    <section className="ex-channel" aria-label={t('conv.channel', { c })}>
      <div className="ex-figures">
        <Figure caption={inputLabel}>
          <WindowInput label={inputLabel} {...{ input, g, row, col }} channel={c} paddingText="0" />
        </Figure>
        {drawn && (
          <Operand sign="×" caption={t('conv.filter', { f, c })}>
            <MiniGrid
              {...size}
              label={t('conv.filter', { f, c })}
              cell={cellsOf(terms.weights, g.kw, false)}
              className="ex-filter"
            />
          </Operand>
        )}
        {drawn && (
          <Operand sign="=" caption={t('conv.products')}>
            <MiniGrid
              {...size}
              label={t('conv.productsOf', { c })}
              cell={cellsOf(terms.products, g.kw, locked)}
              className="ex-products"
            />
          </Operand>
        )}
      </div>
      {locked ? (
        <p className="ex-line">{t('conv.sumHidden', { c })}</p>
      ) : (
        <SumLine label={t('conv.sum', { c })} terms={terms.products} result={terms.sum} />
      )}
    </section>
  );
}

/** Cells of a window-shaped grid from row-major values; `?` while an exercise hides them. */
function cellsOf(values: number[], kw: number, hide: boolean) {
  return (r: number, k: number) => ({ text: hide ? '?' : formatValue(values[r * kw + k]) });
}

function Figure({ caption, children }: { caption: string; children: ReactNode }) {
  return (
    <figure className="ex-figure">
      <figcaption>{caption}</figcaption>
      {children}
    </figure>
  );
}

/** A figure with the operator before it: the two wrap to the next line together. */
function Operand({
  sign,
  caption,
  children,
}: {
  sign: string;
  caption: string;
  children: ReactNode;
}) {
  return (
    <span className="ex-operand">
      <span className="ex-op" aria-hidden="true">
        {sign}
      </span>
      <Figure caption={caption}>{children}</Figure>
    </span>
  );
}
