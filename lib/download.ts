/** Saves `text` as a file named `name`, as a link the person clicked would. */
export function downloadJson(text: string, name: string): void {
  downloadText(text, name, "application/json");
}

/** Saves `text` of the given type as a file named `name`. */
export function downloadText(text: string, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.click();
  // The click has started the download; the URL can go once this task is done.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
