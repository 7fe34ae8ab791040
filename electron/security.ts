import { app, session, shell } from 'electron';
import { isSafeExternalUrl } from './policy';

/** The page never leaves the app: a link to the web opens in the OS browser, after the URL check. */
function openOutside(url: string): void {
  if (isSafeExternalUrl(url)) void shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK: checked just before
}

/** Navigation, new windows, webviews and permission requests are all refused, for every web contents. */
export function hardenWebContents(): void {
  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-navigate', (e, url) => {
      e.preventDefault();
      openOutside(url);
    });
    contents.on('will-attach-webview', (e) => e.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      openOutside(url);
      return { action: 'deny' };
    });
  });
}

export function denyPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}
