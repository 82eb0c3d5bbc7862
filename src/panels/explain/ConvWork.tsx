import { useMemo } from 'react';
import { explainConv2DCell, type ChannelTerms } from '../../engine/explain/conv2d.ts';
import type { WindowInfo } from '../../graph/window.ts';
import type { NodeOf } from '../../graph/types.ts';
import { resolveNodeWeights } from '../../graph/weights.ts';
import { useT } from '../../i18n/useT.ts';
import '../../i18n/explain-messages.ts';
import { formatValueLong } from '../../ui/format-value.ts';
import { ChannelWork } from './ChannelWork.tsx';
import { Finish } from './Finish.tsx';
import { SumLine } from './SumLine.tsx';

/** Channels worked out in full; the others are summed in one line. */
const CHANNELS_SHOWN = 4;

export interface ConvWorkProps {
  node: NodeOf<'Conv2D'>;
  g: WindowInfo;
  input: Float32Array;
  index: number;
  /** An exercise cell not yet solved: the window and filter show, the arithmetic does not. */
  locked: boolean;
  /** Caption of the input: "input image · ch 0", or the feeding node's output. */
  inputLabel(c: number): string;
}

/**
 * How a Conv2D computes one output cell, as slides 1-3 do it: per input channel the input
 * under the window, the filter, the products of corresponding cells and their sum; then the
 * channels' total, the bias and the activation.
 */
export function ConvWork({ node, g, input, index, locked, inputLabel }: ConvWorkProps) {
  const t = useT();
  const { filters, activation } = node.params;
  const weights = useMemo(() => resolveNodeWeights(node, g.inC), [node, g.inC]);
  const f = index % filters;
  const pos = Math.floor(index / filters);
  const [row, col] = [Math.floor(pos / g.outW), pos % g.outW];
  const { kernel, bias } = weights;
  const ex = explainConv2DCell(input, kernel, bias, g, filters, activation, row, col, f);
  const rest = ex.channels.slice(CHANNELS_SHOWN);
  return (
    <div className="ex-work">
      {ex.channels.slice(0, CHANNELS_SHOWN).map((terms) => (
        <ChannelWork
          key={terms.channel}
          {...{ terms, g, input, row, col, f, locked }}
          inputLabel={inputLabel(terms.channel)}
        />
      ))}
      {rest.length > 0 && !locked && (
        <p className="ex-note">
          {t('conv.moreChannels', { n: rest.length, value: formatValueLong(sumOf(rest)) })}
        </p>
      )}
      {!locked && (
        <Finish {...ex} bias={bias ? ex.bias : null}>
          {ex.channels.length > 1 && (
            <SumLine
              label={t('conv.total')}
              terms={ex.channels.map((c) => c.sum)}
              result={ex.total}
            />
          )}
        </Finish>
      )}
    </div>
  );
}

function sumOf(channels: readonly ChannelTerms[]): number {
  return channels.reduce((a, c) => a + c.sum, 0);
}
