// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Training } from '../../../src/engine-client/useTraining.ts';
import {
  TrainingProvider,
  usePixelsWhileTraining,
} from '../../../src/panels/train/TrainingContext.tsx';
import { createTrainingStore } from '../../../src/state/training-store.ts';
import type { TrainingInfo } from '../../../src/engine/train/training-api.ts';

afterEach(cleanup);

function Probe({ id, values }: { id: string; values: number }) {
  return <span data-testid={id}>{String(usePixelsWhileTraining(id, 'digit', values))}</span>;
}

const info: TrainingInfo = {
  trainCount: 8000,
  testCount: 2000,
  batchesPerEpoch: 250,
  epochs: 1,
  parameters: 100,
  chain: ['conv1', 'class'],
  classes: 10,
};

describe('usePixelsWhileTraining', () => {
  it('big maps of the run are pixels from ready until reset; small maps and others never', () => {
    const store = createTrainingStore();
    const training = { store, controller: {} } as unknown as Training;
    render(
      <TrainingProvider training={training}>
        <Probe id="digit" values={784} />
        <Probe id="conv1" values={4608} />
        <Probe id="class" values={10} />
        <Probe id="other" values={4608} />
      </TrainingProvider>,
    );
    const shown = () =>
      ['digit', 'conv1', 'class', 'other'].map((id) => screen.getByTestId(id).textContent);
    expect(shown()).toEqual(['false', 'false', 'false', 'false']);
    act(() => store.loading());
    expect(shown()).toEqual(['false', 'false', 'false', 'false']);
    act(() => store.started(info));
    expect(shown()).toEqual(['true', 'true', 'false', 'false']);
    act(() => store.setPhase('ended'));
    expect(shown()).toEqual(['true', 'true', 'false', 'false']);
    act(() => store.reset());
    expect(shown()).toEqual(['false', 'false', 'false', 'false']);
  });
});
