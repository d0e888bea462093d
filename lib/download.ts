/** Saves `text` as a file named `name`, as a link the person clicked would. */
export function downloadJson(text: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.click();
  // The click has started the download; the URL can go once this task is done.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
