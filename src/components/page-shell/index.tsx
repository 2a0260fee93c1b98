import { View } from '@tarojs/components';
import type { PropsWithChildren, ReactNode } from 'react';
import { useTextSize } from '../../services/text-size';
import OverlayLayer from '../overlay';
import type { Overlay } from '../overlay/use-overlay';
import './index.scss';

interface Props {
  className?: string;
  /** A heading at the top of the page, when the navigation bar's title is not enough. */
  title?: ReactNode;
  /** The page's toast and dialog (from useOverlay), drawn here in the page's text size. */
  overlay?: Overlay;
}

/** The root of every page: carries the text-size class that the shared tokens key on. */
export default function PageShell({ children, className = '', title, overlay }: PropsWithChildren<Props>) {
  const size = useTextSize();
  return (
    <View className={`page text-${size} ${className}`}>
      {title !== undefined && <View className="page-title title">{title}</View>}
      {children}
      {overlay && <OverlayLayer state={overlay.state} />}
    </View>
  );
}
