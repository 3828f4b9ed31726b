import {BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType} from "docx";
import type {PaperTable} from "./paperTable.js";

const rule = {style: BorderStyle.SINGLE, size: 6, color: "000000"} as const;
const none = {style: BorderStyle.NONE, size: 0, color: "FFFFFF"} as const;

/**
 * The table as a Word document: its title, a real Word table (a header row repeated on every page, rules above and
 * below the header and under the last row, as journals set tables) and the note. Written with `docx`, which builds
 * the Office Open XML itself: no Word, no LibreOffice.
 */
export async function tableDocx(table: PaperTable): Promise<Uint8Array> {
  const cell = (text: string, options: {bold?: boolean; top?: boolean; bottom?: boolean} = {}) =>
    new TableCell({
      children: [new Paragraph({children: [new TextRun({text, bold: options.bold ?? false, size: 18})]})],
      borders: {top: options.top ? rule : none, bottom: options.bottom ? rule : none, left: none, right: none},
    });
  const last = table.rows.length - 1;
  const docTable = new Table({
    width: {size: 100, type: WidthType.PERCENTAGE},
    rows: [
      new TableRow({
        tableHeader: true,
        children: table.columns.map((c) => cell(c, {bold: true, top: true, bottom: true})),
      }),
      ...table.rows.map(
        (row, i) =>
          new TableRow({children: row.cells.map((c) => cell(c, {bold: row.header ?? false, bottom: i === last}))}),
      ),
    ],
  });
  const doc = new Document({
    creator: "tace-workbench",
    title: table.title,
    sections: [
      {
        children: [
          new Paragraph({children: [new TextRun({text: table.title, bold: true})]}),
          docTable,
          ...(table.note ? [new Paragraph({children: [new TextRun({text: table.note, size: 16})]})] : []),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
