/**
 * Pbx.ExportExtensions(): every user as the CSV a live PBX sends (BOM, CRLF, the departments
 * joined in one column), or as JSON when the sandbox is made with `exportFormat: 'json'` (what
 * the swagger says).
 */
import type { ThreeCxContext } from './context';
import { applyQuery } from './odata';
import { USERS } from './schema';
import type { ThreeCxUser } from './store';
import { allUsers } from './store';

/** Columns of the sandbox's Export Extensions CSV (the V20 column set is undocumented). */
export const EXPORT_COLUMNS = [
	'Number',
	'FirstName',
	'LastName',
	'EmailAddress',
	'Mobile',
	'OutboundCallerID',
	'Enabled',
	'Language',
	'AuthID',
	'AuthPassword',
	'Department',
];

export function exportRoutes({ server, state, api }: ThreeCxContext): void {
	api('GET', '/Users/Pbx.ExportExtensions()', (req) => {
		const result = applyQuery(USERS, allUsers(state) as never, req.query, {});
		if (state.options.exportFormat === 'json') {
			const body: Record<string, unknown> = { '@odata.context': `${server.baseUrl}/xapi/v1/$metadata#Collection(Pbx.User)` };
			if (result.count !== undefined) body['@odata.count'] = result.count;
			body.value = result.rows;
			return { status: 200, body };
		}
		const select = (req.query.$select ?? '').split(',').map((s) => s.trim()).filter(Boolean);
		const columns = select.length ? select : EXPORT_COLUMNS;
		const cell = (value: unknown) => {
			const text = value === null || value === undefined ? '' : String(value);
			return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
		};
		const lines = [columns.join(',')];
		for (const row of result.rows) {
			const user = state.users.get(row.Id as number) ?? (row as ThreeCxUser);
			lines.push(
				columns
					.map((c) => (c === 'Department' ? cell(user.Groups?.map((g) => g.Name).join(';')) : cell((row[c] ?? user[c]) as unknown)))
					.join(','),
			);
		}
		return {
			status: 200,
			headers: { 'Content-Type': 'text/csv; charset=UTF-8', 'Content-Disposition': 'attachment; filename="extensions.csv"' },
			body: Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`, 'utf8'),
		};
	});
}
