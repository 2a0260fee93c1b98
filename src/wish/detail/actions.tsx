import { Textarea, View } from '@tarojs/components';
import { askToBeNotified } from '../../services/subscribe';
import { a11y, fieldLabel } from '../../components/a11y';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { routes, wishesContract, wishLink, wishRules, wishScopeLabels, type WishDetail, type WishScope } from '../../../types';
import BigButton from '../../components/big-button';
import Chips from '../../components/chips';
import Field from '../../components/field';
import type { Overlay } from '../../components/overlay/use-overlay';
import { useSubmission } from '../../hooks/use-submission';
import { callCloud, errorText } from '../../services/cloud';
import { formatTime } from '../../services/format';
import { fieldProblem } from '../../services/field-problems';

type Wider = 'township' | 'county';
const order: WishScope[] = ['village', 'township', 'county'];
/** The scopes wider than the wish's present one: a cadre only ever widens. */
const widerThan = (scope: WishScope) =>
  order.slice(order.indexOf(scope) + 1).map((value) => ({ value: value as Wider, label: wishScopeLabels[value] }));

interface Props {
  wish: WishDetail;
  overlay: Overlay;
  /** The wish changed: read it again. */
  onChanged: () => void;
}

/** Only what `wish.can` allows this caller now; each action asks first where it cannot be undone. */
export default function WishActions({ wish, overlay, onChanged }: Props) {
  const can = new Set(wish.can);
  const { id } = wish;
  const submission = useSubmission();
  const [error, setError] = useState<string | null>(null);
  const [releasing, setReleasing] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const [thanks, setThanks] = useState('');
  const [thanksError, setThanksError] = useState<string | undefined>();
  const [scope, setScope] = useState<Wider | null>(null);
  const busy = submission.pending;

  /** Sends one action; `done` says what happened, in a toast, before the wish is read again. */
  const run = async <R,>(key: string, send: () => Promise<R>, done: (value: R) => string) => {
    setError(null);
    try {
      const r = await submission.submit(key, send);
      if (!r.sent) return;
      void overlay.toast(done(r.value), 'success');
      onChanged();
    } catch (e) {
      setError(errorText(e));
    }
  };

  const ask = async (title: string, content: string, confirmText: string, danger = false) =>
    overlay.confirm({ title, content, confirmText, danger });

  const claim = async () => {
    const yes = await overlay.confirm({
      title: '认领这个心愿？',
      content: `认领后请在 ${wishRules.claimDays} 天内送到。一个人同时最多认领 ${wishRules.maxActiveClaims} 个心愿。`,
      confirmText: '认领',
      // The reminder before the due date can then also reach WeChat, not only the inbox.
      onConfirmTap: askToBeNotified,
    });
    if (yes)
      await run(
        'claim',
        () => callCloud(wishesContract, 'claim', { id }),
        (r) => `认领成功，请在 ${formatTime(r.claimDueAt)} 前送达`,
      );
  };
  const withdraw = async () => {
    if (await ask('撤回这个心愿？', '撤回后这个心愿不再办理。以后需要，可以重新许愿。', '撤回', true))
      await run(
        'withdraw',
        () => callCloud(wishesContract, 'withdraw', { id }),
        () => '心愿已撤回',
      );
  };
  const confirm = async () => {
    if (await ask('确认已经收到？', '请在东西真的送到家以后再确认。', '已经收到'))
      await run(
        'confirm',
        () => callCloud(wishesContract, 'confirm', { id }),
        () => '已确认收到，谢谢您',
      );
  };
  const release = async () => {
    const problem = fieldProblem(wishesContract.actions.release.input, { id, reason }, 'reason');
    setReasonError(problem);
    if (problem) return;
    if (await ask('放弃认领？', '放弃后心愿会回到心愿墙，由别人认领。', '放弃认领', true))
      await run(
        'release',
        () => callCloud(wishesContract, 'release', { id, reason: reason.trim() }),
        () => '已放弃认领，心愿回到了心愿墙',
      );
  };
  const thank = async () => {
    const problem = fieldProblem(wishesContract.actions.thank.input, { id, text: thanks }, 'text');
    setThanksError(problem);
    if (!problem)
      await run(
        'thank',
        () => callCloud(wishesContract, 'thank', { id, text: thanks.trim() }),
        () => '感谢的话已送给帮您的人',
      );
  };
  const widen = async () => {
    if (scope === null) return setError('请先选择扩大到哪里');
    if (
      await ask(`扩大到${wishScopeLabels[scope]}？`, `${wishScopeLabels[scope]}的帮扶责任人和驻村干部都能看到并认领这个心愿。`, '扩大范围')
    )
      await run(
        'widen',
        () => callCloud(wishesContract, 'widen', { id, scope }),
        () => `已扩大到${wishScopeLabels[scope]}`,
      );
  };

  if (can.size === 0) return null;
  return (
    <View className="wish-actions">
      {error && (
        <View className="error-text action-error" {...a11y('alert')}>
          ！{error}
        </View>
      )}
      {can.has('claim') && (
        <BigButton busy={busy === 'claim'} busyText="正在认领…" onTap={() => void claim()}>
          我来认领
        </BigButton>
      )}
      {can.has('fulfil') && <BigButton onTap={() => void Taro.navigateTo({ url: wishLink(routes.fulfil, id) })}>已送达，去填写</BigButton>}
      {can.has('confirm') && (
        <BigButton busy={busy === 'confirm'} busyText="正在确认…" onTap={() => void confirm()}>
          确认收到
        </BigButton>
      )}
      {can.has('thank') && (
        <View className="card">
          <Field label="说句感谢的话" error={thanksError} count={{ value: thanks.trim().length, max: 200 }}>
            <Textarea
              className="field action-text"
              {...fieldLabel('感谢的话')}
              placeholder="例如：书包收到了，孩子很喜欢，谢谢您"
              value={thanks}
              maxlength={-1}
              onInput={(e) => {
                setThanks(e.detail.value);
                if (thanksError) setThanksError(fieldProblem(wishesContract.actions.thank.input, { id, text: e.detail.value }, 'text'));
              }}
            />
          </Field>
          <BigButton busy={busy === 'thank'} busyText="正在发送…" onTap={() => void thank()}>
            发送感谢
          </BigButton>
        </View>
      )}
      {can.has('review') && (
        <BigButton kind="secondary" onTap={() => void Taro.navigateTo({ url: routes.reviewWishes })}>
          去审核
        </BigButton>
      )}
      {can.has('widen') && (
        <View className="card">
          <Field label="本村难以办到？扩大认领范围" hint="扩大后，更大范围的帮扶力量能看到并认领">
            <Chips label="扩大到" options={widerThan(wish.scope)} value={scope} onChange={setScope} />
          </Field>
          <BigButton kind="secondary" busy={busy === 'widen'} busyText="正在扩大…" onTap={() => void widen()}>
            扩大范围
          </BigButton>
        </View>
      )}
      {can.has('release') &&
        (releasing ? (
          <View className="card">
            <Field label="放弃认领的原因" error={reasonError} count={{ value: reason.trim().length, max: 200 }}>
              <Textarea
                className="field action-text"
                {...fieldLabel('放弃认领的原因')}
                placeholder="例如：出差一个月，没法按时送到"
                value={reason}
                maxlength={-1}
                onInput={(e) => {
                  setReason(e.detail.value);
                  if (reasonError)
                    setReasonError(fieldProblem(wishesContract.actions.release.input, { id, reason: e.detail.value }, 'reason'));
                }}
              />
            </Field>
            <BigButton kind="danger" busy={busy === 'release'} busyText="正在放弃…" onTap={() => void release()}>
              确认放弃认领
            </BigButton>
            <BigButton kind="secondary" onTap={() => setReleasing(false)}>
              不放弃了
            </BigButton>
          </View>
        ) : (
          <BigButton kind="danger" onTap={() => setReleasing(true)}>
            放弃认领
          </BigButton>
        ))}
      {can.has('withdraw') && (
        <BigButton kind="danger" busy={busy === 'withdraw'} busyText="正在撤回…" onTap={() => void withdraw()}>
          撤回心愿
        </BigButton>
      )}
    </View>
  );
}
