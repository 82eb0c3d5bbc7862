import {
  explainUpdate,
  explainWeightGradient,
  type SampleGradient,
} from '../../../engine/explain/backward/index.ts';
import type { LayerStep, StepRecord } from '../../../engine/train/step-record.ts';
import type { Activation } from '../../../graph/types.ts';
import { useT } from '../../../i18n/useT.ts';
import '../../../i18n/backward-messages.ts';
import { formatValue, formatValueLong } from '../../../ui/format-value.ts';
import { MiniGrid } from '../MiniGrid.tsx';
import { SumLine } from '../SumLine.tsx';
import { UpdateLines } from './UpdateLines.tsx';

/** Output positions drawn as grids up to this many; beyond, only the sums. */
const MAX_GRID_CELLS = 144;

/** Which weight is explained: a kernel value (flat index) or the bias of the focused unit. */
export type Pick = { param: 'kernel'; index: number } | { param: 'bias' };

/** The weight chosen (kept across steps: a learner follows one weight as it changes). */
export interface WeightChoice {
  pick: Pick | null;
  channel: number;
}

export interface WeightGradientProps {
  record: StepRecord;
  layer: number;
  sample: number;
  /** The focused output cell: its filter (or unit) is the one whose weights are shown. */
  cell: number;
  choice: WeightChoice;
  onChoice(choice: WeightChoice): void;
}

/**
 * Pick a weight of the focused filter (or unit): its gradient as the sum of products of the
 * input values it touched and the δ of the sums it fed, over the batch, then its update.
 */
export function WeightGradient(props: WeightGradientProps) {
  const { record, layer, sample, cell, choice, onChoice } = props;
  const t = useT();
  const step = record.layers[layer]!;
  const units = step.outShape[step.outShape.length - 1]!;
  const unit = cell % units;
  const size = step.params.find((p) => p.name === 'kernel')!.before.length;
  const fits = choice.pick?.param === 'bias' || (choice.pick?.index ?? size) < size;
  const pick: Pick = fits && choice.pick ? choice.pick : { param: 'kernel', index: unit };
  const channel = choice.channel;
  const setPick = (p: Pick) => onChoice({ ...choice, pick: p });
  const setChannel = (c: number) => onChoice({ ...choice, channel: c });
  const hasBias = step.params.some((p) => p.name === 'bias');
  const chosen: Pick = pick.param === 'bias' && !hasBias ? { param: 'kernel', index: unit } : pick;
  // The picked kernel value must belong to the focused unit: move it there when the focus moves.
  const index = chosen.param === 'kernel' ? chosen.index - (chosen.index % units) + unit : unit;
  const ex = explainWeightGradient(record, layer, chosen.param, index);
  const update = explainUpdate(record, layer, chosen.param, index);
  return (
    <section className="ex-section bk-weight" aria-label={t('back.weightHeading')}>
      <h3 className="ex-heading">{t('back.weightHeading')}</h3>
      {step.node.type === 'Conv2D' ? (
        <ConvPicker
          {...{ step, unit, channel, hasBias }}
          picked={chosen.param === 'kernel' ? index : null}
          onChannel={setChannel}
          onPick={setPick}
        />
      ) : (
        <DensePicker
          {...{ step, unit, hasBias }}
          picked={chosen.param === 'kernel' ? index : null}
          onPick={setPick}
        />
      )}
      <h4 className="bk-weight-name">{weightName(t, step, chosen.param, ex.coords)}</h4>
      <SampleWork step={step} work={ex.samples[sample]!} bias={chosen.param === 'bias'} />
      {record.n > 1 && (
        <SumLine
          label={t('back.batchSum')}
          terms={ex.samples.map((s) => s.sum)}
          result={ex.engine}
        />
      )}
      <p className="ex-value">
        {t('back.gradient')} = <b className="ex-result">{formatValueLong(ex.engine)}</b>
      </p>
      <UpdateLines update={update} />
    </section>
  );
}

function weightName(
  t: ReturnType<typeof useT>,
  step: LayerStep,
  param: 'kernel' | 'bias',
  coords: number[],
): string {
  if (param === 'bias') return `${t('back.biasOf', { f: coords[0]! })}`;
  if (step.node.type === 'Conv2D') {
    const [ky, kx, c, f] = coords as [number, number, number, number];
    return t('back.weightName', { ky, kx, c, f });
  }
  return t('back.denseWeightName', { i: coords[0]!, j: coords[1]! });
}

interface ConvPickerProps {
  step: LayerStep;
  unit: number;
  channel: number;
  hasBias: boolean;
  picked: number | null;
  onChannel(c: number): void;
  onPick(p: Pick): void;
}

/** The focused filter's weights before the step, one channel at a time: click one. */
function ConvPicker({ step, unit, channel, hasBias, picked, onChannel, onPick }: ConvPickerProps) {
  const t = useT();
  const g = step.window!;
  const filters = step.outShape[2]!;
  const kernel = step.params.find((p) => p.name === 'kernel')!.before;
  const c = Math.min(channel, g.inC - 1);
  const at = (ky: number, kx: number) => ((ky * g.kw + kx) * g.inC + c) * filters + unit;
  return (
    <div className="bk-picker">
      {g.inC > 1 && (
        <label className="ex-picker">
          <span>ch</span>
          <select value={c} onChange={(e) => onChannel(Number(e.target.value))}>
            {Array.from({ length: g.inC }, (_, k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </label>
      )}
      <MiniGrid
        label={t('back.pickWeight', { f: unit, c })}
        rows={g.kh}
        cols={g.kw}
        focusable
        className="ex-filter"
        cell={(ky, kx) => ({
          text: formatValue(kernel[at(ky, kx)]!),
          // The visible value first, so the name holds what is seen (WCAG 2.5.3).
          label: `${formatValue(kernel[at(ky, kx)]!)} · ${t('back.weightName', { ky, kx, c, f: unit })}`,
          pressed: picked === at(ky, kx),
          className: picked === at(ky, kx) ? 'ex-current' : undefined,
        })}
        onCellClick={(ky, kx) => onPick({ param: 'kernel', index: at(ky, kx) })}
      />
      <p className="bk-caption">{t('back.pickWeight', { f: unit, c })}</p>
      {hasBias && (
        <button
          type="button"
          className="bk-bias"
          aria-pressed={picked === null}
          onClick={() => onPick({ param: 'bias' })}
        >
          {t('back.bias')}
        </button>
      )}
    </div>
  );
}

interface DensePickerProps {
  step: LayerStep;
  unit: number;
  hasBias: boolean;
  picked: number | null;
  onPick(p: Pick): void;
}

/** The focused unit's incoming weights: choose the input they come from, or the bias. */
function DensePicker({ step, unit, hasBias, picked, onPick }: DensePickerProps) {
  const t = useT();
  const units = step.outShape[step.outShape.length - 1]!;
  const inUnits = step.inShape[step.inShape.length - 1]!;
  const kernel = step.params.find((p) => p.name === 'kernel')!.before;
  const value = picked === null ? 'bias' : String(Math.floor(picked / units));
  return (
    <label className="ex-picker bk-picker">
      <span>{t('back.pickInput')}</span>
      <select
        value={value}
        onChange={(e) =>
          onPick(
            e.target.value === 'bias'
              ? { param: 'bias' }
              : { param: 'kernel', index: Number(e.target.value) * units + unit },
          )
        }
      >
        {Array.from({ length: inUnits }, (_, i) => (
          <option key={i} value={i}>
            {`${i}: ${formatValue(kernel[i * units + unit]!)}`}
          </option>
        ))}
        {hasBias && <option value="bias">{t('back.bias')}</option>}
      </select>
    </label>
  );
}

/** One sample's share: the grids of x, δ and their products (Conv2D), or the terms (Dense). */
function SampleWork({
  step,
  work,
  bias,
}: {
  step: LayerStep;
  work: SampleGradient;
  bias: boolean;
}) {
  const t = useT();
  const k = work.sample + 1;
  const activation = (step.node.params as { activation: Activation }).activation;
  const g = step.window;
  const grid = g && g.outH * g.outW <= MAX_GRID_CELLS;
  const cells = (values: number[]) => (r: number, c: number) => ({
    text: formatValue(values[r * g!.outW + c]!),
    className: work.terms[r * g!.outW + c]!.padding ? 'ex-padding' : undefined,
  });
  return (
    <div className="bk-work">
      {grid && (
        <div className="ex-figures">
          {!bias && (
            <figure className="ex-figure">
              <figcaption>{t('back.xGrid', { k })}</figcaption>
              <MiniGrid
                label={t('back.xGrid', { k })}
                rows={g.outH}
                cols={g.outW}
                cell={cells(work.terms.map((x) => x.x))}
              />
            </figure>
          )}
          <figure className="ex-figure">
            <figcaption>{t('back.deltaGrid')}</figcaption>
            <MiniGrid
              label={t('back.deltaGrid')}
              rows={g.outH}
              cols={g.outW}
              cell={cells(work.terms.map((x) => x.delta))}
            />
          </figure>
          {!bias && (
            <figure className="ex-figure">
              <figcaption>{t('back.productGrid')}</figcaption>
              <MiniGrid
                label={t('back.productGrid')}
                rows={g.outH}
                cols={g.outW}
                cell={cells(work.terms.map((x) => x.product))}
                className="ex-products"
              />
            </figure>
          )}
        </div>
      )}
      <p className="bk-caption">{t(deltaNote(activation))}</p>
      <SumLine
        label={t(g ? 'back.sampleSum' : 'back.denseSum', { k })}
        terms={work.terms.map((x) => x.product)}
        result={work.sum}
      />
    </div>
  );
}

function deltaNote(a: Activation) {
  switch (a) {
    case 'linear':
      return 'back.deltaLinear';
    case 'relu':
      return 'back.deltaRelu';
    case 'sigmoid':
      return 'back.deltaSigmoid';
    case 'tanh':
      return 'back.deltaTanh';
    case 'softmax':
      return 'back.deltaSoftmax';
  }
}
