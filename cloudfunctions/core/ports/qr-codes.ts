/** A picture to show or save: its bytes and what they are. */
export interface QrImage {
  contentType: 'image/png' | 'image/jpeg';
  bytes: Buffer;
}

/**
 * Pictures of codes that open a page of the app with parameters, for a phone's camera.
 * In WeChat it is a 小程序码 (wxacode.getUnlimited), whose parameters travel as one `scene`
 * of at most 32 characters (types/launch.ts); in the stand-in a plain QR code of the H5
 * page's URL. Either way the page reads its parameters with `launchParams`.
 */
export interface QrCodes {
  /**
   * A code that opens `route` (a path from types/routes.ts) with `params`. Throws when the
   * platform would not make one (a missing permission, an unpublished page, a rate limit):
   * the caller decides what the person is told.
   */
  forPage(route: string, params: Record<string, string>): Promise<QrImage>;
}

/** The picture as a data URL, which an <Image> shows as it is. */
export const toDataUrl = (image: QrImage): string => `data:${image.contentType};base64,${image.bytes.toString('base64')}`;
