import { Image, Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { wishCategoryLabels, wishScopeLabels, type WallWish } from '../../types';
import { a11y } from '../components/a11y';
import './wish-card.scss';

/** "已等 12 天"; a wish put up today has not waited yet. */
export const waitingText = (days: number): string => (days === 0 ? '今天上墙' : `已等 ${days} 天`);
export const valueText = (value: number | null): string => (value === null ? '价值未填' : `约 ${value} 元`);

interface Props {
  wish: WallWish;
  onOpen: () => void;
  /** Under the summary: a due date, buttons. */
  children?: ReactNode;
}

/**
 * A wish as helpers see it on the wall: who only as a masked name and village, what and how much,
 * and how long it has waited. The whole head is one tap target that opens the wish.
 */
export default function WishCard({ wish, onOpen, children }: Props) {
  const who = `${wish.maskedName} · ${wish.villageName}`;
  return (
    <View className="card wall-card">
      <View
        className="wall-card-open"
        // Named by its own words (category, summary, who, value, days waiting), read in order.
        {...a11y('button')}
        onClick={onOpen}
      >
        <View className="wall-card-head">
          <Text className="badge">{wishCategoryLabels[wish.category]}</Text>
          {wish.scope !== 'village' && <Text className="badge is-wide">{wishScopeLabels[wish.scope]}可认领</Text>}
          <Text className="small muted">{waitingText(wish.daysWaiting)}</Text>
        </View>
        <View className="wall-card-summary">{wish.summary}</View>
        <View className="small muted">
          {who} · {valueText(wish.value)}
        </View>
        {wish.photoUrls.length > 0 && (
          <View className="wall-card-photos">
            {wish.photoUrls.map((url, i) => (
              <Image key={url} className="wall-card-photo" src={url} mode="aspectFill" lazyLoad {...a11y('img', `心愿照片 ${i + 1}`)} />
            ))}
          </View>
        )}
      </View>
      {children}
    </View>
  );
}
