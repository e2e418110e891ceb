// A spreadsheet reads a cell that starts with one of these as a formula (CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field: quoted when it holds a comma, a quote or a line break; quotes doubled. Text that
 * a spreadsheet would take for a formula (a title, a name or an e-mail address starting with =, +,
 * -, @, a tab or a carriage return) gets a leading apostrophe and quotes, as OWASP recommends, so
 * it shows as the text it is. Numbers are written as they are.
 */
export function csvField(value: unknown): string {
  const text = value === null || value === undefined ? "" : String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) return `"'${text.replace(/"/g, '""')}"`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: unknown[]): string {
  return values.map(csvField).join(",") + "\r\n";
}

/** A byte-order mark first, so that Excel reads UTF-8 (and so Latvian letters). */
export const BOM = "\uFEFF";

export function csvResponse(body: string | ReadableStream<Uint8Array>, filename: string) {
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
}

/**
 * A CSV stream: the byte-order mark and the header, then one batch of lines per pull, so a large
 * export never sits in memory whole. `next(cursor)` returns the batch's lines and the next cursor,
 * or null when done.
 */
export function csvStream<C>(header: string[], first: C, next: (cursor: C) => Promise<{ lines: unknown[][]; cursor: C } | null>) {
  const encoder = new TextEncoder();
  let cursor = first;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      // better-sqlite3 answers synchronously: without this turn of the event loop every batch
      // would be computed before the first one reaches the network.
      await new Promise((resolve) => setImmediate(resolve));
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(BOM + csvLine(header)));
        return;
      }
      const batch = await next(cursor);
      if (!batch || batch.lines.length === 0) {
        controller.close();
        return;
      }
      cursor = batch.cursor;
      controller.enqueue(encoder.encode(batch.lines.map(csvLine).join("")));
    },
  });
}
