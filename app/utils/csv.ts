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
 * A CSV stream: the byte-order mark and the header, then one page of lines per pull, so a large
 * export never sits in memory whole. `pages` gives the lines a page at a time, read as the stream is.
 */
export function csvStream(header: string[], pages: AsyncIterable<unknown[][]>) {
  const encoder = new TextEncoder();
  const iterator = pages[Symbol.asyncIterator]();
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      // better-sqlite3 answers synchronously: without this turn of the event loop every page
      // would be computed before the first one reaches the network.
      await new Promise((resolve) => setImmediate(resolve));
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(BOM + csvLine(header)));
        return;
      }
      const page = await iterator.next();
      if (page.done) {
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(page.value.map(csvLine).join("")));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

/** Each page's rows as something else (a page of records as a page of CSV lines). */
export async function* mapPages<R, T>(pages: AsyncIterable<R[]>, map: (row: R) => T): AsyncGenerator<T[]> {
  for await (const page of pages) yield page.map(map);
}
