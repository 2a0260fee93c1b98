/** Something a person should know about, delivered to their in-app inbox and, where possible, nudged on WeChat. */
export interface Notification {
  /** Member id of the recipient. */
  to: string;
  /**
   * The recipient's WeChat identity when the sender already holds their record (a timer
   * that read the cadres): spares a read per notification. Undefined means "look it up".
   */
  openid?: string | null;
  title: string;
  body: string;
  link: string | null;
  /** Same key, same notification: a retried timer does not notify twice. */
  dedupeKey: string;
  /**
   * false: the inbox only. Each WeChat subscription message spends one acceptance the user gave, so
   * what can wait (an announcement, a blue warning) leaves it for what cannot. Absent means true.
   */
  nudge?: boolean;
}

export interface Notifier {
  /** Returns false when a notification with the same dedupeKey was already delivered. */
  notify(n: Notification): Promise<boolean>;
}
