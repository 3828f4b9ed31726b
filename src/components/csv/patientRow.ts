/**
 * The checks every per-patient CSV of the workbench makes on a row before its own columns (the readers' and the
 * survival files): the row's patient, how messages name it ("line 7 (patient HCC_012)"), and the errors that refuse
 * it — a field count that differs from the header's, an empty patient_id, a patient already seen (`firstLine`
 * remembers each patient's first line and is updated here).
 */
export function patientRow(
  record: {line: number; fields: readonly string[]},
  headerFields: number,
  idColumn: number,
  firstLine: Map<string, number>,
): {patientId: string; where: string; errors: string[]} {
  const {line, fields} = record;
  const patientId = (fields[idColumn] ?? "").trim();
  const where = `line ${line}${patientId ? ` (patient ${patientId})` : ""}`;
  const errors: string[] = [];
  if (fields.length !== headerFields) errors.push(`has ${fields.length} fields, header has ${headerFields}`);
  if (!patientId) errors.push("patient_id is empty");
  else {
    const prior = firstLine.get(patientId);
    if (prior !== undefined) errors.push(`patient repeated (first on line ${prior})`);
    else firstLine.set(patientId, line);
  }
  return {patientId, where, errors};
}
