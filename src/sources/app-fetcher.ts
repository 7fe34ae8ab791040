import { createFetcher, type Fetcher } from '../net';
import { appVersion } from '../paths';

/**
 * Where a server's operator can learn about the app, in its User-Agent (arXiv asks for a contact).
 * The project has no public home yet: this neutral address stands in until it does.
 */
export const APP_CONTACT = 'https://github.com/digest-reader/digest-reader';

/** The version for the User-Agent; a build that cannot read its package.json says 0.0.0 rather than fail. */
function version(): string {
  try {
    return appVersion();
  } catch {
    return '0.0.0';
  }
}

/** The app's one fetcher: "DigestReader/<version> (+<contact>)", https only (http on this machine), capped, spaced per host. */
export function createAppFetcher(): Fetcher {
  return createFetcher({ appVersion: version(), contact: APP_CONTACT });
}
