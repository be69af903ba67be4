import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { RawResponse } from '../transport/api';
import { csvToObjects, objectsToCsv } from './csv';

function header(headers: IDataObject, name: string): string {
	const value = headers[name] ?? headers[name.toLowerCase()];
	return Array.isArray(value) ? String(value[0]) : value === undefined ? '' : String(value);
}

/** `attachment; filename="x.csv"` or RFC 5987 `filename*=UTF-8''x.csv`. */
function fileNameFromDisposition(disposition: string): string | undefined {
	const extended = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(disposition);
	if (extended) {
		try {
			return decodeURIComponent(extended[1].trim().replace(/^"|"$/g, ''));
		} catch {
			// fall through to the plain form
		}
	}
	const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/i.exec(disposition);
	return plain ? (plain[2] ?? plain[1]).trim() : undefined;
}

/** The File Name option, else the name the PBX suggests, else extensions.csv. */
export function exportFileName(option: unknown, headers: IDataObject): string {
	return (
		(typeof option === 'string' && option.trim()) ||
		fileNameFromDisposition(header(headers, 'content-disposition')) ||
		'extensions.csv'
	);
}

export interface ExportContent {
	contentType: string;
	/** The export as CSV: the PBX's bytes as text, or a JSON answer written as CSV. */
	csvText: string;
	/** One object per extension, keyed by the CSV header. */
	rows: IDataObject[];
	/** `@odata.count` of a JSON answer. */
	count?: number;
}

/**
 * Reads an Export Extensions answer. The swagger declares a JSON `value[]` of users, but live
 * PBXs answer `text/csv; charset=UTF-8`; both are handled.
 */
export function readExport(ctx: IExecuteFunctions, response: RawResponse, itemIndex: number): ExportContent {
	const contentType = header(response.headers, 'content-type');
	const text = response.body.toString('utf8');
	if (/json/i.test(contentType) || (!/csv|text\/plain|octet-stream/i.test(contentType) && /^\s*[{[]/.test(text))) {
		let parsed: IDataObject;
		try {
			parsed = JSON.parse(text) as IDataObject;
		} catch {
			throw new NodeOperationError(ctx.getNode(), 'The PBX sent an export that is neither CSV nor valid JSON', { itemIndex });
		}
		const users = Array.isArray(parsed) ? (parsed as IDataObject[]) : ((parsed.value as IDataObject[]) ?? []);
		const count = typeof parsed['@odata.count'] === 'number' ? (parsed['@odata.count'] as number) : undefined;
		const flat = users.map((user) =>
			Object.fromEntries(Object.entries(user).filter(([key]) => !key.startsWith('@odata.'))),
		);
		return { contentType, csvText: objectsToCsv(flat), rows: flat as IDataObject[], count };
	}
	return { contentType, csvText: text, rows: csvToObjects(text) };
}
