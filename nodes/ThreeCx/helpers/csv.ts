/**
 * RFC 4180 CSV, as 3CX's Export Extensions sends it (`text/csv; charset=UTF-8`). The column
 * set of the V20 export is not documented, so rows are keyed by the header row, never by
 * position. Handles a UTF-8 BOM, quoted fields with commas, doubled quotes and line breaks,
 * CRLF or LF line ends, and a missing final newline.
 */
export function parseCsv(text: string, delimiter = ','): string[][] {
	const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	let i = 0;
	while (i < input.length) {
		const ch = input[i];
		if (quoted) {
			if (ch === '"') {
				if (input[i + 1] === '"') {
					field += '"';
					i += 2;
					continue;
				}
				quoted = false;
				i++;
				continue;
			}
			field += ch;
			i++;
			continue;
		}
		if (ch === '"' && field === '') {
			quoted = true;
			i++;
		} else if (ch === delimiter) {
			row.push(field);
			field = '';
			i++;
		} else if (ch === '\r' || ch === '\n') {
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
			i += ch === '\r' && input[i + 1] === '\n' ? 2 : 1;
		} else {
			field += ch;
			i++;
		}
	}
	if (field !== '' || row.length) {
		row.push(field);
		rows.push(row);
	}
	// Blank lines carry no record.
	return rows.filter((r) => !(r.length === 1 && r[0] === ''));
}

/** CSV rows as objects keyed by the header row; missing trailing cells become ''. */
export function csvToObjects(text: string): Array<Record<string, string>> {
	const [header, ...rows] = parseCsv(text);
	if (!header) return [];
	const names = header.map((h, index) => h.trim() || `column${index + 1}`);
	return rows.map((cells) => {
		const record: Record<string, string> = {};
		names.forEach((name, index) => (record[name] = cells[index] ?? ''));
		return record;
	});
}

function cell(value: unknown): string {
	if (value === null || value === undefined) return '';
	const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Writes objects as CSV with the union of their keys as header (first-seen order). */
export function objectsToCsv(records: Array<Record<string, unknown>>, columns?: string[]): string {
	const header = columns ?? [...new Set(records.flatMap((r) => Object.keys(r)))];
	const lines = [header.map(cell).join(',')];
	for (const record of records) lines.push(header.map((name) => cell(record[name])).join(','));
	return `${lines.join('\r\n')}\r\n`;
}

/**
 * The CSV without the named columns (matched on the trimmed header), every other cell as it was;
 * a UTF-8 BOM is kept so spreadsheet programs still read the file as UTF-8.
 */
export function withoutColumns(text: string, columns: readonly string[]): string {
	const [header, ...rows] = parseCsv(text);
	if (!header) return text;
	const keep = header.map((name, index) => (columns.includes(name.trim()) ? -1 : index)).filter((index) => index >= 0);
	if (keep.length === header.length) return text;
	const lines = [header, ...rows].map((cells) => keep.map((index) => cell(cells[index] ?? '')).join(','));
	const bom = text.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
	return `${bom}${lines.join('\r\n')}\r\n`;
}
