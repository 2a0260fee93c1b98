import { chromium, type Browser } from 'playwright-core';

/**
 * Debian's chromium (apt-get install chromium), never a downloaded one, started quiet: no sandbox
 * (containers), no GPU, no background traffic a measurement or a test would pick up.
 */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
