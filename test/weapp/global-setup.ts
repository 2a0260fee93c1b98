import { ensureTaroBuild } from '../../scripts/freshness';

/** The weapp tests load the compiled pages, so the build must match the sources (about 15 s when it does not). */
export default function globalSetup(): void {
  if (ensureTaroBuild('weapp', { quiet: true })) console.log('\nbuilt dist/ for the weapp tests');
}
