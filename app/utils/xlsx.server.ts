// Spreadsheets people open: an .xlsx written row by row to the response as it is read (exceljs's
// streaming writer), with typed cells (numbers as numbers, dates as dates with a date format), a
// frozen header row and column widths. Knows nothing of the domain: it takes the columns and the rows.
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import { LAB_TIME_ZONE } from "./format";

export type XlsxValue = string | number | Date | null | undefined;

export type XlsxColumn<R> = {
  /** The heading, in the reader's language. */
  header: string;
  /** The width in characters. */
  width: number;
  value: (row: R) => XlsxValue;
  /** How the column's dates are shown: a day, or a day and a time (in the lab's time zone). */
  date?: "day" | "time";
  /** A number format for the column's numbers (a percentage, decimals), or for each row's. */
  numFmt?: string | ((row: R) => string | undefined);
  /** Text over several lines: wrapped, at the top of the cell. */
  wrap?: boolean;
};

/** Latvian and English readers both read a day as 14.11.2026; the spreadsheet shows it as its locale does only for built-in formats. */
export const XLSX_DAY = "dd.mm.yyyy";
export const XLSX_TIME = "dd.mm.yyyy hh:mm";

const wallClock = new Intl.DateTimeFormat("en-GB", {
  timeZone: LAB_TIME_ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

/**
 * A moment as the lab's clock shows it. A spreadsheet's date has no time zone: exceljs writes a
 * Date's UTC fields, so the moment is moved by the lab's offset to show the lab's time.
 */
export function labWallClock(at: Date): Date {
  const parts = Object.fromEntries(wallClock.formatToParts(at).map((p) => [p.type, p.value]));
  return new Date(Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second));
}

/** A sheet's name: at most 31 characters, none of : \ / ? * [ ]. */
const sheetName = (name: string) => name.replace(/[:\\/?*[\]]/g, " ").slice(0, 31);

/**
 * A workbook of one sheet, streamed: the header row (bold, frozen, with a filter), then one row per
 * row of `rows`, each committed (and so written out) as soon as it is added. The rows are read as
 * the stream is read; when the reader goes away, the reading stops.
 */
export function xlsxStream<R>(options: { sheet: string; columns: XlsxColumn<R>[]; rows: AsyncIterable<R> | Iterable<R> }): ReadableStream<Uint8Array> {
  const { columns, rows } = options;
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName(options.sheet), { views: [{ state: "frozen", ySplit: 1, xSplit: 0 }] });
  sheet.columns = columns.map((c, i) => ({ key: String(i), width: c.width }));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };

  async function write() {
    const header = sheet.addRow(columns.map((c) => c.header));
    header.font = { bold: true };
    header.commit();
    let written = 0;
    for await (const row of rows) {
      if (out.destroyed) return;
      const added = sheet.addRow(
        columns.map((c) => {
          const value = c.value(row);
          if (value instanceof Date) return c.date === "day" ? value : labWallClock(value);
          return value ?? null;
        }),
      );
      columns.forEach((c, i) => {
        const cell = added.getCell(i + 1);
        if (cell.value instanceof Date) cell.numFmt = c.date === "day" ? XLSX_DAY : XLSX_TIME;
        else if (typeof cell.value === "number" && c.numFmt) {
          const format = typeof c.numFmt === "string" ? c.numFmt : c.numFmt(row);
          if (format) cell.numFmt = format;
        }
        if (c.wrap) cell.alignment = { wrapText: true, vertical: "top" };
      });
      added.commit();
      // Let the written part go out (and the reader be heard) before reading on.
      if (++written % 200 === 0) {
        if (out.writableNeedDrain) await drained(out);
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    sheet.commit();
    await workbook.commit();
  }

  write().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}

/** The stream has room again, or is gone. */
function drained(out: PassThrough) {
  return new Promise<void>((resolve) => {
    const done = () => {
      out.off("drain", done).off("close", done);
      resolve();
    };
    out.on("drain", done).on("close", done);
  });
}

export function xlsxResponse(body: ReadableStream<Uint8Array>, filename: string) {
  return new Response(body, {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      // An ASCII name for old clients, and the name as written (RFC 6266, RFC 5987) for the rest.
      "Content-Disposition": `attachment; filename="${asciiName(filename)}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      "Cache-Control": "no-store",
    },
  });
}

/** A file name without its diacritics (ā → a, š → s), for the plain `filename` parameter. */
export function asciiName(filename: string) {
  return filename
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x20-\x7e]/g, "_")
    .replace(/["\\]/g, "_");
}

/** The rows of a reader that gives them a page at a time. */
export async function* rowsOf<R>(pages: AsyncIterable<R[]>): AsyncGenerator<R> {
  for await (const page of pages) yield* page;
}
