import type { UpdateExplanation } from '../../../engine/explain/backward/index.ts';
import { useT } from '../../../i18n/useT.ts';
import '../../../i18n/backward-messages.ts';
import { formatValueLong } from '../../../ui/format-value.ts';

/** The optimizer's update of the picked weight, line by line, ending in its new value. */
export function UpdateLines({ update: u }: { update: UpdateExplanation }) {
  const t = useT();
  const v = formatValueLong;
  const lines: [string, number][] = [];
  if (u.type === 'sgd') lines.push([t('back.sgd', { w: v(u.w), lr: v(u.lr), g: v(u.g) }), u.next]);
  else if (u.type === 'momentum') {
    lines.push([t('back.momentumAcc', { m: v(u.momentum), a: v(u.accBefore), g: v(u.g) }), u.acc]);
    lines.push([
      u.nesterov
        ? t('back.nesterovStep', { w: v(u.w), lr: v(u.lr), d: v(u.direction) })
        : t('back.momentumStep', { w: v(u.w), lr: v(u.lr), a: v(u.acc) }),
      u.next,
    ]);
  } else {
    lines.push([
      t('back.adamM', { b1: v(u.beta1), m: v(u.mBefore), c1: v(1 - u.beta1), g: v(u.g) }),
      u.m,
    ]);
    lines.push([
      t('back.adamV', { b2: v(u.beta2), v: v(u.vBefore), c2: v(1 - u.beta2), g: v(u.g) }),
      u.v,
    ]);
    lines.push([t('back.adamMHat', { m: v(u.m), c: v(u.c1) }), u.mHat]);
    lines.push([t('back.adamVHat', { v: v(u.v), c: v(u.c2) }), u.vHat]);
    lines.push([
      t('back.adamStep', {
        w: v(u.w),
        lr: v(u.lr),
        mHat: v(u.mHat),
        vHat: v(u.vHat),
        eps: v(u.epsilon),
      }),
      u.next,
    ]);
  }
  return (
    <div className="bk-update">
      {lines.map(([text, value], i) => (
        <p className="ex-line" key={i}>
          {text} = <b>{v(value)}</b>
        </p>
      ))}
      <p className="ex-value">
        {t('back.newValue')} <b className="ex-result bk-new">{v(u.engine)}</b>
      </p>
    </div>
  );
}
