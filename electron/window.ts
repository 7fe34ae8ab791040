import { BrowserWindow, screen, type Rectangle } from 'electron';
import { APP_URL } from './policy';

export type WindowState = { bounds?: Rectangle; maximized?: boolean };

/** The saved bounds, if they still land on a screen (a monitor may have been unplugged since). */
export function visibleBounds(saved: Rectangle | undefined, workAreas: Rectangle[]): Rectangle | undefined {
  if (!saved) return undefined;
  const centreX = saved.x + saved.width / 2;
  const centreY = saved.y + Math.min(saved.height / 2, 40); // the title bar, which the reader grabs
  const onScreen = workAreas.some((a) => centreX >= a.x && centreX < a.x + a.width && centreY >= a.y && centreY < a.y + a.height);
  return onScreen ? saved : undefined;
}

/** Opens the app's window where it was last left, and remembers where it is left this time. */
export function createWindow(preload: string, state: WindowState, save: (state: WindowState) => void): BrowserWindow {
  const workAreas = screen.getAllDisplays().map((d) => d.workArea);
  // The Electron security checklist, written out where the window is made (as scanners expect).
  const win = new BrowserWindow({
    ...(visibleBounds(state.bounds, workAreas) ?? { width: 1200, height: 800 }),
    minWidth: 640,
    minHeight: 420,
    show: false,
    webPreferences: {
      preload, // eng-disable PRELOAD_JS_CHECK: it exposes only the transport and the folder chooser, never ipcRenderer
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick', // a middle click opens nothing either
    },
  });
  if (state.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  win.on('close', () => save({ bounds: win.getNormalBounds(), maximized: win.isMaximized() }));
  void win.loadURL(APP_URL);
  return win;
}
