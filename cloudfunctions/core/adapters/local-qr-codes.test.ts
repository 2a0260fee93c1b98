import QRCode from 'qrcode';
import { routes } from '../../../types';
import { h5PageUrl, LOCAL_QR_OPTIONS, localQrCodes } from './local-qr-codes';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe("the stand-in's address of an H5 page", () => {
  it('puts the page and its query after the hash, as Taro routes H5 pages', () => {
    expect(h5PageUrl('http://127.0.0.1:8787', routes.bind, { code: 'ABCD2345' })).toBe(
      'http://127.0.0.1:8787/#/pages/bind/index?code=ABCD2345',
    );
  });

  it('joins a base with trailing slashes or a path cleanly', () => {
    expect(h5PageUrl('https://abc.trycloudflare.com/', routes.bind, { code: 'X' })).toBe(
      'https://abc.trycloudflare.com/#/pages/bind/index?code=X',
    );
    expect(h5PageUrl('https://host/village//', routes.bind, {})).toBe('https://host/village/#/pages/bind/index');
  });
});

describe("the stand-in's QR codes", () => {
  it('are PNGs that encode the H5 address of the page with its parameters', async () => {
    const image = await localQrCodes('http://192.168.1.5:8787').forPage(routes.bind, { code: 'ABCD2345' });
    expect(image.contentType).toBe('image/png');
    expect(image.bytes.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    // The same drawing as the URL's own: no decoder needed to know what it holds.
    const expected = await QRCode.toBuffer('http://192.168.1.5:8787/#/pages/bind/index?code=ABCD2345', LOCAL_QR_OPTIONS);
    expect(image.bytes.equals(expected)).toBe(true);
    const other = await QRCode.toBuffer('http://192.168.1.5:8787/#/pages/bind/index?code=ABCD2346', LOCAL_QR_OPTIONS);
    expect(image.bytes.equals(other)).toBe(false);
  });
});
