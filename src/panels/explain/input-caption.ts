import type { useT } from '../../i18n/useT.ts';
import '../../i18n/explain-messages.ts';
import type { NodeData } from '../inspect/useNodeData.ts';

/**
 * What a node's input is called: 入力画像 when it comes straight from an Input, otherwise the
 * output of the node feeding it ("input (pool) · ch 1").
 */
export function inputCaption(t: ReturnType<typeof useT>, data: NodeData, c: number): string {
  return data.sourceIsInput
    ? t('conv.input', { c })
    : t('explain.inputOf', { id: data.sourceId ?? '', c });
}
