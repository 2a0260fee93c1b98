/**
 * Where photos and generated files live. Production: CloudBase cloud storage (the client uploads
 * with Taro.cloud.uploadFile and hands the function the fileID). Locally: the stand-in's `.data/`.
 * Photos of a household's home are personal data: files are never public; callers the wish's
 * rules let see it get short-lived links, asked for per call.
 */
export interface FileStore {
  /** Short-lived links (about 10 minutes) to these files, in the same order; '' for one that does not exist. */
  temporaryUrls(fileIds: readonly string[]): Promise<string[]>;
  /** Whether each id names a stored file, so a request cannot attach someone else's made-up id. */
  exists(fileIds: readonly string[]): Promise<boolean[]>;
  /** Stores a file the functions made (the wish ledger) and answers its id. */
  save(path: string, bytes: Uint8Array, contentType: string): Promise<string>;
}

/**
 * Checks text that others will read before they see it (WeChat requires it of mini-programs
 * with user content). Production: security.msgSecCheck v2; locally a keyword list in config/.
 */
export interface ContentCheck {
  /**
   * 'pass' shows it; 'review' holds it for a cadre; 'risky' refuses it (WISH.CONTENT_RISKY, CONTENT.REJECTED).
   * `scene` says where the text appears, as msgSecCheck's scene does; a comment unless said otherwise.
   */
  check(text: string, openid: string | null, scene?: ContentScene): Promise<'pass' | 'review' | 'risky'>;
}

/** Where checked text appears: a comment-like note (a wish, a visit's answers), or a post or reply on the message board (论坛). */
export type ContentScene = 'comment' | 'forum';
