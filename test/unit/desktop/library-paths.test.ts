import { describe, expect, it } from 'vitest';
import { dataDirIsChosen, defaultDataDir, desktopUserDataDir, type Place } from '../../../src/paths';

const linux: Place = { platform: 'linux', env: {}, home: '/home/ada' };
const mac: Place = { platform: 'darwin', env: {}, home: '/Users/ada' };
const windows: Place = { platform: 'win32', env: { APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' }, home: 'C:\\Users\\ada' };

describe('the library folder, one for the desktop app, web mode and the command line', () => {
  it('on Linux: $XDG_DATA_HOME/digest-reader, else ~/.local/share/digest-reader', () => {
    expect(defaultDataDir(linux)).toBe('/home/ada/.local/share/digest-reader');
    expect(defaultDataDir({ ...linux, env: { XDG_DATA_HOME: '/data/ada' } })).toBe('/data/ada/digest-reader');
    expect(defaultDataDir({ ...linux, env: { XDG_DATA_HOME: 'relative/path' } })).toBe('/home/ada/.local/share/digest-reader'); // ignored, as XDG says
    expect(defaultDataDir({ ...linux, env: { XDG_DATA_HOME: '' } })).toBe('/home/ada/.local/share/digest-reader');
  });

  it('on macOS: ~/Library/Application Support/Digest Reader', () => {
    expect(defaultDataDir(mac)).toBe('/Users/ada/Library/Application Support/Digest Reader');
    expect(defaultDataDir({ ...mac, env: { XDG_DATA_HOME: '/elsewhere' } })).toBe('/Users/ada/Library/Application Support/Digest Reader');
  });

  it('on Windows: %APPDATA%\\Digest Reader, else the usual Roaming folder', () => {
    expect(defaultDataDir(windows)).toBe('C:\\Users\\ada\\AppData\\Roaming\\Digest Reader');
    expect(defaultDataDir({ ...windows, env: {} })).toBe('C:\\Users\\ada\\AppData\\Roaming\\Digest Reader');
  });

  it('$DIGEST_READER_DATA overrides it everywhere', () => {
    expect(defaultDataDir({ ...linux, env: { DIGEST_READER_DATA: '/srv/library', XDG_DATA_HOME: '/data' } })).toBe('/srv/library');
    expect(defaultDataDir({ ...mac, env: { DIGEST_READER_DATA: '/Volumes/papers/lib' } })).toBe('/Volumes/papers/lib');
    expect(defaultDataDir({ ...windows, env: { ...windows.env, DIGEST_READER_DATA: 'D:\\Papers' } })).toBe('D:\\Papers');
    expect(dataDirIsChosen({ ...linux, env: { DIGEST_READER_DATA: '/srv/library' } })).toBe(true);
    expect(dataDirIsChosen(linux)).toBe(false);
  });
});

describe("where earlier desktop versions kept it (Electron's userData)", () => {
  it('on Linux: $XDG_CONFIG_HOME/Digest Reader, else ~/.config/Digest Reader — a different folder, so it moves', () => {
    expect(desktopUserDataDir(linux)).toBe('/home/ada/.config/Digest Reader');
    expect(desktopUserDataDir({ ...linux, env: { XDG_CONFIG_HOME: '/cfg' } })).toBe('/cfg/Digest Reader');
    expect(desktopUserDataDir(linux)).not.toBe(defaultDataDir(linux));
  });

  it('on macOS and Windows: the library folder itself, so nothing moves', () => {
    expect(desktopUserDataDir(mac)).toBe(defaultDataDir(mac));
    expect(desktopUserDataDir(windows)).toBe(defaultDataDir(windows));
  });
});
