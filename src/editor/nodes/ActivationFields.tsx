import { ACTIVATIONS } from '../../graph/schema.ts';
import type { Conv2DParams, DenseParams } from '../../graph/types.ts';
import { CheckboxField } from '../../ui/fields/CheckboxField.tsx';
import { SelectField } from '../../ui/fields/SelectField.tsx';

type Commit = (patch: Record<string, unknown>) => string | null;

/** `activation` and `useBias`, the two controls Conv2D and Dense share. */
export function ActivationFields({
  params,
  commit,
}: {
  params: Conv2DParams | DenseParams;
  commit: Commit;
}) {
  return (
    <>
      <SelectField
        name="activation"
        value={params.activation}
        options={ACTIVATIONS}
        onCommit={(activation) => commit({ activation })}
      />
      <CheckboxField
        name="useBias"
        checked={params.useBias}
        onCommit={(useBias) => commit({ useBias })}
      />
    </>
  );
}
