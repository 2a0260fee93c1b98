import QRCode, { type QRCodeToBufferOptions } from 'qrcode';
import { pageLink } from '../../../types/launch';
import type { QrCodes } from '../ports/qr-codes';

/**
 * The stand-in's address of a page of the H5 build. Taro's H5 router works by hash
 * (config/index.ts), so the page's path and query follow `#`:
 * http://192.168.1.5:8787/#/pages/bind/index?code=ABCD2345.
 */
export function h5PageUrl(base: string, route: string, params: Record<string, string>): string {
  return `${base.replace(/\/+$/, '')}/#${pageLink(route, params)}`;
}

/**
 * Medium error correction, a 2-module quiet zone and WeChat's default width: a phone held
 * at arm's length reads it off another phone's screen or a printout. PNG row filters off
 * (filterType 0): choosing them makes a 3 KB file instead of 50 KB, but costs 40 ms in Node
 * and two seconds in jest's sandbox, for a picture that only ever crosses localhost.
 */
export const LOCAL_QR_OPTIONS: QRCodeToBufferOptions = {
  type: 'png',
  errorCorrectionLevel: 'M',
  margin: 2,
  width: 430,
  // pngjs reads filterType; @types/qrcode lists only the deflate options.
  rendererOpts: { filterType: 0 } as QRCodeToBufferOptions['rendererOpts'],
};

/**
 * QR codes for the stand-in, drawn by the `qrcode` package: no WeChat here, so the code
 * holds the H5 page's URL. `publicUrl` is where the scanning phone reaches the stand-in.
 */
export function localQrCodes(publicUrl: string): QrCodes {
  return {
    async forPage(route, params) {
      return { contentType: 'image/png', bytes: await QRCode.toBuffer(h5PageUrl(publicUrl, route, params), LOCAL_QR_OPTIONS) };
    },
  };
}
