// Saves data through the browser's download: a blob (a report's CSV) or a value as pretty JSON (a scenario, a report).
export function saveBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function downloadJson(fileName: string, data: unknown): void {
  saveBlob(fileName, new Blob([JSON.stringify(data, null, 2) + "\n"], { type: "application/json" }));
}
