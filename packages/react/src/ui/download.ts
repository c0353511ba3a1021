/**
 * Saves `file` as `name` through the browser's download (a temporary object URL on a clicked `<a download>`), the
 * one way every browser supports without a library. The URL is revoked on the next task, once the click started.
 */
export function downloadFile(file: Blob, name: string): void {
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
