/**
 * Saves data as a file through the browser's download (web mode, and Electron's default download
 * handling): a blob: URL on an <a download>, which the strict CSP allows since it runs no script.
 */
export function saveDownload(fileName: string, data: string | Uint8Array<ArrayBuffer>, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started reading the blob; free it once it surely has.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
