import { localDeps, openLocalStore, publicUrlFromEnv } from '../../local/deps';
import { movableClock } from '../../local/clock';
import { h5PageUrl, LOCAL_QR_OPTIONS } from '../../cloudfunctions/core/adapters/local-qr-codes';
import { routes } from '../../types';
import QRCode from 'qrcode';

describe('PUBLIC_URL, where phones reach the stand-in', () => {
  it("defaults to the stand-in's own address on its port", () => {
    expect(publicUrlFromEnv(undefined, 8787)).toBe('http://127.0.0.1:8787');
    expect(publicUrlFromEnv('  ', 9000)).toBe('http://127.0.0.1:9000');
  });

  it('takes an http(s) address, without its trailing slash', () => {
    expect(publicUrlFromEnv('https://abc.trycloudflare.com/', 8787)).toBe('https://abc.trycloudflare.com');
    expect(publicUrlFromEnv('http://192.168.1.5:8787', 8787)).toBe('http://192.168.1.5:8787');
  });

  it('stops the start on anything else', () => {
    expect(() => publicUrlFromEnv('192.168.1.5:8787', 8787)).toThrow('PUBLIC_URL must be an http(s) address');
    expect(() => publicUrlFromEnv('ftp://host', 8787)).toThrow('PUBLIC_URL');
    expect(() => publicUrlFromEnv('http://host/#/x', 8787)).toThrow('without ? or #');
  });

  it("is what the stand-in's QR codes link under", async () => {
    const store = openLocalStore(':memory:');
    const deps = localDeps(store, movableClock(), { publicUrl: 'https://tunnel.example' });
    const image = await deps.qr.forPage(routes.bind, { code: 'ABCD2345' });
    const expected = await QRCode.toBuffer(h5PageUrl('https://tunnel.example', routes.bind, { code: 'ABCD2345' }), LOCAL_QR_OPTIONS);
    expect(image.bytes.equals(expected)).toBe(true);
    store.close();
  });
});
