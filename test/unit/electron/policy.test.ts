import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_URL, appFilePath, isOwnSender, isSafeExternalUrl } from '../../../electron/policy';

describe('external links (isSafeExternalUrl)', () => {
  it('lets https links with a host through', () => {
    expect(isSafeExternalUrl('https://arxiv.org/abs/2401.00001')).toBe(true);
    expect(isSafeExternalUrl('https://doi.org/10.1000/xyz?x=1#y')).toBe(true);
  });

  it.each([
    ['http://arxiv.org/abs/1', 'plain http'],
    ['file:///etc/passwd', 'a local file'],
    ['javascript:alert(1)', 'script'],
    ['data:text/html,<script>alert(1)</script>', 'a data URL'],
    ['app://digest-reader/index.html', 'the app itself'],
    ['smb://host/share', 'a network share'],
    ['ms-settings:privacy', 'an OS handler'],
    ['https://arxiv.org@evil.example/', 'a user name hiding the real host'],
    ['https://user:pass@example.com/', 'credentials'],
    ['not a url', 'garbage'],
    ['', 'nothing'],
    [`https://example.com/${'a'.repeat(3000)}`, 'a very long URL'],
  ])('refuses %s (%s)', (url) => {
    expect(isSafeExternalUrl(url)).toBe(false);
  });
});

describe('app:// paths (appFilePath)', () => {
  const root = path.resolve('/opt/app/dist/renderer');

  it('maps the app URL and its assets into the renderer folder', () => {
    expect(appFilePath(root, APP_URL)).toBe(path.join(root, 'index.html'));
    expect(appFilePath(root, 'app://digest-reader/')).toBe(path.join(root, 'index.html'));
    expect(appFilePath(root, 'app://digest-reader/assets/index-abc.js')).toBe(path.join(root, 'assets', 'index-abc.js'));
  });

  it.each([
    'app://digest-reader/../../../etc/passwd',
    'app://digest-reader/%2e%2e/%2e%2e/etc/passwd',
    'app://digest-reader/assets/..%2f..%2f..%2fpackage.json',
    'app://digest-reader/..%5c..%5cpackage.json',
    'app://digest-reader/a%00.js',
    'app://digest-reader/%E0%A4%A',
  ])('never leaves the renderer folder: %s', (url) => {
    const file = appFilePath(root, url);
    expect(file === undefined || file.startsWith(root + path.sep), String(file)).toBe(true);
  });

  it('refuses other hosts and schemes', () => {
    expect(appFilePath(root, 'app://elsewhere/index.html')).toBeUndefined();
    expect(appFilePath(root, 'file:///opt/app/dist/renderer/index.html')).toBeUndefined();
    expect(appFilePath(root, 'https://digest-reader/index.html')).toBeUndefined();
    expect(appFilePath(root, 'nonsense')).toBeUndefined();
  });
});

describe('IPC senders (isOwnSender)', () => {
  const own = { webContentsId: 7, frameUrl: APP_URL, isTopFrame: true };

  it("answers the app's own window, from its top frame, on the app's page", () => {
    expect(isOwnSender(own, 7)).toBe(true);
    expect(isOwnSender({ ...own, frameUrl: 'app://digest-reader/index.html#/paper/1' }, 7)).toBe(true);
  });

  it('drops everything else', () => {
    expect(isOwnSender({ ...own, webContentsId: 8 }, 7)).toBe(false); // another window
    expect(isOwnSender(own, undefined)).toBe(false); // the window is gone
    expect(isOwnSender({ ...own, isTopFrame: false }, 7)).toBe(false); // an iframe
    expect(isOwnSender({ ...own, frameUrl: 'https://evil.example/' }, 7)).toBe(false); // navigated away
    expect(isOwnSender({ ...own, frameUrl: 'app://other/index.html' }, 7)).toBe(false);
    expect(isOwnSender({ ...own, frameUrl: undefined }, 7)).toBe(false); // the frame was destroyed
  });
});
