import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState, type ReactNode } from 'react';
import type { BoardPost, BoardReply } from '../../types/board';
import { a11y } from '../components/a11y';
import BigButton from '../components/big-button';
import type { Overlay } from '../components/overlay/use-overlay';
import { formatTime } from '../services/format';
import { statusWords } from './marks';
import Moderation from './moderation';
import ReplyBox from './reply-box';
import ReportBox from './report-box';

interface Props {
  post: BoardPost;
  canModerate: boolean;
  overlay: Overlay;
  /** The post as it is now; null once deleted. */
  onChanged: (post: BoardPost | null) => void;
}

type Open = 'reply' | 'report' | 'manage' | null;

/** A word in a box (置顶, 官方, 待审核): what it says is the meaning, the colour only helps. */
const Mark = ({ words, kind = '' }: { words: string; kind?: string }) => <Text className={`board-mark ${kind}`}>{words}</Text>;

function Photos({ urls }: { urls: readonly string[] }) {
  if (urls.length === 0) return null;
  return (
    <View className="board-photos">
      {urls.map((url, i) => (
        <Image
          key={url}
          className="board-photo"
          src={url}
          mode="aspectFill"
          {...a11y('button', `看大图：照片 ${i + 1}`)}
          onClick={() => void Taro.previewImage({ urls: [...urls], current: url })}
        />
      ))}
    </View>
  );
}

function Reply({ reply, canModerate, manage }: { reply: BoardReply; canModerate: boolean; manage: ReactNode }) {
  const status = statusWords(reply.status, reply.mine, canModerate);
  return (
    <View className={`board-reply ${reply.official ? 'is-official' : ''}`} {...a11y('listitem')}>
      <View className="board-reply-head">
        {reply.official && <Mark words="官方回复" kind="is-official" />}
        <Text className="board-author">{reply.authorName}</Text>
        <Text className="small muted">{formatTime(reply.createdAt)}</Text>
      </View>
      {status && <Mark words={status} kind="is-status" />}
      <View className="board-reply-text">{reply.text}</View>
      {manage}
    </View>
  );
}

/**
 * One post: who wrote it and when, its words in large type, photos and replies, and what the caller
 * may do: reply and report; a cadre also approves, hides, restores, deletes and pins.
 */
export default function PostCard({ post, canModerate, overlay, onChanged }: Props) {
  const [chosen, setOpen] = useState<Open | undefined>(undefined);
  // Until the cadre chooses, held and hidden posts, which wait on them, show their buttons.
  const open = chosen !== undefined ? chosen : canModerate && post.status !== 'visible' ? 'manage' : null;
  const toggle = (what: Exclude<Open, null>) => setOpen(open === what ? null : what);
  const status = statusWords(post.status, post.mine, canModerate);
  const canReply = post.status === 'visible';
  const canReport = !post.mine && !canModerate && !post.reported && post.status === 'visible';
  const managing = canModerate && open === 'manage';

  return (
    <View className={`card board-post ${post.pinned ? 'is-pinned' : ''} ${post.status !== 'visible' ? 'is-withheld' : ''}`}>
      <View className="board-post-head">
        {post.pinned && <Mark words="置顶" kind="is-pinned" />}
        {post.official && <Mark words="官方" kind="is-official" />}
        <Text className="board-author">{post.authorName}</Text>
        <Text className="small muted">
          {post.authorRole} · {formatTime(post.createdAt)}
        </Text>
      </View>
      {(status || (canModerate && post.reportCount > 0)) && (
        <View className="board-status">
          {status && <Mark words={status} kind="is-status" />}
          {canModerate && post.reportCount > 0 && <Mark words={`被举报 ${post.reportCount} 次`} kind="is-status" />}
        </View>
      )}
      <View className="board-post-text">{post.text}</View>
      <Photos urls={post.photoUrls} />
      {post.replies.length > 0 && (
        <View className="board-replies" {...a11y('list', `${post.replies.length} 条回复`)}>
          {post.replies.map((r) => (
            <Reply
              key={r.id}
              reply={r}
              canModerate={canModerate}
              manage={managing && <Moderation postId={post.id} replyId={r.id} status={r.status} overlay={overlay} onChanged={onChanged} />}
            />
          ))}
        </View>
      )}
      {managing && (
        <View className="board-manage">
          <View className="small muted">管理这条留言</View>
          <Moderation postId={post.id} status={post.status} pinned={post.pinned} overlay={overlay} onChanged={onChanged} />
        </View>
      )}
      <View className="board-buttons">
        {canReply && (
          <BigButton kind="secondary" className="board-action" label={`回复 ${post.authorName}`} onTap={() => toggle('reply')}>
            回复
          </BigButton>
        )}
        {canReport && (
          <BigButton kind="secondary" className="board-action" label={`举报 ${post.authorName} 的留言`} onTap={() => toggle('report')}>
            举报
          </BigButton>
        )}
        {post.reported && !canModerate && (
          <View className="board-reported" {...a11y('status')}>
            ✓ 已举报
          </View>
        )}
        {canModerate && (
          <BigButton kind="secondary" className="board-action" onTap={() => toggle('manage')}>
            {managing ? '收起管理' : '管理'}
          </BigButton>
        )}
      </View>
      {open === 'reply' && canReply && (
        <ReplyBox
          post={post}
          overlay={overlay}
          onReplied={(p) => {
            setOpen(null);
            onChanged(p);
          }}
          onClose={() => setOpen(null)}
        />
      )}
      {open === 'report' && canReport && (
        <ReportBox
          postId={post.id}
          overlay={overlay}
          onReported={(hidden) => {
            setOpen(null);
            onChanged({ ...post, reported: true, ...(hidden ? { status: 'hidden' as const } : {}) });
          }}
          onClose={() => setOpen(null)}
        />
      )}
    </View>
  );
}
